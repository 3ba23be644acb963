import { requireArticle } from './articles';
import { reviseArticleText, type RevisionResult } from './revise-article';
import type { CoreContext } from '../context';
import { importFileIsolated } from '../import/host';
import { fileBytes, importing } from './file-data';

/**
 * Imports a file as a new revision of an article the notebook already holds: the answer to
 * "this is a duplicate (or a newer version) of an article you have". The file is read by the
 * same importers as any import; its text then goes through the annotate area's
 * reviseArticleText, so the old text is kept as a revision, every claim is placed again, and
 * the change is one undo step. The article keeps its own title, date and source: the analyst
 * may have corrected them, and a newer version of the file should not undo that.
 *
 * @throws UserError 'not-found' for an unknown article (checked before the file is read),
 *   'import-failed' for a file the importers refuse, 'invalid-request' for data that is not base64.
 */
export async function importFileAsRevision(ctx: CoreContext, articleId: string, name: string, dataBase64: string): Promise<RevisionResult> {
  await requireArticle(ctx, articleId);
  const bytes = fileBytes(name, dataBase64);
  const doc = await importing(() => importFileIsolated({ name, bytes }));
  return reviseArticleText(ctx, articleId, doc.text);
}
