import type { ArticleMeta } from '../../../shared/model/article';
import { parseDate } from './dates';

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Review|Background|Scholarly|Tech|Satirical|Advertiser)?Article$|^BlogPosting$|^Report$|^WebPage$/;

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

/**
 * Reads an article's metadata from a page's head, before anything rewrites the DOM:
 * Open Graph and article:* meta, meta name=author/description, <title>,
 * link rel=canonical, <html lang>, and JSON-LD (NewsArticle and kin). Each field takes
 * the first source that states it, in order of how reliably sites fill them in.
 * Only fields found are returned.
 */
export function readHtmlMeta(doc: Document): Partial<ArticleMeta> {
  const ld = findJsonLdArticle(doc);
  const ldString = (key: string): string | null => (typeof ld?.[key] === 'string' ? (ld[key] as string) : null);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const metaAuthor = metaContent(doc, 'meta[name="author" i]');

  const found: Partial<Record<keyof ArticleMeta, string | null>> = {
    title: clean(metaContent(doc, 'meta[property="og:title" i]') ?? ldString('headline') ?? doc.title),
    author: clean(metaAuthor ?? jsonLdName(ld?.author) ?? metaContent(doc, 'meta[name="byl" i]')),
    source: clean(metaContent(doc, 'meta[property="og:site_name" i]') ?? jsonLdName(ld?.publisher)),
    publishedAt: parseDate(
      metaContent(doc, 'meta[property="article:published_time" i]') ??
        ldString('datePublished') ??
        metaContent(doc, 'meta[name="date" i], meta[name="pubdate" i], meta[name="dc.date" i], meta[itemprop="datePublished"]'),
    ),
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
  return meta;
}
