// The search bench's generated notebook (also the journey bench's): articles with a Zipf
// vocabulary, named entities and phrases, claims coded from the default codebook, and the ~200
// queries of the kinds analysts type. Seeded, so two runs build the same notebook.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestOf } from '../../shared/api';
import type { Article, Block, Claim, Codebook } from '../../shared/model';
import { NOTEBOOK_SCHEMA_VERSION } from '../../shared/model';
import { STOP_WORDS } from '../../electron/core/search/stop-words';
import type { LibraryDoc, ShardDoc } from '../../electron/core/store/documents';
import { FILES, abs, shardRel } from '../../electron/core/store/layout';
import { summarize } from '../../electron/core/store/summarize';
import { prng } from './store-bench-data';

/**
 * A synthetic notebook for the search bench. Unlike the store bench's texts (a few hundred
 * words), search cost depends on the vocabulary, so words follow a Zipf law over ~40,000 word
 * forms (common English first, then a long tail of made-up words) with named entities, some
 * accented, and multi-word names that phrases can find.
 */
const COMMON = (
  'the of and to in a is that for on said with as by at from was were has have had be been it its this which ' +
  'but not will would could should may also after over more than about into their they he she his her there ' +
  'government minister president talks policy security economic trade tariffs sanctions officials statement ' +
  'foreign ministry spokesman agreement negotiations parliament election campaign opposition leader party ' +
  'analysts experts warned urged rejected supported announced according report week month year military ' +
  'exercises border region island strait sovereignty independence restraint cooperation dialogue pressure ' +
  'crisis growth inflation budget reform energy climate emissions summit allies partners committee council ' +
  'court ruling investigation journalists sources interview television newspaper people country nations ' +
  'international domestic public private sector companies markets prices workers unions protest police ' +
  'capital city province village community families children talks visit delegation envoy treaty ceasefire'
).split(' ');
const ENTITIES = [
  'Taiwan',
  'Beijing',
  'Washington',
  'Moscow',
  'Kyiv',
  'Manila',
  'Hanoi',
  'Tokyo',
  'Seoul',
  'Brussels',
  'Zürich',
  'Genève',
  'São Paulo',
  'Kraków',
  'Bogotá',
  'Erdoğan',
  'Macron',
  'Scholz',
  'Modi',
  'Lula',
  'Wang Yi',
  'Xi Jinping',
  'Jake Sullivan',
  'Antony Blinken',
  'South China Sea',
  'European Union',
  'United Nations',
  'World Trade Organization',
  'Ukraine',
  'Russia',
  'Philippines',
  'Vietnam',
  'Japan',
  'Korea',
  'Germany',
  'France',
  'Brazil',
  'India',
  'Türkiye',
  'Mekong',
];
const SOURCES = ['Reuters', 'AP', 'Xinhua', 'Le Monde', 'Rappler', 'Nikkei', 'Folha', 'Der Spiegel', 'BBC', 'Al Jazeera'];
const COLLECTIONS = ['asia', 'europe', 'trade', 'security', 'climate', 'elections'];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sta',
  'vor',
  'qui',
  'bel',
  'tan',
  'dro',
  'phe',
  'nus',
  'gar',
  'lix',
  'mon',
  'tre',
  'sol',
  'vin',
  'har',
  'ek',
];

/** ~40,000 word forms, most common first, with a cumulative Zipf weight table to draw from. */
function vocabulary(random: () => number): { words: string[]; cumulative: Float64Array } {
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < 40_000) {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, 1.05);
  return { words, cumulative };
}

/** Builds sentences and articles from one seeded random source, so runs are comparable. */
class ProseMaker {
  readonly random: () => number;
  private readonly vocab: { words: string[]; cumulative: Float64Array };

  constructor(seed: number) {
    this.random = prng(seed);
    this.vocab = vocabulary(this.random);
  }

  word(): string {
    const { words, cumulative } = this.vocab;
    const target = this.random() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  sentence(): string {
    const length = 8 + Math.floor(this.random() * 18);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(this.random() < 0.06 ? this.pick(ENTITIES) : this.word());
    if (this.random() < 0.2) words.splice(1 + Math.floor(this.random() * (words.length - 1)), 0, `"${this.word()} ${this.word()}",`);
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  }
}

function syntheticArticle(maker: ProseMaker, id: string, bytes: number): Article {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = Array.from({ length: 3 + Math.floor(maker.random() * 4) }, () => maker.sentence()).join(' ');
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
  const stamp = new Date(Date.UTC(2020, 0, 1) + Math.floor(maker.random() * 1.6e11)).toISOString();
  return {
    id,
    title: maker.sentence().slice(0, 90),
    source: maker.pick(SOURCES),
    author: null,
    publishedAt: stamp.slice(0, 10),
    url: null,
    language: 'en',
    standfirst: maker.sentence(),
    importedFrom: { kind: 'sample', name: null },
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
    blocks,
    rev: 1,
    revisions: [],
    tags: [],
    collections: [maker.pick(COLLECTIONS)],
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function syntheticClaim(maker: ProseMaker, codebook: Codebook, article: Article, id: string): Claim {
  const start = Math.floor(maker.random() * (article.text.length - 200));
  const end = start + 40 + Math.floor(maker.random() * 120);
  const issue = maker.pick(codebook.issues);
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
    actorIds: [maker.pick(codebook.actors).id],
    issueId: issue.id,
    proposition: issue.propositions[0] ?? '',
    stanceId: maker.pick(codebook.stances).id,
    speaker: maker.random() < 0.4 ? maker.pick(ENTITIES) : null,
    tags: [],
    note: maker.random() < 0.5 ? maker.sentence() : '',
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

/**
 * Writes shards and library.json straight into a notebook folder that openNotebook created
 * (plain writes, as the store bench does: building the notebook is not what is measured).
 */
export async function fillSearchNotebook(
  dir: string,
  codebook: Codebook,
  articleCount: number,
  claimsPerArticle: number,
  seed = 7,
  /** Each article's size in bytes of text (by its index): ~1,000 words unless a bench asks for others. */
  articleBytes: (index: number) => number = () => 6000,
): Promise<void> {
  const maker = new ProseMaker(seed);
  const library: LibraryDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, journalSeq: 0, articles: [], revs: {} };
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (let i = 0; i < articleCount; i++) {
    const article = syntheticArticle(maker, `art-${i}`, articleBytes(i));
    const claims = Array.from({ length: claimsPerArticle }, (_, j) => syntheticClaim(maker, codebook, article, `clm-${i}-${j}`));
    const shard: ShardDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 1, article, claims };
    await writeFile(abs(dir, shardRel(article.id)), JSON.stringify(shard));
    library.articles.push(summarize(article, claims.length));
    library.revs[article.id] = 1;
  }
  await writeFile(abs(dir, FILES.library), JSON.stringify(library));
  await writeFile(abs(dir, FILES.journal), '');
}

/** ~200 queries of the kinds analysts type: words, prefixes, phrases, each with or without filters. */
export function benchQueries(codebook: Codebook): RequestOf<'search'>[] {
  const maker = new ProseMaker(99);
  const midWord = (): string => {
    for (;;) {
      const w = maker.word();
      if (w.length > 4 && !STOP_WORDS.has(w)) return w;
    }
  };
  const queries: RequestOf<'search'>[] = [];
  for (let i = 0; i < 40; i++) queries.push({ query: `${midWord()} ` });
  for (let i = 0; i < 30; i++) queries.push({ query: `${midWord()} ${midWord()} ` });
  for (let i = 0; i < 15; i++) queries.push({ query: `${maker.pick(ENTITIES)} ${midWord()} ${midWord()} ` });
  for (let i = 0; i < 25; i++) queries.push({ query: `${midWord().slice(0, 3 + (i % 3))}*` });
  for (let i = 0; i < 20; i++) queries.push({ query: `${maker.pick(ENTITIES)} ${midWord().slice(0, 4)}` });
  for (let i = 0; i < 20; i++)
    queries.push({
      query: `"${maker.pick(['south china sea', 'wang yi', 'xi jinping', 'foreign ministry', 'united nations', 'world trade organization', 'jake sullivan', 'são paulo'])}"`,
    });
  // Phrases cut from fresh prose: mostly found nowhere, which is the costly case (every candidate checked).
  for (let i = 0; i < 10; i++) queries.push({ query: `"${midWord()} ${maker.word()} ${midWord()}"` });
  const filters = [
    () => ({ publishedFrom: '2022-01-01', publishedTo: '2022-12-31' }),
    () => ({ actorId: maker.pick(codebook.actors).id }),
    () => ({ stanceId: maker.pick(codebook.stances).id, kinds: ['claim' as const] }),
    () => ({ issueId: maker.pick(codebook.issues).id }),
    () => ({ source: maker.pick(SOURCES) }),
    () => ({ collection: maker.pick(COLLECTIONS), kinds: ['article' as const] }),
  ];
  for (let i = 0; i < 40; i++) queries.push({ query: i % 2 ? `${maker.pick(ENTITIES)} ` : `${midWord()} `, filters: filters[i % filters.length]!() });
  return queries;
}
