/**
 * Maps DOM positions in the rendered article back to canonical text offsets.
 * Contract with ArticleBody: every piece of article text sits in exactly one element carrying
 * `data-seg`, `data-start` and `data-end`, whose single text node is text.slice(start, end).
 */

const SEGMENT = '[data-seg]';

function segmentStart(el: Element): number {
  return Number((el as HTMLElement).dataset.start);
}

function segmentEnd(el: Element): number {
  return Number((el as HTMLElement).dataset.end);
}

/** The canonical offset of a DOM boundary point (node, offset), clamped to the article. */
export function pointToOffset(root: HTMLElement, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement?.closest(SEGMENT);
    if (segment && root.contains(segment)) return segmentStart(segment) + offset;
  }
  // An element boundary (or text outside the article): the first segment after the point
  // starts there; past the last one, the article ends there.
  const segments = root.querySelectorAll(SEGMENT);
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  for (const segment of segments) {
    if (point.comparePoint(segment, 0) >= 0) return segmentStart(segment);
  }
  const last = segments[segments.length - 1];
  return last ? segmentEnd(last) : 0;
}

/** The selection's canonical [start, end), trimmed of surrounding whitespace; null if empty or elsewhere. */
export function selectionToOffsets(root: HTMLElement, text: string, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  let start = pointToOffset(root, range.startContainer, range.startOffset);
  let end = pointToOffset(root, range.endContainer, range.endOffset);
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** The DOM point for a canonical offset: inside the segment holding it. */
export function offsetToPoint(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  for (const segment of root.querySelectorAll(SEGMENT)) {
    const start = segmentStart(segment);
    const end = segmentEnd(segment);
    if (offset >= start && offset <= end && segment.firstChild) return { node: segment.firstChild, offset: offset - start };
  }
  return null;
}

/** Selects [start, end) of the canonical text in the reader, without scrolling. False if it cannot. */
export function selectOffsets(root: HTMLElement, start: number, end: number): boolean {
  const from = offsetToPoint(root, start);
  const to = offsetToPoint(root, end);
  const selection = window.getSelection();
  if (!from || !to || !selection) return false;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
