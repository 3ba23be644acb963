import type { ApiHandlers } from '../../../shared/api';
import type { networksMethods } from '../../../shared/api/contract-networks';
import type { CoreContext } from '../context';
import { exportNetwork, getNetwork, getNetworkEdgeClaims, getNetworkWindows } from './network-service';

/** Handlers for the methods in shared/api/contract-networks.ts. */
export function createNetworksHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof networksMethods> {
  return {
    getNetwork: (request) => getNetwork(context, request),
    getNetworkWindows: (request) => getNetworkWindows(context, request),
    getNetworkEdgeClaims: (request) => getNetworkEdgeClaims(context, request),
    exportNetwork: (request) => exportNetwork(context, request),
  };
}
