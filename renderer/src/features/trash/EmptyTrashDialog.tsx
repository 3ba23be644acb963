import { useState } from 'react';
import { api } from '../../api/client';
import { AppDialog } from '../../components/AppDialog';
import { plural } from '../../components/plural';
import { errorText } from '../../components/status-context';

interface EmptyTrashDialogProps {
  count: number;
  onClose(): void;
  onEmptied(removed: number): void;
}

/** Asks before the trash is emptied for good; the safe button has focus, since this cannot be undone. */
export function EmptyTrashDialog({ count, onClose, onEmptied }: EmptyTrashDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const empty = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onEmptied((await api.emptyTrash({})).removed);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <AppDialog title="Empty the trash?" role="alertdialog" size="small" onClose={onClose} testId="empty-trash">
      <p>
        {plural(count, 'item')} will be removed for good. This cannot be undone, though the notebook’s backups (below the trash list) still hold
        what was there when each was taken.
      </p>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          Keep them
        </button>
        <button type="button" className="button button--danger-solid" aria-disabled={busy || undefined} onClick={() => void empty()}>
          Empty the trash
        </button>
      </div>
    </AppDialog>
  );
}
