/** Query keys in one place, so change events invalidate exactly what they touch. */
export const keys = {
  info: ['notebook-info'] as const,
  articles: ['articles'] as const,
  article: (id: string) => ['article', id] as const,
  codebook: ['codebook'] as const,
  /** Claims per codebook entry: changes with the claims as well as with the codebook. */
  codebookUsage: ['codebook-usage'] as const,
  /** The positions map and its cells' claims: they change with claims, articles and the codebook. */
  positions: ['positions'] as const,
  /** The library's collections with their sizes (search filters, positions, the collections dialog). */
  collections: ['collections'] as const,
};
