import { useState } from 'react';
import type { AgreementUnit } from '../../../../shared/api/contract-coders';
import type { Claim, ClaimCoding } from '../../../../shared/model';
import { api } from '../../api/client';
import { useCodebook } from '../../app/queries';
import { Dialog } from '../../ui/Dialog';
import { errorText, useStatus } from '../../components/status-context';
import { excerpt, type CodebookLookup } from '../claims/codebook-lookup';
import { codingLine } from './coding-line';

interface AdjudicateDialogProps {
  unit: AgreementUnit;
  lookup: CodebookLookup;
  coderName(id: string | undefined): string;
  onClose(): void;
  onDone(): void;
}

type Draft = Pick<ClaimCoding, 'actorIds' | 'issueId' | 'stanceId' | 'proposition' | 'note'>;

/**
 * Both (or all) coders' versions of one span side by side. The lead keeps one as it is, edits one
 * and keeps it (a merge), or records a third version over the first one's span; the others go to
 * the trash. One undoable change, recorded in the kept claim's history.
 */
export function AdjudicateDialog({ unit, lookup, coderName, onClose, onDone }: AdjudicateDialogProps) {
  const status = useStatus();
  const codebook = useCodebook();
  const [editing, setEditing] = useState<{ base: Claim; decision: 'merge' | 'third'; draft: Draft } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const actorsOffered = [...new Set(unit.claims.flatMap((c) => c.actorIds))];

  const decide = async (keep: Claim, decision: 'keep' | 'merge' | 'third', coding?: Draft) => {
    setBusy(true);
    try {
      await api.adjudicate({
        articleId: keep.articleId,
        keepClaimId: keep.id,
        dropClaimIds: unit.claims.filter((c) => c.id !== keep.id).map((c) => c.id),
        decision,
        ...(coding ? { coding } : {}),
      });
      status.announce(
        decision === 'keep'
          ? `Kept ${coderName(keep.createdBy)}’s version. Undo takes it back.`
          : 'Saved the adjudicated version. Undo takes it back.',
      );
      onDone();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const startEdit = (base: Claim, decision: 'merge' | 'third') =>
    setEditing({
      base,
      decision,
      draft:
        decision === 'merge'
          ? { actorIds: base.actorIds, issueId: base.issueId, stanceId: base.stanceId, proposition: base.proposition, note: base.note }
          : { actorIds: [], issueId: null, stanceId: null, proposition: '', note: '' },
    });

  return (
    <Dialog title="Adjudicate a span" onClose={onClose} size="large" testId="adjudicate-dialog">
      <p className="agreement-unit__quote">“{excerpt(unit.claims[0]!.target.quote.exact, 240)}”</p>
      <div className="adjudicate-columns">
        {unit.claims.map((claim) => {
          const line = codingLine(claim, lookup);
          return (
            <section
              key={claim.id}
              className="adjudicate-column"
              aria-label={`${coderName(claim.createdBy)}’s version`}
              data-testid="adjudicate-version"
            >
              <h3>{coderName(claim.createdBy)}</h3>
              <dl className="claim-card__coding">
                <div>
                  <dt>Quote</dt>
                  <dd>{excerpt(claim.target.quote.exact, 160)}</dd>
                </div>
                <div>
                  <dt>Actors</dt>
                  <dd>{line.actors}</dd>
                </div>
                <div>
                  <dt>Issue</dt>
                  <dd>{line.issue}</dd>
                </div>
                <div>
                  <dt>Proposition</dt>
                  <dd>{claim.proposition || '—'}</dd>
                </div>
                <div>
                  <dt>Stance</dt>
                  <dd>{line.stance}</dd>
                </div>
                {claim.note && (
                  <div>
                    <dt>Note</dt>
                    <dd>{claim.note}</dd>
                  </div>
                )}
              </dl>
              <div className="adjudicate-column__actions">
                <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void decide(claim, 'keep')}>
                  Keep this version
                </button>
                <button type="button" className="button button--small" disabled={busy} onClick={() => startEdit(claim, 'merge')}>
                  Edit, then keep
                </button>
              </div>
            </section>
          );
        })}
      </div>
      {!editing && (
        <button type="button" className="button button--small" onClick={() => startEdit(unit.claims[0]!, 'third')}>
          Record a third version…
        </button>
      )}
      {editing && (
        <form
          className="adjudicate-form"
          aria-label={editing.decision === 'merge' ? 'Merged version' : 'Third version'}
          onSubmit={(e) => {
            e.preventDefault();
            void decide(editing.base, editing.decision, editing.draft);
          }}
        >
          <h3>{editing.decision === 'merge' ? `Edit ${coderName(editing.base.createdBy)}’s version` : 'A third version'}</h3>
          <fieldset className="adjudicate-form__actors">
            <legend>Actors</legend>
            {actorsOffered.map((id) => (
              <label key={id}>
                <input
                  type="checkbox"
                  checked={editing.draft.actorIds.includes(id)}
                  onChange={(e) =>
                    setEditing({
                      ...editing,
                      draft: {
                        ...editing.draft,
                        actorIds: e.target.checked ? [...editing.draft.actorIds, id] : editing.draft.actorIds.filter((a) => a !== id),
                      },
                    })
                  }
                />{' '}
                {lookup.actor(id)?.name ?? id}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field-label">Issue</span>
            <select
              value={editing.draft.issueId ?? ''}
              onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, issueId: e.target.value || null } })}
            >
              <option value="">None</option>
              {(codebook.data?.issues ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {lookup.issuePath(i.id)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Proposition</span>
            <input
              className="input"
              value={editing.draft.proposition}
              maxLength={1000}
              onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, proposition: e.target.value } })}
            />
          </label>
          <label className="field">
            <span className="field-label">Stance</span>
            <select
              value={editing.draft.stanceId ?? ''}
              onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, stanceId: e.target.value || null } })}
            >
              <option value="">None</option>
              {[...(codebook.data?.stances ?? [])]
                .sort((a, b) => a.value - b.value)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Note</span>
            <textarea
              className="input textarea"
              rows={2}
              value={editing.draft.note}
              onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, note: e.target.value } })}
            />
          </label>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setEditing(null)}>
              Back
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              Save and keep
            </button>
          </div>
        </form>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      {!editing && (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}
