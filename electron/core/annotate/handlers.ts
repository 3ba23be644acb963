import type { ApiHandlers } from '../../../shared/api';
import type { annotateMethods } from '../../../shared/api/contract-annotate';
import type { CoreContext } from '../context';

/** Handlers for the methods in shared/api/contract-annotate.ts. */
export function createAnnotateHandlers(_context: CoreContext): Pick<ApiHandlers, keyof typeof annotateMethods> {
  return {};
}
