import { UserError } from '../../../shared/api/errors';
import type { NotebookStore } from '../store/types';
import type { ArchiveContents, ArchiveCounts } from './archive-format';
import { countsOf } from './archive-format';

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
