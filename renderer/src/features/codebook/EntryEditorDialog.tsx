import { useState } from 'react';
import type { Actor, Stance, Tag } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ColourField } from './ColourField';

/** What the dialog edits: a new entry of a kind, or an existing one. */
export type EntryEditTarget = { kind: 'actor'; entry: Actor | null } | { kind: 'stance'; entry: Stance | null } | { kind: 'tag'; entry: Tag | null };

interface EntryEditorDialogProps {
  target: EntryEditTarget;
  onClose(): void;
  /** Called with the sentence to announce once the core has saved. */
  onSaved(message: string): void;
}

const DEFAULT_COLOUR = '#5b7f99';

function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
}

/** Creates or edits an actor (name, aliases, colour), a stance (label, colour) or a tag (name, colour). */
export function EntryEditorDialog({ target, onClose, onSaved }: EntryEditorDialogProps) {
  const { kind } = target;
  const entry = target.entry;
  const oldName = entry ? ('label' in entry ? entry.label : entry.name) : '';
  const oldAliases = target.kind === 'actor' && target.entry ? target.entry.aliases : [];
  const [name, setName] = useState(oldName);
  const [aliasText, setAliasText] = useState(oldAliases.join(', '));
  const [colour, setColour] = useState<string | null>(entry ? entry.color : kind === 'stance' ? DEFAULT_COLOUR : null);
  const [colourValid, setColourValid] = useState(true);
  const nameLabel = kind === 'stance' ? 'Label' : 'Name';

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) throw new Error(`The ${kind} needs a ${nameLabel.toLowerCase()}.`);
    if (!colourValid) throw new Error('The colour is not a #rrggbb colour yet.');
    const aliases = splitAliases(aliasText);
    if (!entry) {
      if (target.kind === 'actor') await api.createActor({ name: trimmed, aliases, color: colour });
      else if (target.kind === 'stance') await api.createStance({ label: trimmed, color: colour ?? DEFAULT_COLOUR });
      else await api.createTag({ name: trimmed, color: colour });
      onSaved(`Added the ${kind} “${trimmed}”.`);
      return;
    }
    const renamed = trimmed !== oldName;
    const recoloured = colour !== entry.color;
    const realiased = aliases.join('\n') !== oldAliases.join('\n');
    if (!renamed && !recoloured && !realiased) return onClose();
    if (target.kind === 'actor') {
      await api.updateActor({
        id: entry.id,
        patch: { ...(renamed && { name: trimmed }), ...(recoloured && { color: colour }), ...(realiased && { aliases }) },
      });
    } else if (target.kind === 'stance') {
      await api.updateStance({ id: entry.id, patch: { ...(renamed && { label: trimmed }), ...(recoloured && { color: colour ?? DEFAULT_COLOUR }) } });
    } else {
      await api.updateTag({ id: entry.id, patch: { ...(renamed && { name: trimmed }), ...(recoloured && { color: colour }) } });
    }
    onSaved(renamed ? `Renamed the ${kind} “${oldName}” to “${trimmed}”.` : `Saved the ${kind} “${trimmed}”.`);
  };

  return (
    <Dialog
      title={entry ? `Edit ${kind} “${oldName}”` : `New ${kind}`}
      onClose={onClose}
      testId="entry-editor"
      action={{ label: entry ? 'Save changes' : `Add ${kind}`, run: save }}
    >
      <label className="field">
        <span className="field-label">{nameLabel}</span>
        <input className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      {kind === 'actor' && (
        <label className="field">
          <span className="field-label">
            Aliases <span className="field-hint">(other names for this actor, separated by commas)</span>
          </span>
          <input className="input" value={aliasText} onChange={(e) => setAliasText(e.target.value)} placeholder="e.g. Beijing, Wang Yi" />
        </label>
      )}
      <ColourField label="Colour" value={colour} onChange={setColour} allowNone={kind !== 'stance'} onValidity={setColourValid} />
    </Dialog>
  );
}
