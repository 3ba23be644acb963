import { Label, ProgressBar } from 'react-aria-components';
import { Dialog } from '../../ui/Dialog';
import { ImportResults, summarise } from './ImportResults';
import { isFinished, type ImportItem } from './use-import-queue';

interface ImportDialogProps {
  items: ImportItem[];
  running: boolean;
  onCancel(): void;
  onClose(): void;
  onOpen(articleId: string): void;
  onSkip(item: ImportItem): void;
  onRevision(item: ImportItem): void;
}

/** Progress and per-file results of importing several files. */
export function ImportDialog({ items, running, onCancel, onClose, onOpen, onSkip, onRevision }: ImportDialogProps) {
  const done = items.filter(isFinished).length;
  const total = items.length;
  return (
    <Dialog title="Import files" onClose={onClose} size="large" testId="import-files">
      <ProgressBar className="import-progress" value={done} minValue={0} maxValue={Math.max(total, 1)} valueLabel={`${done} of ${total}`}>
        {({ percentage, valueText }) => (
          <>
            <div className="import-progress__labels">
              <Label>{running ? 'Importing files' : 'Finished'}</Label>
              <span data-testid="import-count">{valueText}</span>
            </div>
            <div className="import-progress__track">
              <div className="import-progress__fill" style={{ width: `${percentage ?? 0}%` }} />
            </div>
          </>
        )}
      </ProgressBar>
      {!running && total > 0 && <p className="dialog-hint">{summarise(items)}</p>}
      <ImportResults items={items} onOpen={onOpen} onSkip={onSkip} onRevision={onRevision} />
      <div className="dialog-actions">
        <span className="toolbar-spacer" />
        {running ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        )}
      </div>
    </Dialog>
  );
}
