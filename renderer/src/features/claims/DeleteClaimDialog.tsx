import { useQuery } from '@tanstack/react-query';
import type { Claim } from '../../../../shared/model';
import { api } from '../../api/client';
import { ownClaimChange } from '../../api/own-claim-changes';
import { ConfirmDialog } from '../../ui/Dialog';
import { CitedInBriefs } from '../trash/CitedInBriefs';
import { useClaimMutations } from './claim-mutations';
import { excerpt } from './codebook-lookup';

interface DeleteClaimDialogProps {
  claim: Claim;
  onClose(): void;
  onDeleted(claim: Claim): void;
}

/** Asks before a claim goes to the trash; the destructive button has focus, so Enter confirms. */
export function DeleteClaimDialog({ claim, onClose, onDeleted }: DeleteClaimDialogProps) {
  const citing = useQuery({ queryKey: ['briefs', 'citing-claim', claim.id], queryFn: () => api.briefsCiting({ claimIds: [claim.id] }) });
  const mutations = useClaimMutations();
  const remove = async () => {
    // Gone from the text at once; back, with the dialog's error, if the core refuses.
    const putBack = mutations.hiding(claim);
    try {
      await ownClaimChange(claim.articleId, (options) => api.deleteClaim({ articleId: claim.articleId, id: claim.id }, options));
    } catch (error) {
      putBack();
      throw error;
    }
    onDeleted(claim);
  };
  return (
    <ConfirmDialog title="Delete this claim?" testId="delete-claim" confirm="Delete claim" run={remove} onClose={onClose}>
      <p>The claim and its coding and note go to the notebook’s trash:</p>
      <blockquote className="claim-editor__quote">“{excerpt(claim.target.quote.exact, 200)}”</blockquote>
      <CitedInBriefs briefs={citing.data} what="This claim" />
    </ConfirmDialog>
  );
}
