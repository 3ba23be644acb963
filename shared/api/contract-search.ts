/**
 * API methods of the search area. Spread into the contract in contract.ts; the handlers live
 * in electron/core/search/handlers.ts.
 */
export const searchMethods = {} as const;
