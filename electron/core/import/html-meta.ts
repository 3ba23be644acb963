import type { ArticleMeta } from '../../../shared/model/article';
import { parseDate } from './dates';
import { cleanAuthor, cleanTitle } from './meta-clean';

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Review|Background|Scholarly|Tech|Satirical|Advertiser)?Article$|^BlogPosting$|^Report$|^WebPage$/;

/** Objects in a JSON-LD value, flattening arrays and @graph. */
function flattenJsonLd(value: unknown, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) value.forEach((v) => flattenJsonLd(v, out));
  else if (value && typeof value === 'object') {
    const obj = value as JsonObject;
    out.push(obj);
    if (obj['@graph']) flattenJsonLd(obj['@graph'], out);
  }
  return out;
}

function types(obj: JsonObject): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The JSON-LD article object, preferring a NewsArticle-like type over a plain WebPage. */
export function findJsonLdArticle(doc: Document): JsonObject | null {
  const objects: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flattenJsonLd(JSON.parse(script.textContent ?? ''), objects);
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources of metadata still count.
    }
  }
  const articles = objects.filter((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  return articles.find((o) => !types(o).includes('WebPage')) ?? articles[0] ?? null;
}

/** People named in a JSON-LD author value, written as a byline would ("A and B"). */
function jsonLdPeople(value: unknown): string | null {
  const names = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as JsonObject).name : null))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((n) => n.trim());
  return names.length ? joinNames(names) : null;
}

/** A name from JSON-LD: a string, {name}, or a list of either (joined with ", "). */
function jsonLdName(value: unknown): string | null {
  const names = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as JsonObject).name : null))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return names.length ? names.map((n) => n.trim()).join(', ') : null;
}

function metaContent(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value ? value : null;
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

/** One source's value for a field, and where it came from (for the note when sources disagree). */
interface Candidate {
  value: string | null;
  from: string;
}

/** The page's byline elements: rel=author links, itemprop=author, a .byline / .author element. */
function bylineText(doc: Document): string | null {
  const byline = doc.querySelector(
    '[itemprop="author"] [itemprop="name"], [itemprop="author"], .byline, .article-byline, [class~="author"], [class*="byline"]',
  );
  const text = byline?.textContent?.replace(/\s+/g, ' ').trim();
  if (text) return text;
  const links = Array.from(doc.querySelectorAll('a[rel~="author"]'))
    .map((a) => a.textContent?.trim())
    .filter((t): t is string => !!t);
  return links.length ? joinNames(links) : null;
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The first candidate that survives `clean`, and a note when a later one that also survives
 * says something else (compared without case, spaces and punctuation).
 */
function pick(field: string, candidates: Candidate[], clean: (v: string) => string | null): { value: string | null; note: string | null } {
  const cleaned = candidates
    .map((c) => ({ ...c, value: c.value ? clean(c.value) : null }))
    .filter((c): c is { value: string; from: string } => !!c.value);
  const [chosen, ...rest] = cleaned;
  if (!chosen) return { value: null, note: null };
  const key = (v: string): string =>
    v
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const others = rest.filter((c, i) => key(c.value) !== key(chosen.value) && rest.findIndex((d) => key(d.value) === key(c.value)) === i);
  const note = others.length
    ? `The page's sources disagree on the ${field}: kept “${chosen.value}” (${chosen.from}); ${others.map((o) => `${o.from} says “${o.value}”`).join('; ')}.`
    : null;
  return { value: chosen.value, note };
}

/** An article's metadata from its page, and notes where the page's sources disagreed. */
export interface HtmlMeta {
  meta: Partial<ArticleMeta>;
  notes: string[];
}

/**
 * Reads an article's metadata from a page's head and byline, before anything rewrites the DOM.
 * Each field takes the first of its sources that gives a usable value, in this order (a rule:
 * structured data written for machines about this article, then the head's meta tags, then
 * text on the page), and the cleaners (meta-clean.ts) decide what is usable:
 * - title: JSON-LD headline > og:title > twitter:title > <title> (site suffix cut by cleanTitle);
 * - author: JSON-LD author (of the NewsArticle-like object; "A and B" for two) > meta name=author >
 *   article:author (when not a URL) > meta byl > the byline element (rel=author, itemprop, .byline);
 *   a date, a URL, the site's name or a fragment is no author;
 * - date: JSON-LD datePublished > article:published_time > meta date/pubdate/dc.date/itemprop >
 *   the first <time datetime> on the page;
 * - source: og:site_name > JSON-LD publisher > application-name;
 * - url: canonical > og:url > JSON-LD url (http(s) only); language: <html lang> > og:locale;
 * - standfirst: meta description > og:description > JSON-LD description.
 * Where a later source gives a different usable value, a note says so (kept and rejected values,
 * with their sources), so the analyst can check. Only fields found are returned.
 */
export function readHtmlMetaWithSources(doc: Document): HtmlMeta {
  const ld = findJsonLdArticle(doc);
  const ldString = (key: string): string | null => (typeof ld?.[key] === 'string' ? (ld[key] as string) : null);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const source = clean(
    metaContent(doc, 'meta[property="og:site_name" i]') ?? jsonLdName(ld?.publisher) ?? metaContent(doc, 'meta[name="application-name" i]'),
  );
  const articleAuthor = metaContent(doc, 'meta[property="article:author" i]');
  const notes: string[] = [];

  const title = pick(
    'title',
    [
      { value: ldString('headline'), from: 'JSON-LD headline' },
      { value: metaContent(doc, 'meta[property="og:title" i]'), from: 'og:title' },
      { value: metaContent(doc, 'meta[name="twitter:title" i]'), from: 'twitter:title' },
      { value: doc.title, from: '<title>' },
    ],
    (v) => cleanTitle(clean(v), source),
  );
  const author = pick(
    'author',
    [
      { value: jsonLdPeople(ld?.author), from: 'JSON-LD author' },
      { value: metaContent(doc, 'meta[name="author" i]'), from: 'meta author' },
      { value: articleAuthor && !/^https?:/i.test(articleAuthor) ? articleAuthor : null, from: 'article:author' },
      { value: metaContent(doc, 'meta[name="byl" i]'), from: 'meta byl' },
      { value: bylineText(doc), from: 'the byline on the page' },
    ],
    (v) => cleanAuthor(clean(v), source),
  );
  const dates: Candidate[] = [
    { value: ldString('datePublished'), from: 'JSON-LD datePublished' },
    { value: metaContent(doc, 'meta[property="article:published_time" i]'), from: 'article:published_time' },
    {
      value: metaContent(doc, 'meta[name="date" i], meta[name="pubdate" i], meta[name="dc.date" i], meta[itemprop="datePublished"]'),
      from: 'meta date',
    },
    { value: doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null, from: 'the first <time> on the page' },
  ];
  const published = pick('publication date', dates, (v) => parseDate(v));
  for (const found of [title, author, published]) if (found.note) notes.push(found.note);

  const found: Partial<Record<keyof ArticleMeta, string | null>> = {
    title: title.value,
    author: author.value,
    source,
    publishedAt: published.value,
    url: httpUrl(canonical) ?? httpUrl(metaContent(doc, 'meta[property="og:url" i]')) ?? httpUrl(ldString('url')),
    language: clean(doc.documentElement.getAttribute('lang') ?? metaContent(doc, 'meta[property="og:locale" i]')?.replace('_', '-')),
    standfirst: clean(
      metaContent(doc, 'meta[name="description" i]') ?? metaContent(doc, 'meta[property="og:description" i]') ?? ldString('description'),
    ),
  };
  const meta: Partial<ArticleMeta> = {};
  for (const [key, value] of Object.entries(found) as [keyof ArticleMeta, string | null][]) {
    if (value) (meta as Record<string, string>)[key] = value;
  }
  return { meta, notes };
}

/** readHtmlMetaWithSources without the notes. */
export function readHtmlMeta(doc: Document): Partial<ArticleMeta> {
  return readHtmlMetaWithSources(doc).meta;
}
