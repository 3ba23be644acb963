/**
 * API methods of the briefs area. Spread into the contract in contract.ts; the handlers live
 * in electron/core/briefs/handlers.ts.
 */
export const briefsMethods = {} as const;
