import type { ApiHandlers } from '../../../shared/api';
import type { searchMethods } from '../../../shared/api/contract-search';
import type { CoreContext } from '../context';
import { SearchService } from './search-service';
import { withoutBlindHits } from '../coders/blind-coding';

/** The search service of each core, so close() and tests can reach it without new core fields. */
const services = new WeakMap<CoreContext, SearchService>();

/** The search service of a core, if its handlers were created. */
export function searchServiceOf(context: CoreContext): SearchService | undefined {
  return services.get(context);
}

/**
 * Stops following changes, ends a build in progress and closes the index database. The core's
 * close() awaits this before closing the store. The database is current up to the last change
 * applied; a process that stops without this is caught up by stamps at the next open.
 */
export async function closeSearch(context: CoreContext): Promise<void> {
  await services.get(context)?.close();
}

/** Handlers for the methods in shared/api/contract-search.ts. */
export function createSearchHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof searchMethods> {
  const service = new SearchService(context);
  services.set(context, service);
  return {
    // During blind double coding a coder's search leaves out others' claims there (coders/).
    search: async (request) => withoutBlindHits(context, await service.search(request)),
    rebuildSearchIndex: async () => {
      const started = performance.now();
      const counts = await service.rebuild();
      return { ...counts, tookMs: Math.round(performance.now() - started) };
    },
  };
}
