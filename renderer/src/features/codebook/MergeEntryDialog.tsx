import { useState } from 'react';
import type { Codebook } from '../../../../shared/model';
import { AppDialog } from '../../components/AppDialog';
import { errorText } from '../../components/status-context';
import { EntrySelect } from './EntrySelect';
import { claimsText, entriesOf, mergeEntry, type EntryRef } from './codebook-entries';

interface MergeEntryDialogProps {
  entry: EntryRef;
  codebook: Codebook;
  onClose(): void;
  onMerged(message: string): void;
}

const FOLLOWS: Record<EntryRef['kind'], string> = {
  actor: 'Its claims follow, and its name and aliases become aliases of the other actor.',
  issue: 'Its claims, propositions and sub-issues follow.',
  stance: 'Its claims take the other stance.',
  tag: 'Claims carrying it carry the other tag instead.',
};

/** Merges one entry into another of the same kind, chosen from a list. */
export function MergeEntryDialog({ entry, codebook, onClose, onMerged }: MergeEntryDialogProps) {
  const [intoId, setIntoId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const targets = entriesOf(codebook, entry.kind).filter((e) => e.id !== entry.id);
  const into = targets.find((t) => t.id === intoId);

  const merge = async () => {
    if (busy) return;
    if (!into) return setProblem(`Choose the ${entry.kind} to merge “${entry.name}” into.`);
    setBusy(true);
    try {
      const change = await mergeEntry(entry.kind, entry.id, into.id);
      onMerged(`Merged “${entry.name}” into “${into.name}”; ${claimsText(change.claimsChanged)} changed.`);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  return (
    <AppDialog title={`Merge ${entry.kind} “${entry.name}”`} onClose={onClose} testId="merge-entry">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void merge();
        }}
      >
        <p>
          “{entry.name}” goes away. {FOLLOWS[entry.kind]}
        </p>
        <EntrySelect label={`Merge into`} options={targets} value={intoId} onChange={setIntoId} placeholder={`Choose a ${entry.kind}…`} />
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || !into || undefined}>
            {into ? `Merge into “${into.name}”` : 'Merge'}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
