import { z } from 'zod';
import { method } from './method';

/**
 * One conflict a sync found: the same field of one record changed differently on both sides, or
 * a record deleted on one side and edited on the other. Both values are kept here (the record in
 * the notebook holds the side named by `applied`) until the analyst resolves it.
 */
export const SyncConflictSchema = z.object({
  id: z.string(),
  kind: z.enum(['article', 'claim', 'brief', 'actor', 'issue', 'stance', 'tag']),
  recordId: z.string(),
  /** For claims: the article they belong to. */
  articleId: z.string().nullable(),
  /** The field both sides changed (`text` for an article revised on both sides, `(record)` for delete vs edit). */
  field: z.string(),
  /** What the record is, in the analyst's words: the claim's quote, the article's title, the entry's name. */
  label: z.string(),
  reason: z.enum(['both-changed', 'deleted-and-edited', 'text-revised-on-both', 'deleted-but-used']),
  base: z.unknown(),
  ours: z.unknown(),
  theirs: z.unknown(),
  /** Who made each side's change: the record's `updatedBy` coder where present, else the commit's author. */
  oursBy: z.string().nullable(),
  theirsBy: z.string().nullable(),
  /** Which side the notebook holds now, provisionally. */
  applied: z.enum(['ours', 'theirs']),
  /** For a codebook entry merged away on one side: the entry its claims went to there. */
  mergedInto: z.string().nullable().optional(),
  detectedAt: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const SyncPhaseSchema = z.enum(['idle', 'committing', 'fetching', 'merging', 'pushing', 'applying', 'done', 'failed', 'cancelled']);
export type SyncPhase = z.infer<typeof SyncPhaseSchema>;

export const SyncResultSchema = z.object({
  outcome: z.enum(['up-to-date', 'pushed', 'merged', 'failed', 'cancelled']),
  /** What happened, in one sentence for the analyst. */
  message: z.string(),
  at: z.string(),
  committed: z.boolean(),
  /** Records the merge wrote into this notebook. */
  applied: z.object({ articles: z.number().int(), claims: z.number().int(), briefs: z.number().int(), codebook: z.boolean() }),
  newConflicts: z.number().int(),
  /** How many times a push was refused because the remote moved, and merged again. */
  retries: z.number().int(),
  head: z.string().nullable(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const SyncStatusSchema = z.object({
  repository: z.boolean(),
  /** The remote URL (never with credentials in it), or null. */
  remote: z.string().nullable(),
  running: z.boolean(),
  phase: SyncPhaseSchema,
  progress: z.object({ loaded: z.number(), total: z.number().nullable() }).nullable(),
  /** Whether a token is held for this session (browser mode keeps it in memory only). */
  hasToken: z.boolean(),
  lastResult: SyncResultSchema.nullable(),
  openConflicts: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** http(s) only, no credentials in the URL (they would reach the notebook's git config). */
export const RemoteUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'the remote must be an https:// (or http://) Git URL, e.g. https://git.example.org/team/notebook.git; ssh and file remotes are not supported')
  .refine((value) => {
    try {
      const url = new URL(value);
      return !url.username && !url.password;
    } catch {
      return true;
    }
  }, 'put no user name or token in the URL: give the token separately (it is never written into the notebook)');

const token = z.string().min(1).max(4000);

export const syncMethods = {
  getSyncStatus: method(
    'Whether the notebook is shared through Git, its remote, the running or last sync, open conflicts.',
    z.object({}).strict(),
    SyncStatusSchema,
  ),
  configureSync: method(
    'Makes the notebook a Git repository (if it is not) and sets its remote; the token, if given, is kept for this session only (never in the notebook).',
    z.object({ remote: RemoteUrlSchema.nullable(), token: token.optional(), username: z.string().max(200).optional() }).strict(),
    SyncStatusSchema,
  ),
  sync: method(
    'Commits local changes, fetches, merges record by record and pushes. Answers when done; progress is in getSyncStatus, cancelSync stops it before anything local changes.',
    z.object({ token: token.optional(), username: z.string().max(200).optional() }).strict(),
    SyncResultSchema,
  ),
  cancelSync: method('Cancels the running sync; nothing local changes.', z.object({}).strict(), z.object({ cancelled: z.boolean() })),
  listConflicts: method('The conflicts syncs found and not yet resolved, oldest first.', z.object({}).strict(), z.array(SyncConflictSchema)),
  resolveConflict: method(
    'Resolves one conflict: keep ours, take theirs, or a hand-merged value (an undoable change).',
    z
      .object({
        id: z.string().min(1).max(1000),
        pick: z.enum(['ours', 'theirs', 'value']),
        value: z.unknown().optional(),
      })
      .strict()
      .refine((r) => r.pick !== 'value' || r.value !== undefined, 'a hand-merged value is required when pick is "value"'),
    z.object({ resolved: z.literal(true), remaining: z.number().int() }),
  ),
} as const;
