import { useQuery } from '@tanstack/react-query';
import type { Claim } from '../../../../shared/model';
import { api } from '../../api/client';

/** Query keys of the coders feature; a `notebook` change event (setCoder) refreshes every query. */
export const coderKeys = {
  coder: ['coder'] as const,
  coders: ['coders'] as const,
  agreement: ['agreement'] as const,
};

/** This copy's coder, or null when none is set yet. */
export function useCoder() {
  return useQuery({ queryKey: coderKeys.coder, queryFn: () => api.getCoder({}) });
}

/** The names of the coders a list of claims mentions, from their histories (the newest name wins). */
export function coderNamesOf(claims: Claim[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const claim of claims) {
    if (claim.createdBy && !names.has(claim.createdBy)) names.set(claim.createdBy, claim.createdBy);
    for (const entry of claim.history ?? []) if (entry.by && entry.byName) names.set(entry.by, entry.byName);
  }
  return names;
}
