import type { ApiHandlers } from '../../../shared/api';
import type { registryMethods } from '../../../shared/api/contract-registry';
import type { CoreContext } from '../context';
import { renderRegistryCsv } from './registry-csv';
import { importRegistry } from './registry-import';

/** Handlers for the methods in shared/api/contract-registry.ts. */
export function createRegistryHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof registryMethods> {
  return {
    exportRegistry: async () => ({
      filename: 'actor-registry.csv',
      mimeType: 'text/csv; charset=utf-8',
      content: renderRegistryCsv(context.store.getCodebook()),
      encoding: 'utf8' as const,
    }),
    importRegistry: (request) => importRegistry(context, request),
  };
}
