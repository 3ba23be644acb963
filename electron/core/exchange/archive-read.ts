import type { z } from 'zod';
import { UserError } from '../../../shared/api/errors';
import { CodebookSchema, NOTEBOOK_SCHEMA_VERSION, NotebookMetaSchema } from '../../../shared/model';
import {
  ARCHIVE_FILES,
  ARCHIVE_VERSION,
  ArchiveManifestSchema,
  ArchivedArticleSchema,
  ArchivedBriefsSchema,
  countsOf,
  type ArchiveContents,
} from './archive-format';
import { unzipWithinLimits, UnzipRefusal } from './archive-unzip';

/** Uncompressed size above which an archive is refused, so a zip bomb cannot fill memory. */
export const MAX_ARCHIVE_UNCOMPRESSED_BYTES = 2 * 1024 ** 3;
/** Most bytes one file inside an archive may unpack to: each is parsed whole (an article with its claims is far smaller). */
export const MAX_ARCHIVE_FILE_BYTES = 256 * 1024 ** 2;

function bad(message: string): UserError {
  return new UserError('import-failed', `This is not a Stancebook archive Stancebook can restore: ${message}`);
}

function readJson<T extends z.ZodType>(files: Map<string, Uint8Array>, file: string, schema: T): z.output<T> {
  const bytes = files.get(file);
  if (!bytes) throw bad(`${file} is missing.`);
  files.delete(file); // parsed once; its bytes can go
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad(`${file} is not valid JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(`${file} does not match the archive format (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'}).`);
  }
  return parsed.data;
}

/** The files an archive may hold; anything else in the zip is skipped unread. */
function isArchiveFile(name: string): boolean {
  return (
    name === ARCHIVE_FILES.manifest ||
    name === ARCHIVE_FILES.notebook ||
    name === ARCHIVE_FILES.codebook ||
    name === ARCHIVE_FILES.briefs ||
    /^articles\/[0-9]{1,9}\.json$/.test(name)
  );
}

/**
 * Opens and validates an archive made by {@link buildArchive}: every file is parsed with its
 * schema, every claim must belong to the article it is filed with, and the counts must match
 * the manifest, so a truncated or edited archive is refused before anything is written.
 * Unpacking counts the bytes really inflated (per file, at most `maxFileBytes`, and in total, at
 * most `maxUnpackedBytes`) and stops at the first byte over; sizes the zip declares are only
 * trusted to refuse early, never to allow.
 *
 * @throws UserError('import-failed') naming what is wrong.
 */
export async function readArchive(bytes: Uint8Array, options: { maxUnpackedBytes?: number; maxFileBytes?: number } = {}): Promise<ArchiveContents> {
  const limit = options.maxUnpackedBytes ?? MAX_ARCHIVE_UNCOMPRESSED_BYTES;
  const maxEntry = Math.min(options.maxFileBytes ?? MAX_ARCHIVE_FILE_BYTES, limit);
  let files: Map<string, Uint8Array> | null;
  try {
    files = await unzipWithinLimits(bytes, isArchiveFile, { maxTotalBytes: limit, maxEntryBytes: maxEntry });
  } catch (error) {
    if (error instanceof UnzipRefusal) throw bad(error.message);
    throw error;
  }
  if (!files) throw bad('it is not a zip file.');

  const manifest = readJson(files, ARCHIVE_FILES.manifest, ArchiveManifestSchema);
  if (manifest.archiveVersion > ARCHIVE_VERSION || manifest.schemaVersion > NOTEBOOK_SCHEMA_VERSION) {
    throw bad('it was made by a newer version of Stancebook. Update Stancebook, then restore it.');
  }
  const notebook = readJson(files, ARCHIVE_FILES.notebook, NotebookMetaSchema);
  const codebook = readJson(files, ARCHIVE_FILES.codebook, CodebookSchema);
  const { briefs } = readJson(files, ARCHIVE_FILES.briefs, ArchivedBriefsSchema);
  const articles = [];
  const ids = new Set<string>();
  for (const file of manifest.articleFiles) {
    if (!file.startsWith(ARCHIVE_FILES.articlesDir) || file.includes('..')) throw bad(`the manifest names an odd file, ${file}.`);
    const entry = readJson(files, file, ArchivedArticleSchema);
    if (ids.has(entry.article.id)) throw bad(`article ${entry.article.id} appears twice.`);
    ids.add(entry.article.id);
    const stray = entry.claims.find((claim) => claim.articleId !== entry.article.id);
    if (stray) throw bad(`claim ${stray.id} is filed with article ${entry.article.id} but belongs to ${stray.articleId}.`);
    articles.push(entry);
  }
  const contents: ArchiveContents = { manifest, notebook, codebook, briefs, articles };
  const counts = countsOf(contents);
  for (const [key, value] of Object.entries(manifest.counts)) {
    const actual = counts[key as keyof typeof counts];
    if (actual !== value) throw bad(`the manifest promises ${value} ${key} but the archive holds ${actual}.`);
  }
  return contents;
}
