import { api } from '../../api/client';
import { plural } from '../../components/plural';
import { Dialog } from '../../ui/Dialog';

interface EmptyTrashDialogProps {
  count: number;
  onClose(): void;
  onEmptied(removed: number): void;
}

/** Asks before the trash is emptied for good; the safe button has focus, since this cannot be undone. */
export function EmptyTrashDialog({ count, onClose, onEmptied }: EmptyTrashDialogProps) {
  return (
    <Dialog
      title="Empty the trash?"
      role="alertdialog"
      size="small"
      onClose={onClose}
      testId="empty-trash"
      cancel={{ label: 'Keep them', autoFocus: true }}
      action={{ label: 'Empty the trash', tone: 'danger', run: async () => onEmptied((await api.emptyTrash({})).removed) }}
    >
      <p>
        {plural(count, 'item')} will be removed for good. This cannot be undone, though the notebook’s backups (below the trash list) still hold
        what was there when each was taken.
      </p>
    </Dialog>
  );
}
