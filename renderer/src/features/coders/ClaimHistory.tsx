import { useId, useState } from 'react';
import type { AuditValue, Claim, ClaimHistoryEntry } from '../../../../shared/model';
import { formatDateTime } from '../../components/format-date';
import type { CodebookLookup } from '../claims/codebook-lookup';

const FIELD: Record<ClaimHistoryEntry['field'], string> = {
  created: 'created',
  restored: 'restored',
  actorIds: 'actors',
  issueId: 'issue',
  proposition: 'proposition',
  stanceId: 'stance',
  speaker: 'speaker',
  tags: 'tags',
  note: 'note',
  anchor: 'place in the text',
  adjudicated: 'adjudicated',
};

/** A recorded value in the analyst's words: codebook ids become names. */
export function auditText(field: ClaimHistoryEntry['field'], value: AuditValue, lookup: CodebookLookup): string {
  if (value === null || (Array.isArray(value) && value.length === 0) || value === '') return 'none';
  if (field === 'actorIds' && Array.isArray(value)) return value.map((id) => lookup.actor(id)?.name ?? id).join(', ');
  if (field === 'issueId' && typeof value === 'string') return lookup.issuePath(value) || value;
  if (field === 'stanceId' && typeof value === 'string') return lookup.stance(value)?.label ?? value;
  if (Array.isArray(value)) return value.join(', ');
  return value.length > 140 ? `${value.slice(0, 139)}…` : value;
}

function describeEntry(entry: ClaimHistoryEntry, lookup: CodebookLookup): string {
  if (entry.field === 'created' || entry.field === 'restored') return entry.field === 'created' ? 'created the claim' : 'restored the claim';
  if (entry.field === 'adjudicated') return `adjudicated: ${auditText(entry.field, entry.to, lookup)} (set aside ${auditText(entry.field, entry.from, lookup)})`;
  return `${FIELD[entry.field]}: ${auditText(entry.field, entry.from, lookup)} → ${auditText(entry.field, entry.to, lookup)}`;
}

interface ClaimHistoryProps {
  claim: Claim;
  lookup: CodebookLookup;
  /** Follows the card's roving focus: reachable by Tab only on the current card. */
  focusable: boolean;
}

/**
 * Who made the claim, who changed it last, and its history, newest first, folded away behind a
 * disclosure button (aria-expanded) so the card stays short.
 */
export function ClaimHistory({ claim, lookup, focusable }: ClaimHistoryProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const history = claim.history ?? [];
  if (history.length === 0 && !claim.createdBy) return null;
  const nameOf = (id: string | undefined) => (id ? ([...history].reverse().find((e) => e.by === id)?.byName ?? id) : null);
  const creator = nameOf(claim.createdBy);
  const editor = nameOf(claim.updatedBy);
  return (
    <div className="claim-history" data-testid="claim-history">
      <p className="claim-history__who muted">
        {creator ? `By ${creator}` : 'No coder recorded'}
        {editor && editor !== creator ? ` · last changed by ${editor}` : ''}
      </p>
      {history.length > 0 && (
        <>
          <button
            type="button"
            className="link-button claim-history__toggle"
            aria-expanded={open}
            aria-controls={listId}
            tabIndex={focusable ? 0 : -1}
            onClick={(e) => {
              e.stopPropagation();
              setOpen(!open);
            }}
          >
            <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
            History ({history.length})
          </button>
          {open && (
            <ol id={listId} className="claim-history__list" aria-label="Changes to this claim, newest first">
              {[...history].reverse().map((entry, i) => (
                <li key={`${entry.at}-${i}`} className="claim-history__entry">
                  <span className="claim-history__when">{formatDateTime(entry.at)}</span>{' '}
                  <strong>{entry.byName ?? 'no coder'}</strong> {describeEntry(entry, lookup)}
                  {entry.step.startsWith('Undo') || entry.step.startsWith('Redo') ? <span className="muted"> ({entry.step})</span> : null}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
