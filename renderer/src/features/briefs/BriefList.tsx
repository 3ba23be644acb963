import type { KeyboardEvent } from 'react';
import type { BriefSummary } from '../../../../shared/api/contract-briefs';
import { formatDate } from '../../components/format-date';

interface BriefListProps {
  briefs: BriefSummary[] | undefined;
  isLoading: boolean;
  openBriefId: string | null;
  onOpen(id: string): void;
  onCreate(): void;
  onGenerate(): void;
  onRename(id: string): void;
  onDelete(brief: BriefSummary): void;
}

function changed(iso: string): string {
  return formatDate(iso.slice(0, 10), 'short');
}

/** Up and Down walk the briefs, as in the library. */
function onListKey(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.brief-row__open')];
  const at = rows.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  rows[Math.min(rows.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

/** The analyst's briefs, most recently changed first, with new, draft, rename and delete. */
export function BriefList({ briefs, isLoading, openBriefId, onOpen, onCreate, onGenerate, onRename, onDelete }: BriefListProps) {
  return (
    <nav className="brief-list" aria-label="Briefs">
      <div className="pane-header">
        <h2 className="pane-title">Briefs</h2>
      </div>
      <div className="brief-list__actions">
        <button type="button" className="button button--primary button--small" onClick={onCreate}>
          New brief
        </button>
        <button type="button" className="button button--small" onClick={onGenerate}>
          Draft from articles…
        </button>
      </div>
      {isLoading && <p className="empty-note">Reading briefs…</p>}
      {briefs && briefs.length === 0 && <p className="empty-note">No briefs yet. Start one, or draft one from the articles you have coded.</p>}
      <ul className="brief-list__rows" onKeyDown={onListKey}>
        {briefs?.map((b) => (
          <li key={b.id} className={`brief-row${b.id === openBriefId ? ' brief-row--open' : ''}`} data-testid="brief-row">
            <button type="button" className="brief-row__open" aria-current={b.id === openBriefId ? 'page' : undefined} onClick={() => onOpen(b.id)}>
              <span className="brief-row__title">{b.title}</span>
              <span className="brief-row__meta">
                {changed(b.updatedAt)} · {b.citationCount} citation{b.citationCount === 1 ? '' : 's'}
              </span>
            </button>
            <span className="brief-row__tools">
              <button type="button" className="button button--quiet button--small" aria-label={`Rename ${b.title}`} onClick={() => onRename(b.id)}>
                Rename
              </button>
              <button
                type="button"
                className="button button--quiet button--small button--danger"
                aria-label={`Delete ${b.title}`}
                onClick={() => onDelete(b)}
              >
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
