import {
  CLAIM_HISTORY_LIMIT,
  anchorState,
  type AuditValue,
  type AuditedField,
  type Claim,
  type ClaimHistoryEntry,
  type Coder,
} from '../../../shared/model';

/*
 * The audit history of claims: every write of a claim through the annotate history (create, edit,
 * codebook merges that rewrite it, re-anchoring, confirmations, orphan fixes, adjudication, undo
 * and redo) appends what changed, field by field, to the claim's own `history`. It lives on the
 * claim so that the claim carries it into the trash and back, and so that a record-level merge
 * (sync) can union two sides' entries of one claim (entries are never edited: the same entry on
 * both sides is identical).
 */

/** Coding fields in the order the claim card lists them. */
const CODING_FIELDS = ['actorIds', 'issueId', 'proposition', 'stanceId', 'speaker', 'tags', 'note'] as const;

/** Long texts (notes) are kept in the history up to this length, with an ellipsis. */
const MAX_TEXT_IN_HISTORY = 1000;

function clip(value: string): string {
  return value.length > MAX_TEXT_IN_HISTORY ? `${value.slice(0, MAX_TEXT_IN_HISTORY - 1)}…` : value;
}

/** How a claim's placement reads in its history: state, range, confirmation, the quote's start. */
export function anchorValue(claim: Claim): string {
  const { start, end } = claim.target.position;
  const confirmed = claim.anchor.confirmed ? ' confirmed' : '';
  const quote = claim.target.quote.exact;
  return `${anchorState(claim.anchor)}${confirmed} ${start}–${end} “${quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}”`;
}

function codingValue(claim: Claim, field: (typeof CODING_FIELDS)[number]): AuditValue {
  const value = claim[field];
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'string') return clip(value);
  return value ?? null;
}

function sameValue(a: AuditValue, b: AuditValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two states of one claim, as history entries without who/when. */
export function diffClaim(before: Claim, after: Claim): { field: AuditedField; from: AuditValue; to: AuditValue }[] {
  const changes: { field: AuditedField; from: AuditValue; to: AuditValue }[] = [];
  for (const field of CODING_FIELDS) {
    const from = codingValue(before, field);
    const to = codingValue(after, field);
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  const fromAnchor = anchorValue(before);
  const toAnchor = anchorValue(after);
  if (fromAnchor !== toAnchor) changes.push({ field: 'anchor', from: fromAnchor, to: toAnchor });
  return changes;
}

/** Keeps the first entry (the creation) and the newest ones, at most CLAIM_HISTORY_LIMIT in all. */
export function boundHistory(history: ClaimHistoryEntry[]): ClaimHistoryEntry[] {
  if (history.length <= CLAIM_HISTORY_LIMIT) return history;
  return [history[0]!, ...history.slice(history.length - (CLAIM_HISTORY_LIMIT - 1))];
}

/**
 * The claim to store when `target` replaces `current` (null: the claim is not live now), with
 * the history entries for what changed appended to the history stored so far, `createdBy` set on
 * a new claim and `updatedBy` on a change of its coding (as `updatedAt`: re-anchoring alone does
 * not make a coder its last editor). Never drops entries already stored (undo appends).
 */
export function stampClaim(current: Claim | null, target: Claim, coder: Coder | null, at: string, step: string): Claim {
  const base = current?.history ?? target.history ?? [];
  const who = { at, by: coder?.id ?? null, byName: coder?.name ?? null, step };
  let entries: ClaimHistoryEntry[];
  if (current) {
    entries = diffClaim(current, target).map((change) => ({ ...who, ...change }));
  } else {
    const field: AuditedField = base.length > 0 ? 'restored' : 'created';
    entries = [{ ...who, field, from: null, to: anchorValue(target) }];
  }
  const stamped: Claim = { ...target, history: boundHistory([...base, ...entries]) };
  if (!current && !target.createdBy && base.length === 0 && coder) stamped.createdBy = coder.id;
  const codingChanged = !current || entries.some((e) => e.field !== 'anchor');
  if (coder && codingChanged && entries.length > 0 && (current || base.length === 0)) stamped.updatedBy = coder.id;
  else if (current?.updatedBy) stamped.updatedBy = current.updatedBy;
  return stamped;
}
