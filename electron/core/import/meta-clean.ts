/**
 * Cleans metadata that looks authoritative but is wrong (issue 16): authors such as
 * `by Lucas Nolan22 Dec 2016651`, a date or the site's name as the author; titles with the site
 * as a suffix (`… - BBC News`), a page number (`47698`), a file name (`10811.exe`) or one
 * character. What can be cleaned is cleaned; what cannot is dropped, never kept as junk.
 */
import { parseDate } from './dates';
import { titleFromFileName, titleFromProse } from './titles';
import type { ImportedDocument } from './types';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A date glued to the end of a byline ("Nolan22 Dec 2016651", "Smith, March 3, 2024"), with anything after it. */
const TRAILING_DATE = new RegExp(
  `[\\s,|·•–—-]*(?:\\d{1,2}\\s*${MONTH}\\.?\\s*\\d{4}|${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}).*$`,
  'i',
);
const BY_PREFIX = /^(?:(?:written|posted|reported|words)\s+)?(?:by|von|par|por|di|door)\s*:?\s+/i;

function comparable(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * An author as a person would write it, or null when what the source gave is not an author:
 * "By " prefixes and glued dates or counters go; a date, a URL, the site's own name or a
 * fragment of one or two characters is no author.
 */
export function cleanAuthor(raw: string | null | undefined, source?: string | null): string | null {
  if (!raw) return null;
  let author = raw.replace(/\s+/g, ' ').trim().replace(BY_PREFIX, '');
  author = author
    .replace(TRAILING_DATE, '')
    .replace(/\d+$/, '')
    .replace(/[\s,;|·•–—-]+$/, '')
    .trim();
  if (author.length < 3 || author.length > 200) return null;
  if (/^https?:|www\.|@.*\./i.test(author)) return null;
  if (parseDate(author) || /^\d/.test(author) || !/\p{L}{2}/u.test(author)) return null;
  if (source && comparable(author) === comparable(source)) return null;
  return author;
}

const SEPARATOR = /\s+[-–—|·•»]\s+|:\s+/g;
const PUBLICATION =
  /\b(?:news|times|post|daily|star|tribune|herald|journal|guardian|telegraph|reuters|online|\.com|\.org|\.net|today|press|wire|magazine|report)\b/i;
const FILE_NAME = /^[\w .()-]+\.(?:exe|docx?|pdf|odt|rtf|txt|html?|indd|qxd|tmp|dot|ps|tex)$/i;

/**
 * A title without the site's name as a suffix or prefix (when the site is known, or when the
 * last part is a short name such as "BBC News"), or null when it is no title: digits only
 * (a page number), a file name, a single character.
 */
export function cleanTitle(raw: string | null | undefined, source?: string | null): string | null {
  if (!raw) return null;
  let title = raw.replace(/\s+/g, ' ').trim();
  if (title.length <= 2 || /^[\d\s.,/-]+$/.test(title) || FILE_NAME.test(title)) return null;
  // Cut at the first or last separator, keeping the rest exactly as written.
  const cuts = [...title.matchAll(SEPARATOR)];
  if (cuts.length) {
    const firstCut = cuts[0]!;
    const lastCut = cuts.at(-1)!;
    const first = title.slice(0, firstCut.index);
    const last = title.slice(lastCut.index + lastCut[0].length);
    const site = source ? comparable(source) : null;
    if (site && comparable(last) === site) title = title.slice(0, lastCut.index);
    else if (site && comparable(first) === site) title = title.slice(firstCut.index + firstCut[0].length);
    else if (/^(?:[\p{Lu}\d][\p{L}\d.&']*)(?:\s+[\p{Lu}\d][\p{L}\d.&']*){0,3}$/u.test(last) && PUBLICATION.test(last)) {
      // "… - BBC News", "… | The Daily Star": a short capitalised name that reads as a publication.
      title = title.slice(0, lastCut.index);
    }
  }
  title = title.trim();
  return title.length > 2 ? title : null;
}

/**
 * Applies cleanAuthor and cleanTitle to an imported document's metadata. A title that cleaning
 * rejects is replaced by one from the text (the first sentence), else from the file name.
 */
export function cleanDocumentMeta(doc: ImportedDocument, fileName: string | null): ImportedDocument {
  const meta = { ...doc.meta };
  const author = cleanAuthor(meta.author, meta.source);
  if (author) meta.author = author;
  else delete meta.author;
  const title = cleanTitle(meta.title, meta.source);
  if (title) meta.title = title;
  else {
    const first = doc.blocks.find((b) => b.kind === 'paragraph') ?? doc.blocks[0];
    meta.title = (first && titleFromProse(doc.text.slice(first.start, first.end))) || (fileName ? titleFromFileName(fileName) : 'Untitled');
  }
  return { ...doc, meta };
}
