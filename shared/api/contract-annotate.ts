/**
 * API methods of the annotate area. Spread into the contract in contract.ts; the handlers live
 * in electron/core/annotate/handlers.ts.
 */
export const annotateMethods = {} as const;
