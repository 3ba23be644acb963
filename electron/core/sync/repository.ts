import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { UserError } from '../../../shared/api';
import { RemoteUrlSchema } from '../../../shared/api/contract-sync';
import { writeFileAtomic } from '../store/fs-durable';

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
  '# Written by Stancebook: only the notebook\'s durable state is shared.',
  '/library.json',
  '/library.journal',
  '/.lock*',
  '/.restoring',
  '/.partial-*',
  '/backups/',
  '/quarantine/',
  '/trash/',
  '/claims-digest.json*',
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

function isTracked(filepath: string): boolean {
  return (TRACKED_TOP as readonly string[]).includes(filepath) || (filepath.startsWith('articles/') && filepath.endsWith('.json') && !filepath.includes('.tmp-'));
}

/**
 * Commits the durable state as it is on disk (the store settled first by the caller). Answers
 * the head and whether a commit was made (false: nothing changed since the last one).
 */
export async function commitLocal(dir: string, author: CommitAuthor & { timestamp: number }, message: string, cache: object): Promise<{ oid: string; committed: boolean }> {
  const matrix = await git.statusMatrix({ fs, dir, cache, filter: isTracked });
  const toAdd: string[] = [];
  const toRemove: string[] = [];
  let changed = false;
  // statusMatrix rows: head 0/1 (absent/present), workdir 0/1/2 (absent/same as head/different),
  // stage 0/1/2/3 (absent/same as head/same as workdir/different from both).
  for (const [filepath, head, workdir, stage] of matrix) {
    if (!(head === 1 && workdir === 1) && !(head === 0 && workdir === 0)) changed = true;
    if (workdir === 0) {
      if (stage !== 0) toRemove.push(filepath);
    } else if (workdir === 2 ? stage !== 2 : stage !== 1) toAdd.push(filepath);
  }
  if (toAdd.length > 0) await git.add({ fs, dir, filepath: toAdd, cache });
  for (const filepath of toRemove) await git.remove({ fs, dir, filepath, cache });
  const head = await headOid(dir);
  if (head && !changed) return { oid: head, committed: false };
  const oid = await git.commit({ fs, dir, message, author, cache });
  return { oid, committed: true };
}
