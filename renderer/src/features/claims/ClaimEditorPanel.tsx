import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { NewCodes } from '../../../../shared/api';
import type { Claim, ClaimCoding, Codebook } from '../../../../shared/model';
import { api } from '../../api/client';
import { ownClaimChange } from '../../api/own-claim-changes';
import { errorText, useStatus } from '../../components/status-context';
import { CodeTokenPicker, type ChosenToken, type TokenEntry } from './CodeTokenPicker';
import { IssueFields } from './IssueFields';
import { StancePicker } from './StancePicker';
import { findAttribution } from './attribution';
import { useClaimMutations, draftClaim } from './claim-mutations';
import { exactEntry } from './code-options';
import { excerpt, type CodebookLookup } from './codebook-lookup';
import { suggestActors } from './suggest-actors';
import '../../styles/dialogs.css';
import '../../styles/claim-editor.css';

/** What the editor works on: a new claim over a range, or an existing claim. */
export type ClaimEditorTarget =
  | { mode: 'create'; articleId: string; start: number; end: number; /** Prefilled coding (e.g. from a suggestion). */ coding?: Partial<ClaimCoding> }
  | { mode: 'edit'; claim: Claim };

interface ClaimEditorPanelProps {
  target: ClaimEditorTarget;
  articleText: string;
  codebook: Codebook;
  lookup: CodebookLookup;
  onClose(): void;
  onSaved(claim: Claim): void;
  /** The panel, so the workspace can put focus in it (Alt+3). */
  panelRef?: Ref<HTMLElement>;
}

const EMPTY: ClaimCoding = { actorIds: [], issueId: null, proposition: '', stanceId: null, speaker: null, tags: [], note: '' };

function isTextEntry(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(el.type))
  );
}

/**
 * Codes a claim in a panel docked beside the article (never over it): actors, issue,
 * proposition, stance, speaker, tags and note. Codes the codebook lacks are created where they
 * are typed and saved with the claim as one undo step. For a new claim in an attributed sentence
 * ("…, Wang Yi said") the speaker and the actor are proposed. Keyboard: focus starts in Actors;
 * Tab walks the fields; 1–5 (outside text fields, or Alt+1–5 anywhere) pick a stance; Enter in a
 * field with nothing pending, or Ctrl+Enter anywhere, saves; Escape cancels.
 */
export function ClaimEditorPanel({ target, articleText, codebook, lookup, onClose, onSaved, panelRef }: ClaimEditorPanelProps) {
  const range = target.mode === 'edit' ? target.claim.target.position : { start: target.start, end: target.end };
  const attribution = useMemo(
    () => (target.mode === 'create' ? findAttribution(articleText, range.start, range.end, codebook.actors) : null),
    // Worked out once, for the range the editor opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the proposal must not change under the analyst's edits
    [],
  );
  // A new claim starts from the sentence's attribution; a coding handed in (a suggestion's) wins.
  const initial =
    target.mode === 'edit'
      ? target.claim
      : { ...EMPTY, actorIds: attribution?.actor ? [attribution.actor.id] : [], speaker: attribution?.speaker ?? null, ...target.coding };
  const [coding, setCoding] = useState<ClaimCoding>({
    actorIds: initial.actorIds,
    issueId: initial.issueId,
    proposition: initial.proposition,
    stanceId: initial.stanceId,
    speaker: initial.speaker,
    tags: initial.tags,
    note: initial.note,
  });
  const [newActors, setNewActors] = useState<string[]>([]);
  const [issueText, setIssueText] = useState(lookup.issue(initial.issueId)?.name ?? '');
  const [newParentId, setNewParentId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const actorsPending = useRef('');
  const tagsPending = useRef('');
  const actorsInput = useRef<HTMLInputElement>(null);
  const mutations = useClaimMutations();
  const status = useStatus();
  // Whether the editor is still open when a save ends (Escape closes it meanwhile).
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const quote = target.mode === 'edit' ? target.claim.target.quote.exact : articleText.slice(range.start, range.end);
  const suggested = suggestActors(codebook.actors, articleText, range.start, range.end);
  const set = (patch: Partial<ClaimCoding>) => setCoding((c) => ({ ...c, ...patch }));

  useEffect(() => {
    actorsInput.current?.focus();
  }, []);

  const actorEntries: TokenEntry[] = codebook.actors.map((a) => ({
    key: a.id,
    name: a.name,
    aliases: a.aliases,
    color: a.color,
    hint: a.aliases.slice(0, 4).join(', '),
  }));
  const chosenActors: ChosenToken[] = [
    ...coding.actorIds.map((id) => {
      const actor = lookup.actor(id);
      return { key: id, name: actor?.name ?? id, color: actor?.color ?? null, isNew: false };
    }),
    ...newActors.map((name) => ({ key: `new:${name}`, name, isNew: true })),
  ];
  const tagEntries: TokenEntry[] = codebook.tags.map((t) => ({ key: t.name, name: t.name, color: t.color }));
  const chosenTags: ChosenToken[] = coding.tags.map((name) => {
    const tag = exactEntry(tagEntries, name);
    return { key: tag?.key ?? name, name: tag?.name ?? name, color: tag?.color ?? null, isNew: !tag };
  });

  const addActorByName = (name: string, ids: string[], fresh: string[]) => {
    const known = exactEntry(actorEntries, name);
    if (known) return { ids: ids.includes(known.key) ? ids : [...ids, known.key], fresh };
    return { ids, fresh: fresh.some((n) => n.toLowerCase() === name.toLowerCase()) ? fresh : [...fresh, name] };
  };

  const save = async () => {
    if (saving) return;
    // Text typed but not yet made a token is saved too: Enter or Ctrl+Enter never drops it.
    let { ids: actorIds, fresh } = { ids: coding.actorIds, fresh: newActors };
    if (actorsPending.current.trim()) ({ ids: actorIds, fresh } = addActorByName(actorsPending.current.trim(), actorIds, fresh));
    const tags = [...coding.tags];
    const pendingTag = tagsPending.current.trim();
    if (pendingTag && !tags.some((t) => t.toLowerCase() === pendingTag.toLowerCase())) tags.push(pendingTag);
    const issue = exactEntry(
      codebook.issues.map((i) => ({ key: i.id, name: i.name })),
      issueText,
    );
    const newCodes: NewCodes = {};
    if (fresh.length) newCodes.actors = fresh;
    if (!issue && issueText.trim()) newCodes.issue = { name: issueText.trim(), parentId: newParentId };
    const final: ClaimCoding = {
      ...coding,
      actorIds,
      issueId: issue?.key ?? null,
      proposition: coding.proposition.trim(),
      speaker: coding.speaker?.trim() || null,
      tags,
    };
    setSaving(true);
    setProblem(null);
    const codes = Object.keys(newCodes).length ? newCodes : undefined;
    // Drawn at once, before the core answers (on a long article the answer and the redraw it
    // brings took most of a second); taken back if the core refuses. The editor stays open with
    // everything typed until the core has the claim, so a refusal loses nothing.
    const draft =
      target.mode === 'create'
        ? draftClaim(target.articleId, articleText, target.start, target.end, final)
        : { ...target.claim, ...final, updatedAt: new Date().toISOString() };
    const takeBack = draft ? mutations.drawing(draft, target.mode === 'edit' ? target.claim : undefined) : () => {};
    try {
      const claim =
        target.mode === 'create'
          ? await ownClaimChange(target.articleId, (options) =>
              api.createClaim(
                { articleId: target.articleId, start: target.start, end: target.end, coding: final, ...(codes && { newCodes: codes }) },
                options,
              ),
            )
          : await ownClaimChange(target.claim.articleId, (options) =>
              api.updateClaim({ articleId: target.claim.articleId, id: target.claim.id, patch: final, ...(codes && { newCodes: codes }) }, options),
            );
      mutations.saved(claim, target.mode === 'create', draft?.id);
      onSaved(claim);
    } catch (error) {
      takeBack();
      const reason = errorText(error).trim();
      const what = target.mode === 'create' ? 'The claim was not saved' : 'The changes were not saved';
      // Closed meanwhile: the app's error line says it instead.
      if (!open.current) status.reportError(error, what);
      setProblem(`${what}: ${/[.!?]$/.test(reason) ? reason : `${reason}.`} What you typed is kept here: correct it and save again, or cancel.`);
      setSaving(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Escape in a field whose list is open closes the list (react-aria lets the key through for
    // fields that take free text; the DOM still says expanded while this event runs), not the editor.
    const listOpen = event.target instanceof Element && event.target.getAttribute('aria-expanded') === 'true';
    if (event.key === 'Escape' && !event.defaultPrevented && !listOpen) {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
      return;
    }
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= lookup.scale.length && (event.altKey || !isTextEntry(event.target))) {
      event.preventDefault();
      set({ stanceId: lookup.scale[digit - 1]?.id ?? null });
    }
  };

  const title = target.mode === 'create' ? 'New claim' : 'Edit claim';
  const proposedActor = attribution?.actor && coding.actorIds.includes(attribution.actor.id);
  const proposedSpeaker = attribution && coding.speaker === attribution.speaker;

  return (
    <aside ref={panelRef} className="pane claim-editor-panel" aria-labelledby="claim-editor-title" data-testid="claim-editor" data-own-keys="">
      <div className="pane-header">
        <h2 id="claim-editor-title" className="pane-title">
          {title}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose} aria-label="Close the editor (Escape)">
          ×
        </button>
      </div>
      <form
        className="claim-editor"
        aria-labelledby="claim-editor-title"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <blockquote className="claim-editor__quote">“{excerpt(quote, 600)}”</blockquote>
        {attribution && (proposedActor || proposedSpeaker) && (
          <p className="claim-editor__proposal" data-testid="attribution">
            Proposed from <q>{attribution.cue}</q>: speaker {attribution.speaker}
            {attribution.actor ? `, actor ${attribution.actor.name}` : ''}. Change them if they are wrong.
          </p>
        )}
        <CodeTokenPicker
          label="Actors"
          noun="actor"
          entries={actorEntries}
          chosen={chosenActors}
          placeholder="Type a name or alias…"
          inputRef={actorsInput}
          pendingRef={actorsPending}
          onAdd={(entry) => !coding.actorIds.includes(entry.key) && set({ actorIds: [...coding.actorIds, entry.key] })}
          onCreate={(name) => {
            const next = addActorByName(name, coding.actorIds, newActors);
            set({ actorIds: next.ids });
            setNewActors(next.fresh);
          }}
          onRemove={(key) => {
            if (key.startsWith('new:')) setNewActors(newActors.filter((n) => `new:${n}` !== key));
            else set({ actorIds: coding.actorIds.filter((id) => id !== key) });
          }}
        />
        {suggested.filter((a) => !coding.actorIds.includes(a.id)).length > 0 && (
          <div className="suggestions">
            <span className="suggestions__label">Named in this sentence:</span>
            {suggested
              .filter((a) => !coding.actorIds.includes(a.id))
              .map((a) => (
                // Out of the tab order: between Actors and Issue they would cost keyboard coders a
                // Tab each, and typing the name in Actors finds the same actor (aliases included).
                <button
                  key={a.id}
                  type="button"
                  tabIndex={-1}
                  className="button button--small button--quiet"
                  onClick={() => set({ actorIds: [...coding.actorIds, a.id] })}
                >
                  + {a.name}
                </button>
              ))}
          </div>
        )}
        <IssueFields
          issues={codebook.issues}
          lookup={lookup}
          issueText={issueText}
          onIssueText={setIssueText}
          newParentId={newParentId}
          onNewParent={setNewParentId}
          proposition={coding.proposition}
          onProposition={(proposition) => set({ proposition })}
        />
        <StancePicker scale={lookup.scale} value={coding.stanceId} onChange={(stanceId) => set({ stanceId })} />
        <label className="field">
          <span className="field-label">Speaker, as named in the text</span>
          <input className="input" value={coding.speaker ?? ''} onChange={(e) => set({ speaker: e.target.value })} placeholder="e.g. Wang Yi" />
        </label>
        <CodeTokenPicker
          label="Tags"
          noun="tag"
          entries={tagEntries}
          chosen={chosenTags}
          placeholder="Type a tag…"
          pendingRef={tagsPending}
          onAdd={(entry) => !coding.tags.some((t) => t.toLowerCase() === entry.name.toLowerCase()) && set({ tags: [...coding.tags, entry.name] })}
          onCreate={(name) => !coding.tags.some((t) => t.toLowerCase() === name.toLowerCase()) && set({ tags: [...coding.tags, name] })}
          onRemove={(key) => set({ tags: coding.tags.filter((t) => t !== key && t.toLowerCase() !== key.toLowerCase()) })}
        />
        <label className="field">
          <span className="field-label">Note</span>
          <textarea className="input textarea" rows={3} value={coding.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="claim-editor__actions">
          <span className="dialog-hint">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
          </span>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={saving || undefined}>
            {saving ? 'Saving…' : target.mode === 'create' ? 'Save claim' : 'Save changes'}
          </button>
        </div>
      </form>
    </aside>
  );
}
