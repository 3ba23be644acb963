import { z } from 'zod';

/**
 * The person coding in one copy of a notebook: a display name and a stable random id. Kept per
 * copy (not shared when a notebook is synced), so two analysts on two copies are two coders.
 */
export const CoderSchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1, 'a coder name is required').max(200),
});
export type Coder = z.infer<typeof CoderSchema>;

/** A value a history entry records: an id, a list of ids or tags, a text, or nothing. */
export const AuditValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);
export type AuditValue = z.infer<typeof AuditValueSchema>;

/** The parts of a claim its audit history follows. */
export const AUDITED_FIELDS = [
  'created',
  'restored',
  'actorIds',
  'issueId',
  'proposition',
  'stanceId',
  'speaker',
  'tags',
  'note',
  'anchor',
  'adjudicated',
] as const;
export type AuditedField = (typeof AUDITED_FIELDS)[number];

/**
 * One change to a claim: who (coder id and name at the time; null when the copy had no coder),
 * when, which field, from what, to what, and the step it belonged to ("Edit claim", "Undo Edit
 * claim", "Adjudicate: keep"). Entries are only ever appended; undo appends too.
 */
export const ClaimHistoryEntrySchema = z.object({
  at: z.string(),
  by: z.string().nullable(),
  byName: z.string().nullable(),
  field: z.enum(AUDITED_FIELDS),
  from: AuditValueSchema,
  to: AuditValueSchema,
  step: z.string().max(300),
});
export type ClaimHistoryEntry = z.infer<typeof ClaimHistoryEntrySchema>;

/** How many history entries a claim keeps: the newest; the first ("created") entry is always kept. */
export const CLAIM_HISTORY_LIMIT = 200;

/**
 * Double coding of one article: while `blind`, each coder sees only their own claims on it
 * until they mark it done (their id in `done`).
 */
export const DoubleCodingSchema = z.object({
  blind: z.boolean(),
  done: z.array(z.string().min(1)).max(100),
});
export type DoubleCoding = z.infer<typeof DoubleCodingSchema>;
