import JSZip from 'jszip';
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

/** Uncompressed size above which an archive is refused, so a zip bomb cannot fill memory. */
export const MAX_ARCHIVE_UNCOMPRESSED_BYTES = 2 * 1024 ** 3;

function bad(message: string): UserError {
  return new UserError('import-failed', `This is not a Stancebook archive Stancebook can restore: ${message}`);
}

async function readJson<T extends z.ZodType>(zip: JSZip, file: string, schema: T): Promise<z.output<T>> {
  const entry = zip.file(file);
  if (!entry) throw bad(`${file} is missing.`);
  let value: unknown;
  try {
    value = JSON.parse(await entry.async('string'));
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

/**
 * Opens and validates an archive made by {@link buildArchive}: every file is parsed with its
 * schema, every claim must belong to the article it is filed with, and the counts must match
 * the manifest, so a truncated or edited archive is refused before anything is written.
 *
 * @throws UserError('import-failed') naming what is wrong.
 */
export async function readArchive(bytes: Uint8Array, options: { maxUnpackedBytes?: number } = {}): Promise<ArchiveContents> {
  const limit = options.maxUnpackedBytes ?? MAX_ARCHIVE_UNCOMPRESSED_BYTES;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw bad('it is not a zip file.');
  }
  let total = 0;
  zip.forEach((_path, entry) => {
    // _data is JSZip's record of the central directory; its sizes come from the zip itself.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
  });
  if (total > limit) throw bad(`it unpacks to more than ${Math.round(limit / 1024 ** 2).toLocaleString('en')} MB.`);

  const manifest = await readJson(zip, ARCHIVE_FILES.manifest, ArchiveManifestSchema);
  if (manifest.archiveVersion > ARCHIVE_VERSION || manifest.schemaVersion > NOTEBOOK_SCHEMA_VERSION) {
    throw bad('it was made by a newer version of Stancebook. Update Stancebook, then restore it.');
  }
  const notebook = await readJson(zip, ARCHIVE_FILES.notebook, NotebookMetaSchema);
  const codebook = await readJson(zip, ARCHIVE_FILES.codebook, CodebookSchema);
  const { briefs } = await readJson(zip, ARCHIVE_FILES.briefs, ArchivedBriefsSchema);
  const articles = [];
  const ids = new Set<string>();
  for (const file of manifest.articleFiles) {
    if (!file.startsWith(ARCHIVE_FILES.articlesDir) || file.includes('..')) throw bad(`the manifest names an odd file, ${file}.`);
    const entry = await readJson(zip, file, ArchivedArticleSchema);
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
