import fs from 'node:fs';
import git from 'isomorphic-git';
import { UserError } from '../../../shared/api';
import type { Codebook } from '../../../shared/model';
import { restoreDocument } from '../store/restore';
import { idFromShardName, shardRel } from '../store/layout';
import { parseConflicts, serializeConflicts } from './conflicts-file';
import type { ArticleRecord, MergeOutput, MergeSide } from './merge-records';
import { CONFLICTS_FILE, committedShard } from './repository';

/**
 * Reading the three sides of a merge out of Git commits, and writing the merged state as a
 * commit, without touching the notebook folder (so a failed push leaves it as it was).
 * Only the article shards whose blobs differ among the sides are read: a sync where 20 of
 * 10,000 articles changed reads 20 shards per side.
 */

interface Snapshot {
  root: Map<string, string>;
  articles: Map<string, string>;
  author: string | null;
}

const EMPTY_CODEBOOK: Codebook = { actors: [], issues: [], stances: [], tags: [] };

async function snapshot(dir: string, oid: string | null, cache: object): Promise<Snapshot> {
  if (!oid) return { root: new Map(), articles: new Map(), author: null };
  const commit = await git.readCommit({ fs, dir, oid, cache });
  const tree = await git.readTree({ fs, dir, oid: commit.commit.tree, cache });
  const root = new Map(tree.tree.map((e) => [e.path, e.oid]));
  const articles = new Map<string, string>();
  const articlesTree = root.get('articles');
  if (articlesTree) {
    for (const e of (await git.readTree({ fs, dir, oid: articlesTree, cache })).tree) {
      const id = idFromShardName(e.path);
      if (id !== null && e.type === 'blob') articles.set(id, e.oid);
    }
  }
  return { root, articles, author: commit.commit.author.name };
}

async function readText(dir: string, oid: string, cache: object): Promise<string> {
  const { blob } = await git.readBlob({ fs, dir, oid, cache });
  return Buffer.from(blob).toString('utf8');
}

function refuse(file: string, commit: string, error: unknown): never {
  const why = error instanceof Error ? error.message : String(error);
  throw new UserError(
    'conflict',
    `The shared notebook holds a file Stancebook cannot read (${file} in commit ${commit.slice(0, 8)}: ${why}). ` +
      'Nothing here was changed. Update Stancebook if a teammate uses a newer version, or repair that commit in the repository.',
  );
}

export interface Sides {
  base: MergeSide;
  ours: MergeSide;
  theirs: MergeSide;
  articleIds: string[];
  oursShardRevs: Map<string, number>;
  oursRoot: Map<string, string>;
  oursArticles: Map<string, string>;
}

/** Reads base (may be null: unrelated histories), ours and theirs for a merge. */
export async function readSides(dir: string, oids: { base: string | null; ours: string; theirs: string }, cache: object): Promise<Sides> {
  const [b, o, t] = await Promise.all([snapshot(dir, oids.base, cache), snapshot(dir, oids.ours, cache), snapshot(dir, oids.theirs, cache)]);
  const ids = new Set<string>();
  for (const snap of [b, o, t]) {
    for (const [id, blob] of snap.articles) {
      if (b.articles.get(id) !== blob || o.articles.get(id) !== blob || t.articles.get(id) !== blob) ids.add(id);
    }
  }
  const articleIds = [...ids].sort();
  const oursShardRevs = new Map<string, number>();
  const side = async (snap: Snapshot, commit: string | null, keepRevs: boolean): Promise<MergeSide> => {
    const read = async <T>(file: string, parse: (text: string) => T, fallback: T): Promise<T> => {
      const blob = snap.root.get(file);
      if (!blob) return fallback;
      try {
        return parse(await readText(dir, blob, cache));
      } catch (error) {
        refuse(file, commit ?? '', error);
      }
    };
    const codebook = await read('codebook.json', (text) => restoreDocument('codebook', text).codebook, EMPTY_CODEBOOK);
    const briefs = await read('briefs.json', (text) => restoreDocument('briefs', text).briefs, []);
    const conflicts = await read(CONFLICTS_FILE, parseConflicts, []);
    const articles = new Map<string, ArticleRecord>();
    for (const id of articleIds) {
      const blob = snap.articles.get(id);
      if (!blob) continue;
      let doc;
      try {
        doc = restoreDocument('shard', await readText(dir, blob, cache));
      } catch (error) {
        refuse(shardRel(id), commit ?? '', error);
      }
      articles.set(id, { article: doc.article, claims: doc.claims });
      if (keepRevs) oursShardRevs.set(id, doc.rev);
    }
    return { codebook, briefs, articles, conflicts, author: snap.author };
  };
  return {
    base: await side(b, oids.base, false),
    ours: await side(o, oids.ours, true),
    theirs: await side(t, oids.theirs, false),
    articleIds,
    oursShardRevs,
    oursRoot: o.root,
    oursArticles: o.articles,
  };
}

function shardName(id: string): string {
  return shardRel(id).slice('articles/'.length);
}

async function blobOf(dir: string, text: string): Promise<string> {
  return git.writeBlob({ fs, dir, blob: new TextEncoder().encode(text) });
}

/**
 * Writes the merged state as a commit with parents [ours, theirs]; the branch is not moved and
 * the notebook folder is not touched. Shards are written in the store's format.
 */
export async function writeMergeCommit(
  dir: string,
  sides: Sides,
  merged: MergeOutput,
  schemaVersion: number,
  commit: { ours: string; theirs: string; message: string; author: { name: string; email: string; timestamp: number } },
  cache: object,
): Promise<string> {
  const articles = new Map(sides.oursArticles);
  for (const id of sides.articleIds) {
    const rec = merged.articles.get(id);
    if (!rec) {
      articles.delete(id);
      continue;
    }
    // Committed with rev 0 (see committedBytes): the store's own counter stays out of the repository.
    // In the committed form (committedShard): the shard the store writes on apply commits as this very blob.
    articles.set(id, await blobOf(dir, committedShard({ schemaVersion, article: rec.article, claims: rec.claims })));
  }
  const articlesTree = await git.writeTree({
    fs,
    dir,
    tree: [...articles]
      .map(([id, oid]) => ({ mode: '100644', path: shardName(id), oid, type: 'blob' as const }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
  });
  const root = new Map(sides.oursRoot);
  root.set('codebook.json', await blobOf(dir, JSON.stringify({ schemaVersion, codebook: merged.codebook }, null, 2) + '\n'));
  root.set('briefs.json', await blobOf(dir, JSON.stringify({ schemaVersion, briefs: merged.briefs }, null, 2) + '\n'));
  if (merged.conflicts.length > 0 || root.has(CONFLICTS_FILE)) root.set(CONFLICTS_FILE, await blobOf(dir, serializeConflicts(merged.conflicts)));
  root.delete('articles');
  const entries = [...root].map(([p, oid]) => ({ mode: '100644', path: p, oid, type: 'blob' as const }));
  const tree = await git.writeTree({
    fs,
    dir,
    tree: [...entries, ...(articles.size > 0 ? [{ mode: '040000', path: 'articles', oid: articlesTree, type: 'tree' as const }] : [])],
  });
  return git.commit({
    fs,
    dir,
    message: commit.message,
    author: commit.author,
    tree,
    parent: [commit.ours, commit.theirs],
    noUpdateBranch: true,
    cache,
  });
}
