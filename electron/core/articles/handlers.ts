import type { ApiHandlers } from '../../../shared/api';
import type { libraryMethods } from '../../../shared/api/contract-library';
import type { CoreContext } from '../context';
import { deleteCollection, listArticleTags, listCollections, renameCollection, setArticleLabels } from './article-labels';
import { importCsvFile, previewCsvFile } from './csv-import';
import { importFileAsRevision } from './import-revision';
import { queryLibrary } from './library-query';
import { warmLibraryRows } from './library-rows';

/** The library list's query when the app opens (renderer/src/features/library/use-library-query.ts's default view). */
const FIRST_QUERY = { sort: 'added', direction: 'desc', filters: {}, offset: 0, limit: 1 } as const;

/** Handlers for the methods in shared/api/contract-library.ts. */
export function createLibraryHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof libraryMethods> {
  // The library's first query should not fold 10,000 titles in one go: fold them now, in slices,
  // then answer the app's first query (newest added first, no filter) so its first page is a slice.
  // (A library changed meanwhile is answered anew by the query that asks; nothing is wrong, only slower.)
  const warmed = warmLibraryRows(context.store.listArticles()).catch(() => undefined);
  void warmed.then(() => queryLibrary(context, FIRST_QUERY)).catch(() => undefined);
  return {
    previewCsv: ({ name, dataBase64 }) => previewCsvFile(name, dataBase64),
    importCsv: ({ name, dataBase64, mapping }) => importCsvFile(context, name, dataBase64, mapping),
    importFileAsRevision: ({ articleId, name, dataBase64 }) => importFileAsRevision(context, articleId, name, dataBase64),
    setArticleTags: ({ articleId, tags }) => setArticleLabels(context, articleId, 'tags', tags),
    setArticleCollections: ({ articleId, collections }) => setArticleLabels(context, articleId, 'collections', collections),
    listCollections: async () => listCollections(context),
    renameCollection: ({ from, to }) => renameCollection(context, from, to),
    deleteCollection: ({ name }) => deleteCollection(context, name),
    listArticleTags: async () => listArticleTags(context),
    // A query that comes before the rows are folded (the browser mode's page asks as the notebook
    // opens, decision 0026) waits for the slices rather than folding 10,000 titles in one go.
    queryLibrary: async (query) => {
      await warmed;
      return queryLibrary(context, query);
    },
    getArticleSummary: async ({ id }) => context.store.getArticleSummary(id),
  };
}
