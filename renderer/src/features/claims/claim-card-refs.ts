/**
 * The claim cards on screen, by claim id, registered by their own ref callback: focus reaches a
 * card through this, not through a DOM query on test ids. The claim list is virtualised, so a
 * card exists only while it is drawn; `whenDrawn` waits a few frames for one.
 */
const cards = new Map<string, HTMLElement>();

/** The ref callback of a claim's card (React 19: the returned cleanup runs when the card goes). */
export function registerClaimCard(claimId: string, element: HTMLElement): () => void {
  cards.set(claimId, element);
  return () => {
    if (cards.get(claimId) === element) cards.delete(claimId);
  };
}

/** The card of a claim, if it is drawn. */
export function claimCard(claimId: string): HTMLElement | undefined {
  const card = cards.get(claimId);
  return card?.isConnected ? card : undefined;
}

/** The card the list's Tab stop is on (the selected or first drawn claim). */
export function tabStopClaimCard(): HTMLElement | undefined {
  for (const card of cards.values()) if (card.isConnected && card.tabIndex === 0) return card;
  return undefined;
}

/**
 * Calls `found` with the claim's card once it is drawn, looking for up to `frames` animation
 * frames; calls `missing` if it never is. Returns a cancel function.
 */
export function whenDrawn(claimId: string, found: (card: HTMLElement) => void, missing: () => void, frames = 20): () => void {
  let frame = 0;
  const attempt = (left: number) => {
    const card = claimCard(claimId);
    if (card) found(card);
    else if (left > 0) frame = requestAnimationFrame(() => attempt(left - 1));
    else missing();
  };
  frame = requestAnimationFrame(() => attempt(frames));
  return () => cancelAnimationFrame(frame);
}
