import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Block, Claim } from '../../shared/model';
import { NOTEBOOK_SCHEMA_VERSION } from '../../shared/model';
import type { LibraryDoc, ShardDoc } from '../../electron/core/store/documents';
import { FILES, abs, shardRel } from '../../electron/core/store/layout';
import { summarize } from '../../electron/core/store/summarize';

/** Words of news prose, so texts have a realistic length distribution and compress like news. */
const WORDS = (
  'the of and to in a is that for on said with as by at from government minister president talks ' +
  'would could should policy security economic trade tariffs sanctions officials statement foreign ' +
  'ministry spokesman agreement negotiations parliament election campaign opposition leader party ' +
  'analysts experts warned urged rejected supported announced according report week month year ' +
  'military exercises border region island strait sovereignty independence restraint cooperation ' +
  'dialogue pressure crisis growth inflation budget reform energy climate emissions summit allies ' +
  'partners committee council court ruling investigation journalists sources interview television ' +
  'newspaper people country nations international domestic public private sector companies markets ' +
  'prices workers unions protest police capital city province village community families children'
).split(' ');

/** A seeded PRNG (mulberry32), so two runs build the same notebook. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** An article of about `bytes` characters in paragraphs of 3-6 sentences. */
export function syntheticArticle(id: string, random: () => number, bytes = 6000): Article {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const count = 3 + Math.floor(random() * 4);
    const paragraph = Array.from({ length: count }, () => sentence(random)).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  const text = paragraphs.join('\n');
  const blocks: Block[] = [];
  let start = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', start, end: start + p.length });
    start += p.length + 1;
  }
  const stamp = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 3e10)).toISOString();
  return {
    id,
    title: sentence(random).slice(0, 80),
    source: 'The Synthetic Times',
    author: null,
    publishedAt: stamp.slice(0, 10),
    url: null,
    language: 'en',
    standfirst: null,
    importedFrom: { kind: 'sample', name: null },
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
    blocks,
    rev: 1,
    revisions: [],
    tags: [],
    collections: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** A claim quoting a random stretch of the article, with 32 characters of context each side. */
export function syntheticClaim(article: Article, id: string, random: () => number): Claim {
  const start = Math.floor(random() * (article.text.length - 200));
  const end = start + 40 + Math.floor(random() * 120);
  const stamp = article.createdAt;
  return {
    id,
    articleId: article.id,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: article.text.slice(start, end),
        prefix: article.text.slice(Math.max(0, start - 32), start),
        suffix: article.text.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector', start, end },
    },
    anchor: { status: 'exact' },
    actorIds: ['china'],
    issueId: 'taiwan',
    proposition: 'Taiwan independence',
    stanceId: 'oppose',
    speaker: null,
    tags: [],
    note: sentence(random),
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * Writes shards and library.json straight into a notebook folder that openNotebook created
 * (plain writes: building is not what is measured). `recode` may give each claim other coding.
 * Returns the data for the baseline.
 */
export async function fillNotebook(
  dir: string,
  articleCount: number,
  claimCount: number,
  seed = 42,
  recode?: (claim: Claim, random: () => number) => Claim,
) {
  const random = prng(seed);
  const library: LibraryDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, journalSeq: 0, articles: [], revs: {} };
  const articles: Article[] = [];
  const claims: Claim[] = [];
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (let i = 0; i < articleCount; i++) {
    const article = syntheticArticle(`art-${i}`, random);
    const perArticle = Math.floor(claimCount / articleCount) + (i < claimCount % articleCount ? 1 : 0);
    const own = Array.from({ length: perArticle }, (_, j) => {
      const claim = syntheticClaim(article, `clm-${i}-${j}`, random);
      return recode ? recode(claim, random) : claim;
    });
    const shard: ShardDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 1, article, claims: own };
    await writeFile(abs(dir, shardRel(article.id)), JSON.stringify(shard));
    library.articles.push(summarize(article, own.length));
    library.revs[article.id] = 1;
    articles.push(article);
    claims.push(...own);
  }
  await writeFile(abs(dir, FILES.library), JSON.stringify(library));
  await writeFile(abs(dir, FILES.journal), '');
  return { articles, claims, random };
}
