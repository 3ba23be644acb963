import type { RequestOf, ResponseOf } from '../../../../shared/api';
import { searchServiceOf } from '../../../../electron/core/search/handlers';
import type { SearchService } from '../../../../electron/core/search/search-service';
import type { TempNotebook } from '../../helpers/temp-notebook';

/** The search service behind a temp notebook's core. */
export function serviceOf(nb: TempNotebook): SearchService {
  const service = searchServiceOf(nb.core.context);
  if (!service) throw new Error('the core has no search service');
  return service;
}

/** Searches once the index is complete and current, so results never depend on timing. */
export async function search(nb: TempNotebook, request: RequestOf<'search'>): Promise<ResponseOf<'search'>> {
  await serviceOf(nb).whenCurrent();
  const response = await nb.core.handlers.search({ limit: 20, offset: 0, ...request });
  if (response.indexing) throw new Error('the index was still being built after whenCurrent');
  return response;
}

/** Adds an article from plain text and returns its id. */
export async function addArticle(nb: TempNotebook, text: string, title?: string): Promise<string> {
  const result = await nb.core.handlers.importText(title ? { text, title } : { text });
  return result.articleId;
}

/** The highlighted words of every snippet of a hit, as text. */
export function highlighted(hit: ResponseOf<'search'>['hits'][number]): string[] {
  return hit.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b)));
}
