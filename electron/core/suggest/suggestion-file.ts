import { z } from 'zod';
import { SuggestedAttributionSchema, TextSpanSchema } from '../../../shared/model/suggestion';
import { isErrno, readTextIfExists, writeFileAtomic, ensureDirDurable } from '../store/fs-durable';
import { abs } from '../store/layout';

/*
 * Suggestions live beside the store, one file per article in `suggestions/`: derived (the
 * suggester can make them again from the text), so they stay out of claims, positions, briefs,
 * exports and backups. The file also keeps the analyst's rejections, by quote and place, so a
 * re-run does not propose a rejected span again.
 */

export const SUGGESTIONS_DIR = 'suggestions';
const SCHEMA_VERSION = 1;

export const RejectionSchema = TextSpanSchema.extend({ quote: z.string() });
export type Rejection = z.infer<typeof RejectionSchema>;

export const SuggestionFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articleId: z.string(),
  coder: z.string(),
  version: z.string(),
  /** The article text the suggestions were made for: another hash means they are stale. */
  contentHash: z.string(),
  suggestions: z.array(SuggestedAttributionSchema),
  rejected: z.array(RejectionSchema),
});
export type SuggestionFile = z.infer<typeof SuggestionFileSchema>;

function fileRel(articleId: string): string {
  return `${SUGGESTIONS_DIR}/${encodeURIComponent(articleId).replace(/\./g, '%2E')}.json`;
}

/**
 * Reads an article's suggestion file. A missing file is null; so is one that cannot be read or
 * fails its schema (it is derived: the suggester makes it again), except that its rejections
 * are kept when they can still be read.
 */
export async function readSuggestionFile(dir: string, articleId: string): Promise<{ file: SuggestionFile | null; rejected: Rejection[] }> {
  let text: string | null;
  try {
    text = await readTextIfExists(abs(dir, fileRel(articleId)));
  } catch (error) {
    if (isErrno(error, 'EISDIR')) return { file: null, rejected: [] };
    throw error;
  }
  if (text === null) return { file: null, rejected: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { file: null, rejected: [] };
  }
  const parsed = SuggestionFileSchema.safeParse(raw);
  if (parsed.success && parsed.data.articleId === articleId) return { file: parsed.data, rejected: parsed.data.rejected };
  const rejected = z.object({ rejected: z.array(RejectionSchema) }).safeParse(raw);
  return { file: null, rejected: rejected.success ? rejected.data.rejected : [] };
}

/** Writes an article's suggestion file atomically (temp file, fsync, rename). */
export async function writeSuggestionFile(dir: string, file: SuggestionFile): Promise<void> {
  await ensureDirDurable(abs(dir, SUGGESTIONS_DIR));
  await writeFileAtomic(abs(dir, fileRel(file.articleId)), `${JSON.stringify(file)}\n`);
}
