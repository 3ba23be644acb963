import type { CitationRef, ResolvedCitation } from '../../../../shared/api/contract-briefs';
import { api } from '../../api/client';

interface Waiting {
  ref: CitationRef;
  resolve(value: ResolvedCitation): void;
  reject(error: unknown): void;
}

/**
 * Collects the citation look-ups made in one tick into a single resolveCitations call: a brief
 * with fifty citations mounts fifty node views, each asking for its own claim through the query
 * cache, and the core answers them all at once.
 */
function createCitationLoader() {
  let waiting: Waiting[] = [];

  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      const answers = await api.resolveCitations({ citations: batch.map((w) => w.ref) });
      const byId = new Map(answers.map((a) => [a.claimId, a]));
      for (const w of batch) {
        const answer = byId.get(w.ref.claimId);
        if (answer) w.resolve(answer);
        else w.reject(new Error('Stancebook did not answer for this citation.'));
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  return {
    load(ref: CitationRef): Promise<ResolvedCitation> {
      return new Promise((resolve, reject) => {
        if (waiting.length === 0) setTimeout(() => void flush(), 0);
        waiting.push({ ref, resolve, reject });
      });
    },
  };
}

export const citationLoader = createCitationLoader();
