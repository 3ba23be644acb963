import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { UserError } from '../../../shared/api';
import { RemoteUrlSchema } from '../../../shared/api/contract-sync';
import { writeFileAtomic } from '../store/fs-durable';
import { restoreDocument } from '../store/restore';

/**
 * The notebook folder as a Git repository (isomorphic-git: no git binary on the analyst's
 * machine). What is committed is the durable state only; see GITIGNORE.
 */

export const BRANCH = 'main';
export const REMOTE = 'origin';
export const CONFLICTS_FILE = 'conflicts.json';

/**
 * What stays out of the repository: backups, quarantine, the lock, the journal and library index
 * (open rebuilds the index from the shards), the trash (each copy keeps its own), the search
 * index, the claims digest, temp files and caches. The sync itself commits only the durable state
 * (TRACKED_TOP and the article shards, see `isTracked`), whatever later versions add to the folder;
 * this file is for anyone who opens the folder with another Git tool.
 */
export const GITIGNORE = [
  "# Written by Stancebook: only the notebook's durable state is shared.",
  '/library.json',
  '/library.journal',
  '/.lock*',
  '/.restoring',
  '/.partial-*',
  '/backups/',
  '/quarantine/',
  '/trash/',
  '/claims-digest.json*',
  '/network-coalitions.json*',
  '/search-index*',
  '*.sqlite*',
  '*.tmp-*',
  '/.cache/',
  '/settings.local.json',
  '',
].join('\n');

export const TRACKED_TOP = ['.gitignore', 'notebook.json', 'codebook.json', 'briefs.json', CONFLICTS_FILE] as const;

export interface CommitAuthor {
  name: string;
  email: string;
}

export function isRepository(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.git', 'HEAD'));
}

/** Makes the folder a repository on branch main (idempotent), with the .gitignore in place. */
export async function initRepository(dir: string, remote?: string | null): Promise<void> {
  if (!isRepository(dir)) await git.init({ fs, dir, defaultBranch: BRANCH });
  const ignoreFile = path.join(dir, '.gitignore');
  const current = fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8') : null;
  if (current !== GITIGNORE) await writeFileAtomic(ignoreFile, GITIGNORE);
  if (remote !== undefined) await setRemote(dir, remote);
}

/** Validates and sets (or, with null, removes) the remote. Credentials never enter the config. */
export async function setRemote(dir: string, url: string | null): Promise<void> {
  if (url !== null) {
    const parsed = RemoteUrlSchema.safeParse(url);
    if (!parsed.success) throw new UserError('invalid-request', `The remote ${JSON.stringify(url)} was refused: ${parsed.error.issues[0]?.message}.`);
  }
  const remotes = await git.listRemotes({ fs, dir });
  if (remotes.some((r) => r.remote === REMOTE)) await git.deleteRemote({ fs, dir, remote: REMOTE });
  if (url !== null) await git.addRemote({ fs, dir, remote: REMOTE, url });
}

export async function getRemote(dir: string): Promise<string | null> {
  if (!isRepository(dir)) return null;
  const remotes = await git.listRemotes({ fs, dir });
  return remotes.find((r) => r.remote === REMOTE)?.url ?? null;
}

export async function headOid(dir: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir, ref: `refs/heads/${BRANCH}` });
  } catch {
    return null;
  }
}

/**
 * The committed form of an article shard: its records through the store's schema (so the key
 * order is the schema's, whoever wrote the file) and the storage `rev` (the store's replay
 * counter, different in every copy, bumped by every local write) as 0. A shard the store rewrote
 * with the same records therefore has the same blob as the commit it came from, and a merge
 * commit's shards (`writeMergeCommit`) are byte for byte what the receiving copy commits.
 */
export function committedShard(doc: { schemaVersion: number; article: unknown; claims: unknown }): string {
  const canonical = restoreDocument('shard', JSON.stringify({ schemaVersion: doc.schemaVersion, rev: 0, article: doc.article, claims: doc.claims }));
  return JSON.stringify({ schemaVersion: canonical.schemaVersion, rev: 0, article: canonical.article, claims: canonical.claims });
}

/** The committed bytes of a tracked file (shards: `committedShard`; a shard that does not parse as it is). */
export function committedBytes(filepath: string, bytes: Buffer): Buffer {
  if (!filepath.startsWith('articles/')) return bytes;
  try {
    return Buffer.from(committedShard(restoreDocument('shard', bytes.toString('utf8'))), 'utf8');
  } catch {
    return bytes;
  }
}

/** Where the sync remembers each committed file's stat and blob, so an unchanged file is never read. */
const STAT_CACHE = 'stancebook-sync-stats.json';
type StatEntry = [size: number, mtimeMs: number, ino: number, oid: string];

function readStatCache(dir: string): Map<string, StatEntry> {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, '.git', STAT_CACHE), 'utf8')) as Record<string, StatEntry>;
    return new Map(Object.entries(parsed));
  } catch {
    return new Map();
  }
}

async function treeEntries(dir: string, oid: string | undefined, cache: object): Promise<Map<string, string>> {
  if (!oid) return new Map();
  const { tree } = await git.readTree({ fs, dir, oid, cache });
  return new Map(tree.map((e) => [e.path, e.oid]));
}

/**
 * Commits the durable state as it is on disk (the store settled first by the caller). Answers
 * the head and whether a commit was made (false: nothing changed since the last one).
 * Files whose size, mtime and inode match what the last sync recorded are not read; the others
 * are hashed in their committed form (`committedBytes`) and written as blobs only when new.
 * The commit's tree is built directly (Git's index is not used).
 */
export async function commitLocal(
  dir: string,
  author: CommitAuthor & { timestamp: number },
  message: string,
  cache: object,
): Promise<{ oid: string; committed: boolean }> {
  const head = await headOid(dir);
  const headTree = head ? (await git.readCommit({ fs, dir, oid: head, cache })).commit.tree : undefined;
  const headRoot = await treeEntries(dir, headTree, cache);
  const headArticles = await treeEntries(dir, headRoot.get('articles'), cache);
  const stats = readStatCache(dir);
  const nextStats: Record<string, StatEntry> = {};
  const oidOf = async (rel: string, known: string | undefined): Promise<string | null> => {
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(path.join(dir, rel));
    } catch {
      return null;
    }
    if (!st.isFile()) return null;
    const was = stats.get(rel);
    let oid: string;
    if (was && was[0] === st.size && was[1] === st.mtimeMs && was[2] === st.ino) oid = was[3];
    else {
      const bytes = committedBytes(rel, await fs.promises.readFile(path.join(dir, rel)));
      oid = (await git.hashBlob({ object: bytes })).oid;
      if (oid !== known) await git.writeBlob({ fs, dir, blob: bytes });
    }
    nextStats[rel] = [st.size, st.mtimeMs, st.ino, oid];
    return oid;
  };
  const root: { mode: string; path: string; oid: string; type: 'blob' | 'tree' }[] = [];
  for (const name of TRACKED_TOP) {
    // notebook.json is never merged and each copy keeps its own (name, id): once the shared
    // history holds one, a copy's own does not replace it (else every exchange flips it).
    const shared = name === 'notebook.json' ? headRoot.get(name) : undefined;
    const oid = shared ?? (await oidOf(name, headRoot.get(name)));
    if (oid) root.push({ mode: '100644', path: name, oid, type: 'blob' });
  }
  const names = fs.existsSync(path.join(dir, 'articles'))
    ? (await fs.promises.readdir(path.join(dir, 'articles'))).filter((n) => isTracked(`articles/${n}`)).sort()
    : [];
  const articles: typeof root = [];
  for (const name of names) {
    const oid = await oidOf(`articles/${name}`, headArticles.get(name));
    if (oid) articles.push({ mode: '100644', path: name, oid, type: 'blob' });
  }
  if (articles.length > 0) root.push({ mode: '040000', path: 'articles', oid: await git.writeTree({ fs, dir, tree: articles }), type: 'tree' });
  const tree = await git.writeTree({ fs, dir, tree: root });
  await writeFileAtomic(path.join(dir, '.git', STAT_CACHE), JSON.stringify(nextStats));
  if (head && tree === headTree) return { oid: head, committed: false };
  const oid = await git.commit({ fs, dir, message, author, tree, parent: head ? [head] : [], cache });
  return { oid, committed: true };
}

function isTracked(filepath: string): boolean {
  return (
    (TRACKED_TOP as readonly string[]).includes(filepath) ||
    (filepath.startsWith('articles/') && filepath.endsWith('.json') && !filepath.includes('.tmp-'))
  );
}
