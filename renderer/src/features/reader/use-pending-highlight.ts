import { useEffect, type RefObject } from 'react';
import { offsetToPoint } from './selection-offsets';

const NAME = 'claim-pending';

/**
 * Marks the words a claim is being made of while its editor is open, in the selection colour,
 * through the CSS Custom Highlight API: no DOM change, so the text's highlights and the reader's
 * layout stay as they are. (A live selection would do, but deep in a long article it made every
 * frame drawn while the editor is open walk the layout up to it.) Where the API is missing the
 * text is simply not marked; the editor still quotes the words.
 */
export function usePendingHighlight(bodyRef: RefObject<HTMLElement | null>, range: { start: number; end: number } | null): void {
  const start = range?.start;
  const end = range?.end;
  useEffect(() => {
    const body = bodyRef.current;
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!body || start === undefined || end === undefined || !registry || typeof Highlight === 'undefined') return;
    const from = offsetToPoint(body, start);
    const to = offsetToPoint(body, end);
    if (!from || !to) return;
    const dom = document.createRange();
    dom.setStart(from.node, from.offset);
    dom.setEnd(to.node, to.offset);
    registry.set(NAME, new Highlight(dom));
    return () => {
      registry.delete(NAME);
    };
  }, [bodyRef, start, end]);
}
