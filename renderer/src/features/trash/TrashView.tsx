import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TrashEntry } from '../../../../shared/api/contract-trash';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format-date';
import { plural } from '../../components/plural';
import { useStatus } from '../../components/status-context';
import { BackupsSection } from './BackupsSection';
import { EmptyTrashDialog } from './EmptyTrashDialog';
import { trashKeys } from './trash-queries';
import './trash.css';

interface TrashViewProps {
  entries: TrashEntry[] | undefined;
  isLoading: boolean;
  /** Shows an article in the reader (after restoring it, or a claim of it). */
  onOpenArticle(id: string): void;
}

const KIND: Record<TrashEntry['kind'], string> = { article: 'Article', claim: 'Claim', brief: 'Brief' };

function describe(entry: TrashEntry): string {
  if (entry.kind !== 'claim') return entry.label;
  return `“${entry.label}”`;
}

/**
 * The Trash view: deleted articles (with their claims), claims and briefs, newest first, each
 * with Restore; Empty the trash (asks first); and the notebook's backups below.
 */
export function TrashView({ entries, isLoading, onOpenArticle }: TrashViewProps) {
  const status = useStatus();
  const client = useQueryClient();
  const [emptying, setEmptying] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const restore = async (entry: TrashEntry) => {
    setBusy(entry.id);
    try {
      await api.restoreFromTrash({ id: entry.id });
      await client.invalidateQueries({ queryKey: trashKeys.list });
      const name = entry.kind === 'claim' ? 'The claim' : `“${entry.label}”`;
      if (entry.kind === 'brief') {
        status.announce(`${name} is back among the briefs.`);
      } else {
        const articleId = entry.kind === 'article' ? entry.id : entry.articleId;
        status.announce(`${name} restored.`, articleId ? { label: 'Open it', run: () => onOpenArticle(articleId) } : undefined);
      }
      // Keep keyboard users in the list: on the next item, or the heading when it is empty.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.trash-item button, #trash-title')?.focus());
    } catch (error) {
      status.reportError(error, `“${entry.label.slice(0, 60)}” could not be restored`);
    } finally {
      setBusy(null);
    }
  };

  const count = entries?.length ?? 0;
  return (
    <div className="trash-view" data-testid="trash-view">
      <section className="trash-section" aria-labelledby="trash-title">
        <div className="trash-section__head">
          <h1 id="trash-title" className="trash-section__title" tabIndex={-1}>
            Trash
          </h1>
          <span className="muted">{entries ? plural(count, 'item') : ''}</span>
          <span className="toolbar-spacer" />
          <button
            type="button"
            className="button button--small button--danger"
            aria-disabled={count === 0 || undefined}
            onClick={() => count > 0 && setEmptying(true)}
          >
            Empty the trash…
          </button>
        </div>
        <p className="muted trash-section__note">
          Deleted articles (with their claims), claims and briefs wait here until you restore them or empty the trash. A claim comes back only while
          its article is in the library.
        </p>
        {isLoading && <p className="empty-note">Looking in the trash…</p>}
        {entries && count === 0 && <p className="empty-note">The trash is empty.</p>}
        {count > 0 && (
          <ul className="trash-list" aria-label="Deleted items">
            {entries?.map((entry) => {
              const orphanClaim = entry.kind === 'claim' && !entry.articleTitle;
              return (
                <li key={`${entry.kind}:${entry.id}`} className="trash-item" data-testid="trash-item" data-kind={entry.kind}>
                  <span className={`trash-item__kind trash-item__kind--${entry.kind}`}>{KIND[entry.kind]}</span>
                  <span className="trash-item__label">
                    <span className="trash-item__title">{describe(entry)}</span>
                    <span className="trash-item__meta muted">
                      Deleted {formatDateTime(entry.deletedAt)}
                      {entry.kind === 'claim' && (entry.articleTitle ? ` · from “${entry.articleTitle}”` : ' · its article is in the trash too')}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Restore ${KIND[entry.kind].toLowerCase()} ${describe(entry).slice(0, 80)}`}
                    aria-disabled={busy !== null || orphanClaim || undefined}
                    title={orphanClaim ? 'Restore its article first' : undefined}
                    onClick={() => busy === null && !orphanClaim && void restore(entry)}
                  >
                    Restore
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <BackupsSection />
      {emptying && (
        <EmptyTrashDialog
          count={count}
          onClose={() => setEmptying(false)}
          onEmptied={(removed) => {
            setEmptying(false);
            void client.invalidateQueries({ queryKey: trashKeys.list });
            status.announce(`The trash is empty: ${plural(removed, 'item')} removed for good.`);
          }}
        />
      )}
    </div>
  );
}
