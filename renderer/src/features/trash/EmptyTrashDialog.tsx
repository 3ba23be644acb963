import { api } from '../../api/client';
import { plural } from '../../components/plural';
import { ConfirmDialog } from '../../ui/Dialog';

interface EmptyTrashDialogProps {
  count: number;
  onClose(): void;
  onEmptied(removed: number): void;
}

/** Asks before the trash is emptied for good; the safe button has focus, since this cannot be undone. */
export function EmptyTrashDialog({ count, onClose, onEmptied }: EmptyTrashDialogProps) {
  return (
    <ConfirmDialog
      title="Empty the trash?"
      testId="empty-trash"
      confirm="Empty the trash"
      keep="Keep them"
      focus="keep"
      run={async () => onEmptied((await api.emptyTrash({})).removed)}
      onClose={onClose}
    >
      <p>
        {plural(count, 'item')} will be removed for good. This cannot be undone, though the notebook’s backups (below the trash list) still hold what
        was there when each was taken.
      </p>
    </ConfirmDialog>
  );
}
