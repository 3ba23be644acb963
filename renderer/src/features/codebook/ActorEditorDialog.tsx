import { useMemo, useState } from 'react';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, WikidataIdSchema, wikidataUrl, type Actor, type ActorKind } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ColourField } from './ColourField';

interface ActorEditorDialogProps {
  actor: Actor | null;
  actors: Actor[];
  onClose(): void;
  onSaved(message: string): void;
}

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

/** Actors that may be this one's parent: any but itself and those below it (a parent there would close a cycle). */
function parentChoices(actors: Actor[], self: Actor | null): Actor[] {
  if (!self) return actors;
  const below = new Set([self.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of actors) {
      if (a.parentId && below.has(a.parentId) && !below.has(a.id)) {
        below.add(a.id);
        grew = true;
      }
    }
  }
  return actors.filter((a) => !below.has(a.id));
}

/**
 * Creates or edits an actor: name, aliases, colour, and the registry attributes (kind, country,
 * party or affiliation, parent actor, Wikidata id, notes). The Wikidata id is shown as a link to
 * wikidata.org; the app never fetches it.
 */
export function ActorEditorDialog({ actor, actors, onClose, onSaved }: ActorEditorDialogProps) {
  const [name, setName] = useState(actor?.name ?? '');
  const [aliasText, setAliasText] = useState(actor?.aliases.join(', ') ?? '');
  const [colour, setColour] = useState<string | null>(actor?.color ?? null);
  const [colourValid, setColourValid] = useState(true);
  const [kind, setKind] = useState<ActorKind | ''>(actor?.kind ?? '');
  const [country, setCountry] = useState(actor?.country ?? '');
  const [affiliation, setAffiliation] = useState(actor?.affiliation ?? '');
  const [parentId, setParentId] = useState(actor?.parentId ?? '');
  const [wikidata, setWikidata] = useState(actor?.wikidataId ?? '');
  const [notes, setNotes] = useState(actor?.notes ?? '');
  const parents = useMemo(() => parentChoices(actors, actor).sort((a, b) => a.name.localeCompare(b.name)), [actors, actor]);
  const wikidataTrimmed = wikidata.trim().toUpperCase();
  const wikidataOk = wikidataTrimmed === '' || WikidataIdSchema.safeParse(wikidataTrimmed).success;
  const countries = useMemo(() => [...new Set(actors.map((a) => a.country).filter((c): c is string => !!c))].sort(), [actors]);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('The actor needs a name.');
    if (!colourValid) throw new Error('The colour is not a #rrggbb colour yet.');
    if (!wikidataOk)
      throw new Error('The Wikidata id is Q followed by digits, e.g. Q148. Copy it from the item’s page on wikidata.org, or leave it empty.');
    const fields = {
      name: trimmed,
      aliases: splitAliases(aliasText),
      color: colour,
      kind: kind === '' ? null : kind,
      country: country.trim() || null,
      affiliation: affiliation.trim() || null,
      parentId: parentId || null,
      wikidataId: wikidataTrimmed || null,
      notes: notes.trim() ? notes : null,
    };
    if (!actor) {
      await api.createActor(fields);
      onSaved(`Added the actor “${trimmed}”.`);
      return;
    }
    // Only what changed is sent, so an old overlap elsewhere does not block the edit.
    const patch: Partial<typeof fields> = {};
    if (fields.name !== actor.name) patch.name = fields.name;
    if (fields.aliases.join('\n') !== actor.aliases.join('\n')) patch.aliases = fields.aliases;
    for (const key of ['color', 'kind', 'country', 'affiliation', 'parentId', 'wikidataId', 'notes'] as const) {
      if ((fields[key] ?? null) !== (actor[key] ?? null)) (patch as Record<string, unknown>)[key] = fields[key];
    }
    if (Object.keys(patch).length === 0) return onClose();
    await api.updateActor({ id: actor.id, patch });
    onSaved(patch.name ? `Renamed the actor “${actor.name}” to “${trimmed}”.` : `Saved the actor “${trimmed}”.`);
  };

  return (
    <Dialog
      title={actor ? `Edit actor “${actor.name}”` : 'New actor'}
      onClose={onClose}
      testId="entry-editor"
      className="actor-editor"
      action={{ label: actor ? 'Save changes' : 'Add actor', run: save }}
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">
          Aliases <span className="field-hint">(other names for this actor, separated by commas)</span>
        </span>
        <input className="input" value={aliasText} onChange={(e) => setAliasText(e.target.value)} placeholder="e.g. Beijing, Wang Yi" />
      </label>
      <div className="actor-editor__grid">
        <label className="field">
          <span className="field-label">Kind</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as ActorKind | '')}>
            <option value="">Not set</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTOR_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Country</span>
          <input className="input" value={country} list="actor-countries" onChange={(e) => setCountry(e.target.value)} placeholder="e.g. China" />
          <datalist id="actor-countries">
            {countries.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field-label">Party or affiliation</span>
          <input className="input" value={affiliation} onChange={(e) => setAffiliation(e.target.value)} placeholder="e.g. CCP" />
        </label>
        <label className="field">
          <span className="field-label">
            Parent actor <span className="field-hint">(who this actor belongs to)</span>
          </span>
          <select className="input" value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">None</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field-label">
          Wikidata id <span className="field-hint">(optional, e.g. Q148; stored and linked, never fetched)</span>
        </span>
        <input
          className="input"
          value={wikidata}
          aria-invalid={!wikidataOk || undefined}
          onChange={(e) => setWikidata(e.target.value)}
          placeholder="Q…"
        />
      </label>
      {wikidataTrimmed && wikidataOk && (
        <p className="actor-editor__link">
          <a href={wikidataUrl(wikidataTrimmed)} target="_blank" rel="noreferrer noopener">
            {wikidataTrimmed} on wikidata.org
          </a>
        </p>
      )}
      <label className="field">
        <span className="field-label">Notes</span>
        <textarea className="input textarea" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <ColourField label="Colour" value={colour} onChange={setColour} allowNone onValidity={setColourValid} />
    </Dialog>
  );
}
