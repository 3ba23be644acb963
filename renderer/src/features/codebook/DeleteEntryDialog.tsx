import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { Codebook } from '../../../../shared/model';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../components/status-context';
import { EntrySelect } from './EntrySelect';
import { claimsText, deleteEntry, entriesOf, type EntryRef } from './codebook-entries';
import { issueAndDescendants } from './issue-tree';
import { useCodebookUsage, usageOf } from './use-codebook-usage';

interface DeleteEntryDialogProps {
  entry: EntryRef;
  codebook: Codebook;
  onClose(): void;
  onDeleted(message: string): void;
}

type ClaimsGo = 'refuse' | 'move' | 'clear';

/** The core's refusal names the API's options; the analyst needs its first sentence, the count. */
function refusalText(message: string): string {
  const first = message.split(/(?<=\.)\s/)[0] ?? message;
  return /\d+ claims? uses?/.test(first) ? `${first} Choose where its claims go, then delete again.` : message;
}

/**
 * Deletes an entry, saying how many claims use it. By default a delete of an entry in use is
 * refused; the analyst may instead move its claims to another entry or clear it from them.
 */
export function DeleteEntryDialog({ entry, codebook, onClose, onDeleted }: DeleteEntryDialogProps) {
  const usage = useCodebookUsage();
  const [claimsGo, setClaimsGo] = useState<ClaimsGo>('refuse');
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [childrenTo, setChildrenTo] = useState<string | null>(null);
  const others = entriesOf(codebook, entry.kind).filter((e) => e.id !== entry.id);
  const children = entry.kind === 'issue' ? codebook.issues.filter((i) => i.parentId === entry.id) : [];
  const outside = entry.kind === 'issue' ? issueAndDescendants(codebook.issues, entry.id) : new Set<string>();
  const used = usage.data ? usageOf(usage.data, entry) : undefined;

  const remove = async () => {
    if (claimsGo === 'move' && !moveTo) throw new Error(`Choose the ${entry.kind} its claims move to.`);
    try {
      const reassignTo = claimsGo === 'move' ? moveTo : claimsGo === 'clear' ? null : undefined;
      const change = await deleteEntry(entry.kind, entry.id, reassignTo, children.length > 0 ? childrenTo : undefined);
      const moved = others.find((o) => o.id === moveTo)?.name;
      onDeleted(
        `Deleted the ${entry.kind} “${entry.name}”.` +
          (change.claimsChanged > 0
            ? ` ${claimsText(change.claimsChanged)} ${claimsGo === 'move' ? `moved to “${moved}”` : 'no longer carry it'}.`
            : ''),
      );
    } catch (error) {
      throw new Error(refusalText(errorText(error)), { cause: error });
    }
  };

  return (
    <Dialog
      title={`Delete ${entry.kind} “${entry.name}”?`}
      role="alertdialog"
      onClose={onClose}
      testId="delete-entry"
      errorTestId="delete-problem"
      cancel={{ label: 'Keep it' }}
      action={{ label: `Delete ${entry.kind}`, tone: 'danger', run: remove }}
    >
      <p data-testid="usage">
        {used === undefined
          ? usage.isError
            ? 'Stancebook counts the claims that use it when you delete.'
            : 'Counting the claims that use it…'
          : used === 0
            ? `No claim uses it.`
            : `${claimsText(used)} ${used === 1 ? 'uses' : 'use'} it.`}
      </p>
      <RadioGroup className="field delete-choices" value={claimsGo} onChange={(v) => setClaimsGo(v as ClaimsGo)}>
        <Label className="field-label">Claims that use it</Label>
        <Radio value="refuse" className="choice">
          Don’t delete it while claims use it
        </Radio>
        <Radio value="move" className="choice">
          Move them to another {entry.kind}
        </Radio>
        <Radio value="clear" className="choice">
          Clear the {entry.kind} from them
        </Radio>
      </RadioGroup>
      {claimsGo === 'move' && <EntrySelect label={`Move claims to`} options={others} value={moveTo} onChange={setMoveTo} />}
      {children.length > 0 && (
        <EntrySelect
          label={`Its ${children.length} sub-issue${children.length === 1 ? '' : 's'} (${children.map((c) => c.name).join(', ')}) go under`}
          options={codebook.issues.filter((i) => !outside.has(i.id)).map((i) => ({ id: i.id, name: i.name }))}
          value={childrenTo}
          onChange={setChildrenTo}
          noneLabel="Top level"
        />
      )}
    </Dialog>
  );
}
