import { useSyncExternalStore } from 'react';

/** A claim being placed again by hand: the analyst selects its words in the reader, then confirms. */
export interface Reselecting {
  articleId: string;
  claimId: string;
  /** The quote as it was, to remind the analyst what to look for. */
  exact: string;
}

interface ReviewState {
  /** The article whose orphans review is open, if any. */
  openFor: string | null;
  reselecting: Reselecting | null;
  /** Articles whose "relocated" notice the analyst dismissed this session. */
  dismissed: ReadonlySet<string>;
}

/**
 * The orphans review's state, kept outside React's tree because three places share it: the
 * banner over the article, the re-select bar under it, and the Edit text dialog that opens the
 * review after an edit loses claims.
 */
let state: ReviewState = { openFor: null, reselecting: null, dismissed: new Set() };
const listeners = new Set<() => void>();

function set(patch: Partial<ReviewState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export const reviewStore = {
  open: (articleId: string) => set({ openFor: articleId }),
  close: () => set({ openFor: null, reselecting: null }),
  startReselect: (reselecting: Reselecting) => set({ reselecting }),
  stopReselect: () => set({ reselecting: null }),
  dismiss: (articleId: string) => set({ dismissed: new Set([...state.dismissed, articleId]) }),
};

export function useReviewState(): ReviewState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
