import { offsetToPoint } from '../reader/selection-offsets';

/** Selects [start, end) of the canonical text in the reader and brings it into view. */
export function selectInReader(body: HTMLElement, start: number, end: number): void {
  const from = offsetToPoint(body, start);
  const to = offsetToPoint(body, end);
  if (!from || !to) return;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  from.node.parentElement?.scrollIntoView({ block: 'center' });
}
