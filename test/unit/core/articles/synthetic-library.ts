import type { Article, ArticleSummary } from '../../../../shared/model';

/** A seeded PRNG (mulberry32), so every run builds the same library. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SOURCES = ['Le Monde', 'Süddeutsche Zeitung', 'The Guardian', 'Reuters', 'Xinhua', 'El País', 'Nikkei Asia'];
export const COLLECTIONS = ['Taiwan', 'Trade war', 'Sanctions', 'Climate'];
export const TAGS = ['to read', 'key', 'opinion', 'follow-up', 'interview'];
const WORDS = ['talks', 'minister', 'tariffs', 'Zürich', 'summit', 'strait', 'accord', 'élection', 'budget', 'ceasefire'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function subset<T>(random: () => number, items: readonly T[], p: number): T[] {
  return items.filter(() => random() < p);
}

/**
 * Summaries of a synthetic library: about 1 in 10 undated, 1 in 20 without a source, random
 * tags and collections, 0-30 claims, added one minute apart.
 */
export function syntheticSummaries(count: number, seed = 7): ArticleSummary[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i): ArticleSummary => {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
    const added = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    return {
      id: `art-${String(i).padStart(5, '0')}`,
      title: `${pick(random, WORDS)} ${pick(random, WORDS)} ${i}`,
      source: random() < 0.05 ? null : pick(random, SOURCES),
      author: random() < 0.5 ? null : `Author ${Math.floor(random() * 50)}`,
      publishedAt: random() < 0.1 ? null : day,
      url: null,
      language: 'en',
      standfirst: null,
      importedFrom: { kind: 'paste', name: null },
      contentHash: `hash-${i}`,
      wordCount: 100,
      claimCount: Math.floor(random() * 31),
      tags: subset(random, TAGS, 0.2),
      collections: subset(random, COLLECTIONS, 0.15),
      createdAt: added,
      updatedAt: added,
    };
  });
}

/** A small real article for the store, with the given metadata. */
export function smallArticle(id: string, meta: Partial<Article> = {}): Article {
  const text = meta.text ?? `The text of article ${id}.`;
  const stamp = '2025-01-01T00:00:00.000Z';
  return {
    id,
    title: `Article ${id}`,
    source: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    standfirst: null,
    importedFrom: { kind: 'paste', name: null },
    contentHash: `hash-${id}`,
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    rev: 1,
    revisions: [],
    tags: [],
    collections: [],
    createdAt: stamp,
    updatedAt: stamp,
    ...meta,
  };
}
