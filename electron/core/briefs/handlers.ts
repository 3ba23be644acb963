import type { ApiHandlers } from '../../../shared/api';
import type { briefsMethods } from '../../../shared/api/contract-briefs';
import type { CoreContext } from '../context';

/** Handlers for the methods in shared/api/contract-briefs.ts. */
export function createBriefsHandlers(_context: CoreContext): Pick<ApiHandlers, keyof typeof briefsMethods> {
  return {};
}
