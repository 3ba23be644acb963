import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ResolvedCitation } from '../../../../shared/api/contract-briefs';
import { api } from '../../api/client';
import { citationLoader } from './citation-loader';

/** Query keys of the briefs feature. Citations sit under their own root so a list refresh leaves them be. */
export const briefKeys = {
  list: ['briefs'] as const,
  citations: ['citation'] as const,
  citation: (claimId: string) => ['citation', claimId] as const,
};

export function useBriefList() {
  return useQuery({ queryKey: briefKeys.list, queryFn: () => api.listBriefs({}) });
}

/**
 * One cited claim as it is now. Each citation node asks for its own claim; the loader batches
 * the asks, and `useLiveCitations` refetches them whenever the core reports a change to claims.
 */
export function useCitation(claimId: string, articleId: string | null) {
  return useQuery({
    queryKey: briefKeys.citation(claimId),
    queryFn: () => citationLoader.load(articleId ? { claimId, articleId } : { claimId }),
    enabled: !!claimId,
  });
}

/** Puts answers the core already gave (with a brief, from the picker) into the cache, saving a round trip. */
export function seedCitations(client: QueryClient, citations: ResolvedCitation[]): void {
  for (const citation of citations) client.setQueryData(briefKeys.citation(citation.claimId), citation);
}

/**
 * Keeps brief views live: a change to claims, the codebook or articles (from the reader, the
 * command line, another window) refetches every shown citation; a change to briefs refreshes
 * the list. The app shell's own listener refreshes its queries; this one covers ours.
 */
export function useLiveCitations(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      api.onChanged((event) => {
        if (event.scope === 'briefs') void client.invalidateQueries({ queryKey: briefKeys.list });
        else void client.invalidateQueries({ queryKey: briefKeys.citations });
      }),
    [client],
  );
}
