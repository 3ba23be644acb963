import type { NotebookStore } from '../store/types';
import type { SearchIndex } from './search-index';

/** Articles read from disk at once while building: enough to overlap reads with indexing. */
const READ_BATCH = 16;
/** Longest stretch of indexing between yields to the event loop, in milliseconds. */
const SLICE_MS = 12;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Re-reads one article with its claims into the index, or drops it when it is gone. */
export async function reindexArticle(store: NotebookStore, index: SearchIndex, articleId: string): Promise<void> {
  const article = await store.getArticle(articleId);
  if (!article) {
    index.removeArticle(articleId);
    return;
  }
  const claims = await store.getClaims(articleId);
  index.putArticle(article, claims);
}

/**
 * Builds a complete index from the store without holding the event loop: articles are read in
 * small parallel batches and indexing yields every few milliseconds, so the app (and searches
 * over the part built so far) stay responsive while 10,000 articles are indexed. `index` is
 * filled in place so the caller may search it while it grows; `onProgress` reports articles done.
 */
export async function buildIndex(
  store: NotebookStore,
  index: SearchIndex,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<void> {
  const ids = store.listArticles().map((a) => a.id);
  onProgress(0, ids.length);
  let sliceStart = performance.now();
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    if (isCancelled()) return;
    const batch = ids.slice(i, i + READ_BATCH);
    const read = await Promise.all(batch.map(async (id) => ({ id, article: await store.getArticle(id), claims: await store.getClaims(id) })));
    for (const { id, article, claims } of read) {
      if (article) index.putArticle(article, claims);
      else index.removeArticle(id);
    }
    onProgress(Math.min(i + READ_BATCH, ids.length), ids.length);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  index.putBriefs(store.listBriefs());
}
