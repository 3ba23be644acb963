import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Article, Block, Claim, Codebook } from '../../../shared/model';
import type { BriefsDoc, CodebookDoc, LibraryDoc, ShardDoc } from './documents';
import { DocumentProblem } from './errors';
import { ensureDirDurable, readTextIfExists, writeFileAtomic } from './fs-durable';
import { DIRS, FILES, abs, shardRel } from './layout';
import { parseJson } from './parse-json';
import { summarize } from './summarize';

/**
 * Schema 0: the pre-release layout. One lowdb file, notebook.json, held everything:
 * `{ name, created, articles: [{ id, title, source, author, date, url, body, hash, tags, importedAt }],
 *    claims: [{ id, article, quote, prefix, suffix, start, end, actor, issue, stance, note, tags, created, updated }],
 *    codebook: { actors: [{ id, name, aliases, colour }], issues: [{ id, name, parent }], stances: [{ id, label, value, colour }], tags } }`
 * with no format marker, no schema version, no briefs, a single actor per claim and British
 * "colour". See test/fixtures/store/v0/.
 */
const V0Schema = z.object({
  name: z.string().default('Notebook'),
  created: z.string().default('1970-01-01T00:00:00.000Z'),
  articles: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      source: z.string().nullable().default(null),
      author: z.string().nullable().default(null),
      date: z.string().nullable().default(null),
      url: z.string().nullable().default(null),
      body: z.string(),
      hash: z.string().optional(),
      tags: z.array(z.string()).default([]),
      importedAt: z.string().default('1970-01-01T00:00:00.000Z'),
    }),
  ),
  claims: z
    .array(
      z.object({
        id: z.string().min(1),
        article: z.string().min(1),
        quote: z.string().min(1),
        prefix: z.string().default(''),
        suffix: z.string().default(''),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        actor: z.string().nullable().default(null),
        issue: z.string().nullable().default(null),
        stance: z.string().nullable().default(null),
        note: z.string().default(''),
        tags: z.array(z.string()).default([]),
        created: z.string(),
        updated: z.string().optional(),
      }),
    )
    .default([]),
  codebook: z
    .object({
      actors: z
        .array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()).default([]), colour: z.string().nullable().default(null) }))
        .default([]),
      issues: z.array(z.object({ id: z.string(), name: z.string(), parent: z.string().nullable().default(null) })).default([]),
      stances: z.array(z.object({ id: z.string(), label: z.string(), value: z.number().int(), colour: z.string() })).default([]),
      tags: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string().nullable().default(null) })).default([]),
    })
    .default({ actors: [], issues: [], stances: [], tags: [] }),
});
type V0 = z.infer<typeof V0Schema>;

/**
 * Rewrites a schema-0 folder into the sharded schema-1 layout. notebook.json is written last:
 * until then the folder still reads as schema 0, so a crash midway simply reruns the migration.
 * The caller has backed the folder up first.
 */
export async function migrateV0Layout(dir: string): Promise<void> {
  const parsed = V0Schema.safeParse(parseJson((await readTextIfExists(abs(dir, FILES.meta))) ?? ''));
  if (!parsed.success)
    throw new DocumentProblem(`is a pre-release notebook that cannot be migrated (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  const v0 = parsed.data;
  await ensureDirDurable(abs(dir, DIRS.articles));
  const library: LibraryDoc = { schemaVersion: 1, journalSeq: 0, articles: [], revs: {} };
  for (const old of v0.articles) {
    const article = toArticle(old);
    const claims = v0.claims.filter((c) => c.article === old.id).map((c) => toClaim(c));
    const shard: ShardDoc = { schemaVersion: 1, rev: 1, article, claims };
    await writeFileAtomic(abs(dir, shardRel(article.id)), JSON.stringify(shard));
    library.articles.push(summarize(article, claims.length));
    library.revs[article.id] = 1;
  }
  const codebook: CodebookDoc = { schemaVersion: 1, codebook: toCodebook(v0.codebook) };
  const briefs: BriefsDoc = { schemaVersion: 1, briefs: [] };
  await writeFileAtomic(abs(dir, FILES.codebook), JSON.stringify(codebook, null, 2));
  await writeFileAtomic(abs(dir, FILES.briefs), JSON.stringify(briefs, null, 2));
  await writeFileAtomic(abs(dir, FILES.library), JSON.stringify(library));
  await writeFileAtomic(abs(dir, FILES.journal), '');
  const meta = { format: 'stancebook', schemaVersion: 1, id: randomUUID(), name: v0.name, createdAt: v0.created };
  await writeFileAtomic(abs(dir, FILES.meta), JSON.stringify(meta, null, 2) + '\n');
}

function toArticle(old: V0['articles'][number]): Article {
  return {
    id: old.id,
    title: old.title.slice(0, 1000),
    source: old.source,
    author: old.author,
    publishedAt: old.date && /^\d{4}-\d{2}-\d{2}/.test(old.date) ? old.date.slice(0, 10) : null,
    url: old.url,
    language: null,
    standfirst: null,
    importedFrom: { kind: 'archive', name: 'pre-release notebook' },
    contentHash: old.hash ?? createHash('sha256').update(old.body).digest('hex'),
    text: old.body,
    blocks: paragraphs(old.body),
    rev: 1,
    revisions: [],
    tags: old.tags,
    collections: [],
    createdAt: old.importedAt,
    updatedAt: old.importedAt,
  };
}

/** Schema 0 kept no structure: each line of the body becomes a paragraph. */
function paragraphs(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', start, end: start + line.length });
    start += line.length + 1;
  }
  return blocks;
}

function toClaim(old: V0['claims'][number]): Claim {
  return {
    id: old.id,
    articleId: old.article,
    target: {
      quote: { type: 'TextQuoteSelector', exact: old.quote, prefix: old.prefix, suffix: old.suffix },
      position: { type: 'TextPositionSelector', start: old.start, end: old.end },
    },
    anchor: { status: 'exact' },
    actorIds: old.actor ? [old.actor] : [],
    issueId: old.issue,
    proposition: '',
    stanceId: old.stance,
    speaker: null,
    tags: old.tags,
    note: old.note,
    createdAt: old.created,
    updatedAt: old.updated ?? old.created,
  };
}

function toCodebook(old: V0['codebook']): Codebook {
  const colour = (value: string | null): string | null => (value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : null);
  return {
    actors: old.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, color: colour(a.colour) })),
    issues: old.issues.map((i) => ({ id: i.id, name: i.name, parentId: i.parent, propositions: [] })),
    stances: old.stances.map((s) => ({ id: s.id, label: s.label, value: s.value, color: colour(s.colour) ?? '#888888' })),
    tags: old.tags.map((t) => ({ id: t.id, name: t.name, color: colour(t.colour) })),
  };
}
