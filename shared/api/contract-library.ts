/**
 * API methods of the library area. Spread into the contract in contract.ts; the handlers live
 * in electron/core/library/handlers.ts.
 */
export const libraryMethods = {} as const;
