import { textPoints } from '../reader/selection-offsets';

/*
 * Suggestions are drawn over the article with the CSS Custom Highlight API (::highlight), not
 * as elements: the reader's DOM stays the claims' alone, and selection, claims and suggestions
 * never fight over the same nodes. Browsers without the API show the suggestions in the panel
 * only.
 */

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function registry(): { highlights: HighlightRegistry; Highlight: new (...ranges: AbstractRange[]) => unknown } | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  const Highlight = (globalThis as unknown as { Highlight?: new (...ranges: AbstractRange[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** A DOM range over [start, end) of the article's text, or null when it is not drawn. */
export function textRange(root: HTMLElement, start: number, end: number): Range | null {
  const pointAt = textPoints(root);
  const from = pointAt(start);
  const to = pointAt(end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Draws the named highlight over the spans (replacing what it drew before), for the text as it
 * is drawn now: call it again whenever the reader redraws. Static ranges, because the browser
 * keeps every live Range in the document up to date on every node inserted or removed: with the
 * ~1,500 suggestions of a long article, each node React removed (the claim editor closing, a
 * block redrawn) cost that much work, ~100 ms per save.
 */
export function drawHighlight(name: string, root: HTMLElement | null, spans: readonly { start: number; end: number }[]): void {
  const api = registry();
  if (!api) return;
  if (!root || spans.length === 0) {
    api.highlights.delete(name);
    return;
  }
  const pointAt = textPoints(root);
  const ranges: StaticRange[] = [];
  for (const span of spans) {
    const from = pointAt(span.start);
    const to = pointAt(span.end);
    if (from && to)
      ranges.push(new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset }));
  }
  api.highlights.set(name, new api.Highlight(...ranges));
}

export function clearHighlight(name: string): void {
  registry()?.highlights.delete(name);
}
