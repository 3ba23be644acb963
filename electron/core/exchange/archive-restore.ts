import { lstat, mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../shared/api/errors';
import { isoNow, type CoreContext } from '../context';
import { openNotebook } from '../store';
import { isErrno } from '../store/fs-durable';
import type { NotebookStore } from '../store/types';
import type { ArchiveContents, ArchiveCounts } from './archive-format';
import { countsOf } from './archive-format';
import { readArchive } from './archive-read';

/**
 * Writes a validated archive into a notebook that holds nothing yet: codebook first (claims
 * point into it), then each article with its claims, then briefs. Ids and timestamps are kept
 * as archived, so restored records are identical to the archived ones. The notebook's own
 * name and id are the new folder's: two restores of one archive are two notebooks.
 *
 * @throws UserError('conflict') if the notebook already holds articles or briefs.
 */
export async function restoreArchiveInto(store: NotebookStore, contents: ArchiveContents): Promise<ArchiveCounts> {
  if (store.listArticles().length > 0 || store.listBriefs().length > 0) {
    throw new UserError('conflict', 'An archive can only be restored into an empty notebook; this one already holds articles or briefs.');
  }
  await store.putCodebook(contents.codebook);
  for (const { article, claims } of contents.articles) {
    await store.putArticle(article);
    if (claims.length) await store.putClaims(article.id, claims);
  }
  for (const brief of contents.briefs) await store.putBrief(brief);
  return countsOf(contents);
}

/** A notebook opened on a folder, as the caller opens it (the app: the store; the command line: the whole core). */
export interface OpenedForRestore {
  store: NotebookStore;
  close(): Promise<void>;
}

/**
 * Restores into a new hidden staging folder in `parent` (`.stancebook-restoring-XXXXXX`) and
 * closes it: the caller renames it into place only on success. A restore that fails part-way
 * (a record the disk refuses, a full disk) removes the staging folder, so no half notebook is
 * ever left where a notebook is expected.
 */
export async function restoreArchiveStaged(
  parent: string,
  contents: ArchiveContents,
  open: (dir: string) => Promise<OpenedForRestore>,
): Promise<{ staging: string; counts: ArchiveCounts }> {
  let staging: string;
  try {
    staging = await mkdtemp(path.join(parent, '.stancebook-restoring-'));
  } catch (error) {
    throw new UserError(
      'internal',
      `Stancebook could not make a folder to restore into in ${parent} (${(error as Error).message}). Restore it with "stancebook restore FILE DIR" into a folder you choose.`,
    );
  }
  try {
    const opened = await open(staging);
    try {
      return { staging, counts: await restoreArchiveInto(opened.store, contents) };
    } finally {
      await opened.close();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Moves a finished staging folder to `target`: an empty folder there is replaced; anything
 * else there is left alone and refused.
 *
 * @throws UserError('conflict') when `target` holds something.
 */
export async function moveRestoredInto(staging: string, target: string): Promise<void> {
  const existing = await lstat(target).catch(() => null);
  if (existing) {
    try {
      await rmdir(target); // only succeeds on an empty folder
    } catch {
      throw new UserError('conflict', `${target} is not an empty folder any more; restore into a new or empty folder so nothing is overwritten.`);
    }
  }
  await rename(staging, target);
}

/** Moves the staging folder to `base`, else `base-2`, `base-3`…: the first name nothing holds. */
async function moveToNewFolder(staging: string, parent: string, base: string): Promise<string> {
  for (let n = 1; n <= 100; n += 1) {
    const dir = path.join(parent, n === 1 ? base : `${base}-${n}`);
    if (await lstat(dir).catch(() => null)) continue;
    try {
      await rename(staging, dir);
      return dir;
    } catch (error) {
      if (isErrno(error, 'EEXIST') || isErrno(error, 'ENOTEMPTY')) continue;
      throw new UserError(
        'internal',
        `Stancebook could not name the restored notebook ${dir} (${(error as Error).message}). Restore it with "stancebook restore FILE DIR" into a folder you choose.`,
      );
    }
  }
  throw new UserError('conflict', `There are already 100 restored copies named ${base} beside this notebook. Move some away and restore again.`);
}

/**
 * Restores an archive as a new notebook in a new folder beside this one, named after this
 * notebook's folder and the day (`notebook-restored-2026-11-29`, then `-2`…), for the app,
 * which cannot ask for a folder. The archive is validated in full before anything is made;
 * this notebook is not touched; the restore runs in a staging folder that is renamed into
 * place only when every record is written, and removed otherwise.
 */
export async function restoreArchiveBeside(ctx: CoreContext, bytes: Uint8Array): Promise<{ dir: string; counts: ArchiveCounts }> {
  // In the app's own process: a 50 MB zip may unpack to at most 1 GB (the command line allows 2 GB).
  const contents = await readArchive(bytes, { maxUnpackedBytes: 1024 ** 3 });
  const here = ctx.store.dir;
  const parent = path.dirname(here);
  const { staging, counts } = await restoreArchiveStaged(parent, contents, async (dir) => {
    const store = await openNotebook(dir, { create: true, name: `${contents.notebook.name} (restored)`, now: ctx.now });
    return { store, close: () => store.close() };
  });
  try {
    const dir = await moveToNewFolder(staging, parent, `${path.basename(here)}-restored-${isoNow(ctx).slice(0, 10)}`);
    return { dir, counts };
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** Makes a folder that did not exist: `base`, else `base-2`, `base-3`…, claimed with a non-recursive mkdir. */
export async function newFolder(parent: string, base: string): Promise<string> {
  for (let n = 1; n <= 100; n += 1) {
    const dir = path.join(parent, n === 1 ? base : `${base}-${n}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if (!isErrno(error, 'EEXIST'))
        throw new UserError(
          'internal',
          `Stancebook could not make a folder for the restored notebook beside this one (${(error as Error).message}). Restore it with "stancebook restore FILE DIR" into a folder you choose.`,
        );
    }
  }
  throw new UserError('conflict', `There are already 100 restored copies named ${base} beside this notebook. Move some away and restore again.`);
}
