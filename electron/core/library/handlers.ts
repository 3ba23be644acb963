import type { ApiHandlers } from '../../../shared/api';
import type { libraryMethods } from '../../../shared/api/contract-library';
import type { CoreContext } from '../context';

/** Handlers for the methods in shared/api/contract-library.ts. */
export function createLibraryHandlers(_context: CoreContext): Pick<ApiHandlers, keyof typeof libraryMethods> {
  return {};
}
