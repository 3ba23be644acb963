/**
 * Methods for briefs, exports and exchange with other tools (W3C Web Annotation, CSV,
 * REFI-QDA, archives). Spread into the contract in contract.ts.
 */
export const exchangeMethods = {} as const;
