import { useState } from 'react';
import type { BriefSummary } from '../../../../shared/api/contract-briefs';
import { api } from '../../api/client';
import { AppDialog } from '../../components/AppDialog';
import { errorText } from '../../components/status-context';

interface DeleteBriefDialogProps {
  brief: BriefSummary;
  onClose(): void;
  onDeleted(brief: BriefSummary): void;
}

/** Asks before a brief goes to the trash; the destructive button has focus, so Enter confirms. */
export function DeleteBriefDialog({ brief, onClose, onDeleted }: DeleteBriefDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await api.deleteBrief({ id: brief.id });
      onDeleted(brief);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <AppDialog title="Delete this brief?" role="alertdialog" size="small" onClose={onClose} testId="delete-brief">
      <p>
        “{brief.title}” goes to the notebook’s trash, from where it can be restored. The claims it cites are not touched.
      </p>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="button button--danger-solid" autoFocus disabled={busy} onClick={() => void remove()}>
          Delete brief
        </button>
      </div>
    </AppDialog>
  );
}
