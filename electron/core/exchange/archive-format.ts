import { z } from 'zod';
import { ArticleSchema, BriefSchema, ClaimSchema, type Codebook, type NotebookMeta } from '../../../shared/model';

/** The archive layout version; bumped when the files inside change shape. */
export const ARCHIVE_VERSION = 1;

export const ARCHIVE_FILES = {
  manifest: 'manifest.json',
  notebook: 'notebook.json',
  codebook: 'codebook.json',
  briefs: 'briefs.json',
  articlesDir: 'articles/',
} as const;

export const ArchiveCountsSchema = z.object({
  articles: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  actors: z.number().int().nonnegative(),
  issues: z.number().int().nonnegative(),
  stances: z.number().int().nonnegative(),
  tags: z.number().int().nonnegative(),
  briefs: z.number().int().nonnegative(),
});
export type ArchiveCounts = z.infer<typeof ArchiveCountsSchema>;

/** manifest.json: what the archive is and holds, checked against the contents on restore. */
export const ArchiveManifestSchema = z.object({
  format: z.literal('stancebook-archive'),
  archiveVersion: z.number().int().positive(),
  /** The notebook schema version the records inside follow. */
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  counts: ArchiveCountsSchema,
  /** The article files, in order. */
  articleFiles: z.array(z.string()),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;

/**
 * Longest id an archive may carry, as the store encodes it into a file name (articles/ID.json,
 * trash/claim-ID.json): far above the app's own ids (~40 characters), well below the 255 bytes
 * a file name may have, so no record is refused by the disk half-way through a restore.
 */
export const MAX_ARCHIVE_ID_CHARS = 160;

/** An id read from an archive: non-empty, and short enough to name a file once encoded. */
export const ArchiveIdSchema = z
  .string()
  .min(1)
  .refine((id) => encodeURIComponent(id).replace(/\./g, '%2E').length <= MAX_ARCHIVE_ID_CHARS, {
    message: `ids may be at most ${MAX_ARCHIVE_ID_CHARS} characters (as encoded in file names); this one is longer, so the archive was not made by Stancebook or was edited`,
  });

/** One articles/NNNNNN.json: the article with every claim on it. */
export const ArchivedArticleSchema = z.object({
  article: ArticleSchema.extend({ id: ArchiveIdSchema }),
  claims: z.array(ClaimSchema.extend({ id: ArchiveIdSchema, articleId: ArchiveIdSchema })),
});
export type ArchivedArticle = z.infer<typeof ArchivedArticleSchema>;

export const ArchivedBriefsSchema = z.object({ briefs: z.array(BriefSchema.extend({ id: ArchiveIdSchema })) });

/** Everything an archive holds, validated. */
export interface ArchiveContents {
  manifest: ArchiveManifest;
  notebook: NotebookMeta;
  codebook: Codebook;
  briefs: z.infer<typeof BriefSchema>[];
  articles: ArchivedArticle[];
}

export function countsOf(contents: Omit<ArchiveContents, 'manifest'>): ArchiveCounts {
  return {
    articles: contents.articles.length,
    claims: contents.articles.reduce((sum, a) => sum + a.claims.length, 0),
    actors: contents.codebook.actors.length,
    issues: contents.codebook.issues.length,
    stances: contents.codebook.stances.length,
    tags: contents.codebook.tags.length,
    briefs: contents.briefs.length,
  };
}
