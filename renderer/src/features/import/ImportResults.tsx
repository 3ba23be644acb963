import type { ImportItem } from './use-import-queue';

interface ImportResultsProps {
  items: ImportItem[];
  onOpen(articleId: string): void;
  onSkip(item: ImportItem): void;
  onRevision(item: ImportItem): void;
}

const LABEL: Record<ImportItem['state'], string> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  imported: 'Imported',
  duplicate: 'Already in the notebook',
  skipped: 'Skipped (already in the notebook)',
  revised: 'New revision',
  failed: 'Not imported',
  cancelled: 'Cancelled',
};

/** One row per file: what happened to it and what can still be done. */
export function ImportResults({ items, onOpen, onSkip, onRevision }: ImportResultsProps) {
  return (
    <ul className="import-results" aria-label="Files" data-testid="import-results">
      {items.map((item) => (
        <li key={item.key} className={`import-result import-result--${item.state}`} data-state={item.state} data-testid="import-result">
          <span className="import-result__icon" aria-hidden="true" />
          <div className="import-result__body">
            <span className="import-result__name">{item.path}</span>
            <span className="import-result__state">
              {LABEL[item.state]}
              {(item.state === 'imported' || item.state === 'revised') && item.articleId && (
                <>
                  {': '}
                  <button type="button" className="link-button" onClick={() => onOpen(item.articleId ?? '')}>
                    {item.title}
                  </button>
                </>
              )}
              {(item.state === 'duplicate' || item.state === 'skipped') && item.title && <> as “{item.title}”</>}
            </span>
            {item.message && <span className="import-result__message">{item.message}</span>}
          </div>
          {item.state === 'duplicate' && item.file && (
            <div className="import-result__actions">
              <button type="button" className="button button--small" onClick={() => onSkip(item)}>
                Skip
              </button>
              <button type="button" className="button button--small" onClick={() => onRevision(item)}>
                Import as new revision
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export function summarise(items: ImportItem[]): string {
  const count = (states: ImportItem['state'][]) => items.filter((i) => states.includes(i.state)).length;
  const parts = [
    `${count(['imported'])} imported`,
    count(['duplicate', 'skipped', 'revised']) && `${count(['duplicate', 'skipped', 'revised'])} already in the notebook`,
    count(['failed']) && `${count(['failed'])} not imported`,
    count(['cancelled']) && `${count(['cancelled'])} cancelled`,
  ].filter(Boolean);
  return `${parts.join(', ')}.`;
}
