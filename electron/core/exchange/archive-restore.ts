import { mkdir, rm } from 'node:fs/promises';
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

/** Makes a folder that did not exist: `base`, else `base-2`, `base-3`…, claimed with a non-recursive mkdir. */
export async function newFolder(parent: string, base: string): Promise<string> {
  for (let n = 1; n <= 100; n += 1) {
    const dir = path.join(parent, n === 1 ? base : `${base}-${n}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw new UserError('internal', `Stancebook could not make a folder for the restored notebook beside this one (${(error as Error).message}). Restore it with "stancebook restore FILE DIR" into a folder you choose.`);
    }
  }
  throw new UserError('conflict', `There are already 100 restored copies named ${base} beside this notebook. Move some away and restore again.`);
}

/**
 * Restores an archive as a new notebook in a new folder beside this one, named after this
 * notebook's folder and the day (`notebook-restored-2026-11-29`, then `-2`…), for the app,
 * which cannot ask for a folder. The archive is validated in full before anything is made;
 * this notebook is not touched; a restore that fails part-way removes the folder it made.
 */
export async function restoreArchiveBeside(ctx: CoreContext, bytes: Uint8Array): Promise<{ dir: string; counts: ArchiveCounts }> {
  // In the app's own process: a 50 MB zip may unpack to at most 1 GB (the command line allows 2 GB).
  const contents = await readArchive(bytes, { maxUnpackedBytes: 1024 ** 3 });
  const here = ctx.store.dir;
  const dir = await newFolder(path.dirname(here), `${path.basename(here)}-restored-${isoNow(ctx).slice(0, 10)}`);
  try {
    const store = await openNotebook(dir, { create: true, name: `${contents.notebook.name} (restored)`, now: ctx.now });
    try {
      return { dir, counts: await restoreArchiveInto(store, contents) };
    } finally {
      await store.close();
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
