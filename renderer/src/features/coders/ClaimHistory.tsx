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
  if (entry.field === 'adjudicated')
    return `adjudicated: ${auditText(entry.field, entry.to, lookup)} (set aside ${auditText(entry.field, entry.from, lookup)})`;
  return `${FIELD[entry.field]}: ${auditText(entry.field, entry.from, lookup)} → ${auditText(entry.field, entry.to, lookup)}`;
}

/** Who made a claim and who changed it last, in a few words ("Ann", "Ann · changed by Bob"), or null. */
function whoLine(claim: Claim): string | null {
  const history = claim.history ?? [];
  const nameOf = (id: string | undefined) => (id ? ([...history].reverse().find((e) => e.by === id)?.byName ?? id) : null);
  const creator = nameOf(claim.createdBy);
  const editor = nameOf(claim.updatedBy);
  if (!creator && !editor) return null;
  if (!editor || editor === creator) return `by ${creator}`;
  return creator ? `by ${creator} · last changed by ${editor}` : `last changed by ${editor}`;
}

interface ClaimHistoryToggleProps {
  claim: Claim;
  open: boolean;
  onToggle(): void;
  /** Follows the card's roving focus: reachable by Tab only on the current card. */
  focusable: boolean;
  listId: string;
}

/**
 * The start of the card's action row: who made and last changed the claim, and a disclosure
 * button (aria-expanded) for its history, so a folded card is no taller than before.
 */
export function ClaimHistoryToggle({ claim, open, onToggle, focusable, listId }: ClaimHistoryToggleProps) {
  const count = claim.history?.length ?? 0;
  const who = whoLine(claim);
  return (
    <span className="claim-history" data-testid="claim-history">
      {count > 0 && (
        <button
          type="button"
          className="link-button claim-history__toggle"
          aria-expanded={open}
          aria-controls={listId}
          tabIndex={focusable ? 0 : -1}
          onClick={(e) => {
            e.stopPropagation();
            onToggle();
          }}
        >
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          History ({count})
        </button>
      )}
      {who && <span className="claim-history__who muted"> {who}</span>}
    </span>
  );
}

/** The claim's history, newest first, shown below the card's actions while unfolded. */
export function ClaimHistoryList({ claim, lookup, listId }: { claim: Claim; lookup: CodebookLookup; listId: string }) {
  return (
    <ol id={listId} className="claim-history__list" aria-label="Changes to this claim, newest first">
      {[...(claim.history ?? [])].reverse().map((entry, i) => (
        <li key={`${entry.at}-${i}`} className="claim-history__entry">
          <span className="claim-history__when">{formatDateTime(entry.at)}</span> <strong>{entry.byName ?? 'no coder'}</strong>{' '}
          {describeEntry(entry, lookup)}
          {entry.step.startsWith('Undo') || entry.step.startsWith('Redo') ? <span className="muted"> ({entry.step})</span> : null}
        </li>
      ))}
    </ol>
  );
}
