import type { ApiHandlers } from '../../../shared/api';
import type { libraryMethods } from '../../../shared/api/contract-library';
import type { CoreContext } from '../context';
import { deleteCollection, listArticleTags, listCollections, renameCollection, setArticleLabels } from './article-labels';
import { importCsvFile, previewCsvFile } from './csv-import';
import { importFileAsRevision } from './import-revision';
import { queryLibrary } from './library-query';
import { warmLibraryRows } from './library-rows';

/** Handlers for the methods in shared/api/contract-library.ts. */
export function createLibraryHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof libraryMethods> {
  // The library's first query should not fold 10,000 titles in one go: fold them now, in slices.
  void warmLibraryRows(context.store.listArticles()).catch(() => undefined);
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
    queryLibrary: async (query) => queryLibrary(context, query),
    getArticleSummary: async ({ id }) => context.store.getSummary(id),
  };
}
