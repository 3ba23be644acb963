import type { ApiHandlers } from '../../../shared/api';
import type { exchangeMethods } from '../../../shared/api/contract-exchange';
import type { CoreContext } from '../context';

/** Handlers for the methods in shared/api/contract-exchange.ts. */
export function createExchangeHandlers(_context: CoreContext): Pick<ApiHandlers, keyof typeof exchangeMethods> {
  return {};
}
