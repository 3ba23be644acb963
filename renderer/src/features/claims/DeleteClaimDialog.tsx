import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Claim } from '../../../../shared/model';
import { api } from '../../api/client';
import { ownClaimChange } from '../../api/own-claim-changes';
import { AppDialog } from '../../components/AppDialog';
import { errorText } from '../../components/status-context';
import { CitedInBriefs } from '../trash/CitedInBriefs';
import { excerpt } from './codebook-lookup';

interface DeleteClaimDialogProps {
  claim: Claim;
  onClose(): void;
  onDeleted(claim: Claim): void;
}

/** Asks before a claim goes to the trash; the destructive button has focus, so Enter confirms. */
export function DeleteClaimDialog({ claim, onClose, onDeleted }: DeleteClaimDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const citing = useQuery({ queryKey: ['briefs', 'citing-claim', claim.id], queryFn: () => api.briefsCiting({ claimIds: [claim.id] }) });
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await ownClaimChange(claim.articleId, (options) => api.deleteClaim({ articleId: claim.articleId, id: claim.id }, options));
      onDeleted(claim);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <AppDialog title="Delete this claim?" role="alertdialog" size="small" onClose={onClose} testId="delete-claim">
      <p>The claim and its coding and note go to the notebook’s trash:</p>
      <blockquote className="claim-editor__quote">“{excerpt(claim.target.quote.exact, 200)}”</blockquote>
      <CitedInBriefs briefs={citing.data} what="This claim" />
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
          Delete claim
        </button>
      </div>
    </AppDialog>
  );
}
