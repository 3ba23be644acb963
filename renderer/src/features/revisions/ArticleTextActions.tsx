import { useState } from 'react';
import type { Article } from '../../../../shared/model';
import type { AnchorCounts } from '../../../../shared/api/contract-annotate';
import { useStatus } from '../../components/status-context';
import { reviewStore } from '../orphans/review-store';
import { EditTextDialog } from './EditTextDialog';
import './revisions.css';

function countsText(counts: AnchorCounts): string {
  const claims = (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`;
  return `${claims(counts.exact)} exact, ${counts.relocated} relocated, ${counts.orphaned} orphaned${counts.needsReview > 0 ? ` (${counts.needsReview} of them placed but needing review)` : ''}`;
}

/** "Edit text" in the article's toolbar, and what follows a save: the report, the orphans review. */
export function ArticleTextActions({ article }: { article: Article }) {
  const status = useStatus();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setEditing(true)}>
        Edit text{article.rev > 1 && <span className="revision-badge">rev {article.rev}</span>}
      </button>
      {editing && (
        <EditTextDialog
          article={article}
          onClose={() => setEditing(false)}
          onUnchanged={() => {
            setEditing(false);
            status.announce('The text is as it was; nothing was changed.');
          }}
          onRevised={(rev, counts) => {
            setEditing(false);
            const toReview = counts.orphaned + counts.needsReview;
            status.announce(`Text saved as revision ${rev}: ${countsText(counts)}.${toReview > 0 ? ' Review them above the article.' : ''}`);
            if (toReview > 0) reviewStore.open(article.id);
          }}
        />
      )}
    </>
  );
}
