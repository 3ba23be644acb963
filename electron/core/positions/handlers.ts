import type { ApiHandlers } from '../../../shared/api';
import type { positionsMethods } from '../../../shared/api/contract-positions';
import type { CoreContext } from '../context';
import { getPositionClaims, getPositions } from './positions';
import { renderPositionsCsv } from './positions-csv';

/** Handlers for the methods in shared/api/contract-positions.ts. */
export function createPositionsHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof positionsMethods> {
  return {
    getPositions: (filter) => getPositions(context, filter),
    getPositionClaims: (request) => getPositionClaims(context, request),
    exportPositions: async (filter) => ({
      filename: 'positions.csv',
      mimeType: 'text/csv; charset=utf-8',
      content: renderPositionsCsv(await getPositions(context, filter), context.store.getCodebook()),
      encoding: 'utf8',
    }),
  };
}
