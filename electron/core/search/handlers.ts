import type { ApiHandlers } from '../../../shared/api';
import type { searchMethods } from '../../../shared/api/contract-search';
import type { CoreContext } from '../context';

/** Handlers for the methods in shared/api/contract-search.ts. */
export function createSearchHandlers(_context: CoreContext): Pick<ApiHandlers, keyof typeof searchMethods> {
  return {};
}
