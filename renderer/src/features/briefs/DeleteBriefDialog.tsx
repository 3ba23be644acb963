import type { BriefSummary } from '../../../../shared/api/contract-briefs';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../ui/Dialog';

interface DeleteBriefDialogProps {
  brief: BriefSummary;
  onClose(): void;
  onDeleted(brief: BriefSummary): void;
}

/** Asks before a brief goes to the trash; the destructive button has focus, so Enter confirms. */
export function DeleteBriefDialog({ brief, onClose, onDeleted }: DeleteBriefDialogProps) {
  const remove = async () => {
    await api.deleteBrief({ id: brief.id });
    onDeleted(brief);
  };
  return (
    <ConfirmDialog title="Delete this brief?" testId="delete-brief" confirm="Delete brief" run={remove} onClose={onClose}>
      <p>“{brief.title}” goes to the notebook’s trash, from where it can be restored. The claims it cites are not touched.</p>
    </ConfirmDialog>
  );
}
