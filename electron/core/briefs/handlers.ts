import type { ApiHandlers } from '../../../shared/api';
import type { briefsMethods, CitationRef } from '../../../shared/api/contract-briefs';
import type { CoreContext } from '../context';
import { createBrief, deleteBrief, getBrief, listBriefs, saveBrief } from './briefs';
import { resolveCitations } from './citations';
import { findClaimsToCite } from './find-claims';
import { generateBrief } from './generate';

/** Handlers for the methods in shared/api/contract-briefs.ts. */
export function createBriefsHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof briefsMethods> {
  return {
    listBriefs: async () => listBriefs(context),
    getBrief: ({ id }) => getBrief(context, id),
    createBrief: ({ title, doc }) => createBrief(context, title, doc),
    saveBrief: ({ id, title, doc }) => saveBrief(context, id, doc, title),
    deleteBrief: async ({ id }) => {
      await deleteBrief(context, id);
      return { ok: true as const };
    },
    resolveCitations: ({ claimIds, citations }) => {
      const refs: CitationRef[] = [...(citations ?? []), ...(claimIds ?? []).map((claimId) => ({ claimId }))];
      // One answer per distinct claim, the first ref (the one with an article id, if any) winning.
      const distinct = new Map<string, CitationRef>();
      for (const ref of refs) if (!distinct.has(ref.claimId)) distinct.set(ref.claimId, ref);
      return resolveCitations(context, [...distinct.values()]);
    },
    findClaimsToCite: ({ query, limit, preferArticleId }) => findClaimsToCite(context, query, limit, preferArticleId),
    generateBrief: (request) => generateBrief(context, request),
  };
}
