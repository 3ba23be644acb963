/**
 * Page furniture Readability tends to keep: advertising slots inside the story,
 * share bars, newsletter boxes and inline "related" lists. Removed by class or id
 * before extraction, so their labels ("Advertisement") do not land in the text.
 */
const FURNITURE =
  /^(?:ad|ads|advert\w*|adsbygoogle|dfp|sponsored|promo|newsletter|newsletter-signup|share|share-bar|share-tools|sharing|social-share|related|inline-related|related-links|cookie-banner|paywall)$|^(?:ad|ads|advert|dfp|sponsored)[-_]/i;

/** Whole-line labels that are never article text. */
const LABELS = /^(?:advertisement|advertising|sponsored content|story continues below advertisement|skip advertisement)$/i;

/** Removes page furniture from a document in place. Returns how many elements went. */
export function removePageFurniture(doc: Document): number {
  let removed = 0;
  for (const el of Array.from(doc.body?.querySelectorAll('[class], [id]') ?? [])) {
    if (!el.isConnected) continue;
    const tokens = [...Array.from(el.classList), el.id].filter(Boolean);
    if (tokens.some((t) => FURNITURE.test(t))) {
      el.remove();
      removed += 1;
    }
  }
  for (const el of Array.from(doc.body?.querySelectorAll('p, span, div') ?? [])) {
    if (el.isConnected && el.children.length === 0 && LABELS.test(el.textContent?.trim() ?? '')) {
      el.remove();
      removed += 1;
    }
  }
  return removed;
}
