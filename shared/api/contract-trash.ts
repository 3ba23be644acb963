import { z } from 'zod';
import { method } from './method';

const id = z.string().min(1, 'an id is required').max(200);
const empty = z.object({}).strict();

/** One deleted article (with its claims), claim or brief waiting in the trash. */
export const TrashEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['article', 'claim', 'brief']),
  /** The article's title, the claim's quote (up to 200 characters) or the brief's title. */
  label: z.string(),
  /** ISO time of the delete. */
  deletedAt: z.string(),
  /** For a claim: the article it belongs to; null otherwise. */
  articleId: z.string().nullable(),
  /** For a claim: the title of its article, if that article is live (else null). */
  articleTitle: z.string().nullable(),
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

/** A brief that cites some of the claims asked about, and how many of them. */
export const CitingBriefSchema = z.object({ id: z.string(), title: z.string(), citations: z.number().int().positive() });
export type CitingBrief = z.infer<typeof CitingBriefSchema>;

/**
 * A backup's name: the folder under `backups/`, an ISO stamp with `:` and `.` as `-`, maybe a
 * label (`2026-11-28T10-00-00-000Z-before-restore`). Anything else (a path) is refused.
 */
const backupName = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T[\w-]+$/, 'a backup name as listed by listBackups, e.g. 2026-11-28T10-00-00-000Z');

/** Housekeeping: the trash, the rolling backups, and what a delete would touch. */
export const trashMethods = {
  listTrash: method('Deleted articles, claims and briefs, the most recently deleted first.', empty, z.array(TrashEntrySchema)),
  restoreFromTrash: method(
    'Puts an item back from the trash (an article with its claims; a claim only if its article is live).',
    z.object({ id }).strict(),
    TrashEntrySchema,
  ),
  emptyTrash: method('Removes everything in the trash for good.', empty, z.object({ removed: z.number().int().nonnegative() })),
  briefsCiting: method(
    'The briefs that cite any of these claims, or any claim of this article: a delete asks with this first.',
    z
      .object({ claimIds: z.array(id).max(100_000).optional(), articleId: id.optional() })
      .strict()
      .refine((r) => r.claimIds !== undefined || r.articleId !== undefined, 'claimIds or articleId is required'),
    z.array(CitingBriefSchema),
  ),
  listBackups: method(
    "The notebook's rolling backups, newest first (one is taken at the first open of each day, the newest 10 kept).",
    empty,
    z.array(z.object({ name: z.string(), takenAt: z.string().nullable(), label: z.string() })),
  ),
  backupNow: method('Takes a backup of the notebook now.', empty, z.object({ name: z.string() })),
  restoreBackup: method(
    'Restores a backup as a new notebook in a new folder beside this one; this notebook does not change (the command line restores in place, with the notebook closed).',
    z.object({ name: backupName }).strict(),
    z.object({
      /** The new notebook's folder: open it with `--data`. */
      dir: z.string(),
    }),
  ),
} as const;
