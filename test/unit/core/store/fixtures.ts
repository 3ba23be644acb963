import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Article, Brief, Claim } from '../../../../shared/model';

/** A fresh temp folder; `cleanup` removes it. */
export async function tempDir(prefix = 'stancebook-store-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const STAMP = '2026-01-02T03:04:05.000Z';

/** A valid article; `text` defaults to a short paragraph. */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  const text = overrides.text ?? `Article ${id}. The minister said the talks would resume next week.`;
  return {
    id,
    title: `Article ${id}`,
    source: 'The Daily',
    author: null,
    publishedAt: '2026-01-01',
    url: null,
    language: 'en',
    standfirst: null,
    importedFrom: { kind: 'paste', name: null },
    contentHash: `hash-${id}`,
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    rev: 1,
    revisions: [],
    tags: [],
    collections: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

/** A valid claim on `articleId`. */
export function makeClaim(articleId: string, id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    articleId,
    target: {
      quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 5 },
    },
    anchor: { status: 'exact' },
    actorIds: [],
    issueId: null,
    proposition: '',
    stanceId: null,
    speaker: null,
    tags: [],
    note: '',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function makeBrief(id: string, title = `Brief ${id}`): Brief {
  return { id, title, doc: { type: 'doc', content: [] }, createdAt: STAMP, updatedAt: STAMP };
}

/** A clock that moves on one second per call, so backups and trash times are distinct. */
export function steppingClock(start = Date.parse('2026-03-01T09:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}
