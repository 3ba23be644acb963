import { useState } from 'react';
import type { Codebook } from '../../../../shared/model';
import { Dialog } from '../../ui/Dialog';
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
  const targets = entriesOf(codebook, entry.kind).filter((e) => e.id !== entry.id);
  const into = targets.find((t) => t.id === intoId);

  const merge = async () => {
    if (!into) throw new Error(`Choose the ${entry.kind} to merge “${entry.name}” into.`);
    const change = await mergeEntry(entry.kind, entry.id, into.id);
    onMerged(`Merged “${entry.name}” into “${into.name}”; ${claimsText(change.claimsChanged)} changed.`);
  };

  return (
    <Dialog
      title={`Merge ${entry.kind} “${entry.name}”`}
      onClose={onClose}
      testId="merge-entry"
      action={{ label: into ? `Merge into “${into.name}”` : 'Merge', run: merge }}
    >
      <p>
        “{entry.name}” goes away. {FOLLOWS[entry.kind]}
      </p>
      <EntrySelect label={`Merge into`} options={targets} value={intoId} onChange={setIntoId} placeholder={`Choose a ${entry.kind}…`} />
    </Dialog>
  );
}
