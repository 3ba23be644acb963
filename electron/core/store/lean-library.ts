import { ArticleSummarySchema, ImportOriginSchema, type ArticleSummary } from '../../../shared/model';
import type { LibraryDoc } from './documents';

/**
 * A fast check of the library index (library.json) as it is read at every open, in front of its
 * zod schema (LibraryDocSchema), which stays the reference: at 10,000 articles zod took 50–70 ms
 * and made a copy of every summary, much of a browser-mode start (decision 0026).
 *
 * The check accepts only what it can vouch for: every summary of the usual shape (the keys the
 * schema knows, each of the right type and within its limits), and then returns the parsed
 * document itself, defaults filled, which is what zod returns for it. Anything else (an unknown
 * key, a value it does not know to be valid, double coding) it does not judge: a summary it cannot
 * vouch for is validated by ArticleSummarySchema alone, and a document whose outer shape is not the
 * usual one returns null, so the caller runs zod on the whole and gets zod's verdict and wording.
 * So it may refuse what zod accepts (and zod decides), never the reverse; the unit tests check
 * that on good and damaged documents.
 */
export function leanLibraryDoc(raw: Record<string, unknown>): LibraryDoc | null {
  for (const key of Object.keys(raw)) if (!DOC_KEYS.has(key)) return null;
  const { journalSeq, articles, revs } = raw;
  if (journalSeq !== undefined && !isCount(journalSeq)) return null;
  if (!Array.isArray(articles)) return null;
  if (revs !== undefined && !isRevs(revs)) return null;
  if (!Number.isSafeInteger(raw.schemaVersion)) return null;
  for (let i = 0; i < articles.length; i++) {
    const summary: unknown = articles[i];
    if (isUsualSummary(summary)) continue;
    // Not the usual shape: the schema decides for this one summary (zod strips unknown keys, fills nothing).
    const checked = ArticleSummarySchema.safeParse(summary);
    if (!checked.success) return null;
    articles[i] = checked.data;
  }
  raw.journalSeq ??= 0;
  raw.revs ??= {};
  return raw as unknown as LibraryDoc;
}

const DOC_KEYS = new Set(['schemaVersion', 'journalSeq', 'articles', 'revs']);
const IMPORT_KINDS = new Set<unknown>(ImportOriginSchema.shape.kind.options);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.length <= max;
const isTextOrNull = (value: unknown, max: number): boolean => value === null || isText(value, max);
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isRevs(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const rev of Object.values(value)) if (!isCount(rev)) return false;
  return true;
}

/** The keys of a summary of the usual shape (ArticleSummarySchema without double coding). */
const SUMMARY_KEYS = new Set([
  'title',
  'source',
  'author',
  'publishedAt',
  'url',
  'language',
  'standfirst',
  'id',
  'importedFrom',
  'contentHash',
  'wordCount',
  'claimCount',
  'tags',
  'collections',
  'createdAt',
  'updatedAt',
]);

/** True when `value` is a summary ArticleSummarySchema accepts unchanged; false when unsure. */
function isUsualSummary(value: unknown): value is ArticleSummary {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const s = value as Record<string, unknown>;
  let keys = 0;
  for (const key in s) {
    if (!SUMMARY_KEYS.has(key)) return false;
    keys++;
  }
  if (keys !== SUMMARY_KEYS.size) return false;
  const origin = s.importedFrom as Record<string, unknown> | null;
  return (
    typeof s.title === 'string' &&
    s.title.length >= 1 &&
    s.title.length <= 1000 &&
    isTextOrNull(s.source, 500) &&
    isTextOrNull(s.author, 500) &&
    (s.publishedAt === null || (typeof s.publishedAt === 'string' && DATE.test(s.publishedAt))) &&
    isTextOrNull(s.url, 2000) &&
    isTextOrNull(s.language, 35) &&
    isTextOrNull(s.standfirst, 5000) &&
    typeof s.id === 'string' &&
    typeof origin === 'object' &&
    origin !== null &&
    !Array.isArray(origin) &&
    Object.keys(origin).length === 2 &&
    IMPORT_KINDS.has(origin.kind) &&
    (origin.name === null || typeof origin.name === 'string') &&
    typeof s.contentHash === 'string' &&
    isCount(s.wordCount) &&
    isCount(s.claimCount) &&
    isStrings(s.tags) &&
    isStrings(s.collections) &&
    typeof s.createdAt === 'string' &&
    typeof s.updatedAt === 'string'
  );
}
