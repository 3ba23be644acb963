import { constants } from 'node:fs';
import { readdir, readlink, unlink } from 'node:fs/promises';
import { DIRS, abs } from './layout';
import type { Recovery } from './recovery';
import { isErrno, fsyncDir } from './fs-durable';
import { quarantineFile } from './quarantine';

/**
 * Added to the flags of every file the store opens for writing: a link planted where a store
 * file belongs makes the open fail (ELOOP) instead of writing through it. 0 where the platform
 * has no such flag (Windows, where creating links needs privileges).
 */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The folders whose entries the store names itself, checked entry by entry. */
const STORE_DIRS = [DIRS.articles, DIRS.trash, DIRS.backups] as const;

async function linkTarget(file: string): Promise<string> {
  return readlink(file).catch(() => 'an unreadable target');
}

async function symlinksIn(dir: string): Promise<string[] | null> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isSymbolicLink()).map((entry) => entry.name);
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
    throw error;
  }
}

/**
 * A notebook folder holds no symbolic links: a folder received from someone else could carry a
 * `library.journal` or an `articles/` that points outside it, so that the store's writes land
 * (or truncate) elsewhere. At open, under the lock and before anything is read, every link at
 * the top of the folder and among the entries of articles/, trash/ and backups/ is moved into
 * quarantine/ (the link itself, never its target) with a recovery note naming where it pointed;
 * what the store then misses is recovered as for any missing file. A link named `quarantine`
 * is removed (its target untouched), since links are moved into that folder.
 */
export async function quarantineSymlinks(dir: string, recovery: Recovery, now: () => Date): Promise<void> {
  const top = (await symlinksIn(dir)) ?? [];
  if (top.includes(DIRS.quarantine)) {
    const file = abs(dir, DIRS.quarantine);
    const target = await linkTarget(file);
    await unlink(file);
    await fsyncDir(dir);
    recovery.report.recovered.push({
      file: DIRS.quarantine,
      problem: `${DIRS.quarantine} is a link to ${target}, outside the notebook`,
      quarantinedAs: null,
      outcome: `the link was removed (${target} was not touched); a new ${DIRS.quarantine} folder is used`,
    });
  }
  const links = top.filter((name) => name !== DIRS.quarantine);
  for (const sub of STORE_DIRS) {
    if (links.includes(sub)) continue;
    for (const name of (await symlinksIn(abs(dir, sub))) ?? []) links.push(`${sub}/${name}`);
  }
  for (const rel of links) {
    const target = await linkTarget(abs(dir, rel));
    const quarantinedAs = await quarantineFile(dir, rel, now());
    recovery.report.recovered.push({
      file: rel,
      problem: `${rel} is a link to ${target}; a notebook never follows links out of its folder`,
      quarantinedAs,
      outcome: `the link was moved to ${quarantinedAs ?? DIRS.quarantine} (${target} was not touched or read); what the notebook missed is recovered like any missing file`,
    });
  }
}
