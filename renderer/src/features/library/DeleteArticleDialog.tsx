import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { AppDialog } from '../../components/AppDialog';
import { plural } from '../../components/plural';
import { errorText } from '../../components/status-context';
import { CitedInBriefs } from '../trash/CitedInBriefs';

interface DeleteArticleDialogProps {
  article: { id: string; title: string; claimCount: number };
  onClose(): void;
  onDeleted(): void;
}

/**
 * Asks before an article (with its claims) goes to the trash, saying how many claims go with it
 * and which briefs cite them. The destructive button has focus, so Enter confirms.
 */
export function DeleteArticleDialog({ article, onClose, onDeleted }: DeleteArticleDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const citing = useQuery({ queryKey: ['briefs', 'citing-article', article.id], queryFn: () => api.briefsCiting({ articleId: article.id }) });
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api.deleteArticle({ id: article.id });
      onDeleted();
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <AppDialog title="Delete this article?" role="alertdialog" size="small" onClose={onClose} testId="delete-article">
      <p>
        “{article.title}”{article.claimCount > 0 ? ` and its ${plural(article.claimCount, 'claim')}` : ''} go to the notebook’s trash, from where
        they can be restored.
      </p>
      <CitedInBriefs briefs={citing.data} what={article.claimCount === 1 ? 'Its claim' : 'Its claims'} />
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="button button--danger-solid" autoFocus aria-disabled={busy || undefined} onClick={() => void remove()}>
          Delete article
        </button>
      </div>
    </AppDialog>
  );
}
