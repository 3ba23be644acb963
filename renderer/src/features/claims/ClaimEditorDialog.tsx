import { useRef, useState } from 'react';
import type { Claim, ClaimCoding, Codebook } from '../../../../shared/model';
import { api } from '../../api/client';
import { ownClaimChange } from '../../api/own-claim-changes';
import { AppDialog } from '../../components/AppDialog';
import { errorText } from '../../components/status-context';
import { ActorPicker } from './ActorPicker';
import { IssueFields } from './IssueFields';
import { StancePicker } from './StancePicker';
import { excerpt, type CodebookLookup } from './codebook-lookup';
import { suggestActors } from './suggest-actors';

/** What the editor works on: a new claim over a range, or an existing claim. */
export type ClaimEditorTarget =
  | { mode: 'create'; articleId: string; start: number; end: number; /** Prefilled coding (e.g. from a suggestion). */ coding?: Partial<ClaimCoding> }
  | { mode: 'edit'; claim: Claim };

interface ClaimEditorDialogProps {
  target: ClaimEditorTarget;
  articleText: string;
  codebook: Codebook;
  lookup: CodebookLookup;
  onClose(): void;
  onSaved(claim: Claim): void;
}

const EMPTY: ClaimCoding = { actorIds: [], issueId: null, proposition: '', stanceId: null, speaker: null, tags: [], note: '' };

function isTextEntry(el: EventTarget | null): boolean {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(el.type));
}

/**
 * Codes a claim: actors, issue, proposition, stance, speaker, tags and note. Keyboard: every
 * field is reachable by Tab; 1–5 (outside text fields, or Alt+1–5 anywhere) pick a stance;
 * Enter in a one-line field or Ctrl+Enter anywhere saves; Escape cancels.
 */
export function ClaimEditorDialog({ target, articleText, codebook, lookup, onClose, onSaved }: ClaimEditorDialogProps) {
  const initial = target.mode === 'edit' ? target.claim : { ...EMPTY, ...target.coding };
  const [coding, setCoding] = useState<ClaimCoding>({
    actorIds: initial.actorIds,
    issueId: initial.issueId,
    proposition: initial.proposition,
    stanceId: initial.stanceId,
    speaker: initial.speaker,
    tags: initial.tags,
    note: initial.note,
  });
  const [tagText, setTagText] = useState(initial.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const range = target.mode === 'edit' ? target.claim.target.position : { start: target.start, end: target.end };
  const quote = target.mode === 'edit' ? target.claim.target.quote.exact : articleText.slice(target.start, target.end);
  const suggested = suggestActors(codebook.actors, articleText, range.start, range.end);
  const set = (patch: Partial<ClaimCoding>) => setCoding((c) => ({ ...c, ...patch }));

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    const final: ClaimCoding = {
      ...coding,
      speaker: coding.speaker?.trim() || null,
      tags: tagText.split(',').map((t) => t.trim()).filter(Boolean),
    };
    try {
      const claim =
        target.mode === 'create'
          ? await ownClaimChange(target.articleId, () => api.createClaim({ articleId: target.articleId, start: target.start, end: target.end, coding: final }))
          : await ownClaimChange(target.claim.articleId, () => api.updateClaim({ articleId: target.claim.articleId, id: target.claim.id, patch: final }));
      onSaved(claim);
    } catch (error) {
      setProblem(errorText(error));
      setSaving(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
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

  return (
    <AppDialog title={target.mode === 'create' ? 'New claim' : 'Edit claim'} onClose={onClose} size="large" testId="claim-editor">
      <form
        ref={formRef}
        className="claim-editor"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <blockquote className="claim-editor__quote">“{excerpt(quote, 600)}”</blockquote>
        <ActorPicker actors={codebook.actors} value={coding.actorIds} onChange={(actorIds) => set({ actorIds })} suggested={suggested} />
        <IssueFields
          issues={codebook.issues}
          lookup={lookup}
          issueId={coding.issueId}
          proposition={coding.proposition}
          onIssue={(issueId) => set({ issueId })}
          onProposition={(proposition) => set({ proposition })}
        />
        <StancePicker scale={lookup.scale} value={coding.stanceId} onChange={(stanceId) => set({ stanceId })} />
        <div className="field-row">
          <label className="field">
            <span className="field-label">Speaker, as named in the text</span>
            <input className="input" value={coding.speaker ?? ''} onChange={(e) => set({ speaker: e.target.value })} placeholder="e.g. Wang Yi" />
          </label>
          <label className="field">
            <span className="field-label">Tags, separated by commas</span>
            <input className="input" value={tagText} onChange={(e) => setTagText(e.target.value)} />
          </label>
        </div>
        <label className="field">
          <span className="field-label">Note</span>
          <textarea className="input textarea" rows={3} value={coding.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
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
    </AppDialog>
  );
}
