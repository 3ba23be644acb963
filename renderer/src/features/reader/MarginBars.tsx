import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Block } from '../../../../shared/model';
import type { ClaimRange } from './segments';

interface BarBox {
  id: string;
  top: number;
  height: number;
}

interface MarginBarsProps {
  bodyRef: RefObject<HTMLElement | null>;
  /** The article's blocks: when they change, the rendered chunks are new elements to watch. */
  blocks: Block[];
  ranges: ClaimRange[];
  lanes: Map<string, number>;
  laneCount: number;
  colours: Map<string, string>;
  /** The accessible name of a claim's bar. */
  labelOf(id: string): string;
  selectedClaimId: string | null;
  visibleIds: Set<string> | null;
  onSelect(id: string): void;
  onPreview(id: string | null, anchor: DOMRect | null): void;
}

/**
 * Measures where the claims in the given parts of the article sit, relative to the body's positioned parent,
 * in one pass over their highlight marks: a claim's bar runs from the top of its first mark to
 * the bottom of its last. Bars come out in the order of `order` (text order).
 */
function measure(body: HTMLElement, parts: Iterable<Element>, order: Map<string, number>): BarBox[] {
  const origin = body.parentElement?.getBoundingClientRect();
  if (!origin) return [];
  const spans = new Map<string, { top: number; bottom: number }>();
  for (const part of parts) {
    if (!body.contains(part)) continue;
    for (const mark of part.querySelectorAll<HTMLElement>('mark[data-claims]')) {
      const rect = mark.getBoundingClientRect();
      for (const id of (mark.dataset.claims ?? '').split(' ')) {
        if (!order.has(id)) continue;
        const span = spans.get(id);
        if (!span) spans.set(id, { top: rect.top, bottom: rect.bottom });
        else {
          span.top = Math.min(span.top, rect.top);
          span.bottom = Math.max(span.bottom, rect.bottom);
        }
      }
    }
  }
  return [...spans]
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([id, { top, bottom }]) => ({ id, top: top - origin.top, height: Math.max(6, bottom - top) }));
}

/** How far beyond the visible part of the reader bars are kept ready, as a share of its height. */
const NEAR_MARGIN = '50% 0px';

export const LANE_WIDTH = 9;

/**
 * One bar per claim in the margin, in its own lane where claims overlap, so each overlapping
 * claim can be seen, pointed at and focused on its own.
 */
export function MarginBars(props: MarginBarsProps) {
  const { bodyRef, blocks, ranges } = props;
  const [boxes, setBoxes] = useState<BarBox[]>([]);
  const order = useMemo(() => new Map(ranges.map((r, i) => [r.id, i])), [ranges]);
  const orderRef = useRef(order);
  const remeasure = useRef<() => void>(() => {});

  // Only the chunks of the article near the viewport are measured (an article can carry
  // thousands of claims, and chunks far off screen are not even laid out): an
  // IntersectionObserver keeps the set of near chunks, and a change to that set, to the body's
  // size (reflow, chunks laid out for the first time) or to the claims measures them again, at
  // most once a frame.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const chunks = [...body.querySelectorAll('.article-chunk')];
    const near = new Set<Element>();
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setBoxes(
          measure(
            body,
            chunks.filter((chunk) => near.has(chunk)),
            orderRef.current,
          ),
        );
      });
    };
    remeasure.current = schedule;
    const intersections = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) near.add(entry.target);
          else near.delete(entry.target);
        }
        schedule();
      },
      { root: body.closest('.reader-scroll'), rootMargin: NEAR_MARGIN },
    );
    for (const chunk of chunks) intersections.observe(chunk);
    const resizes = new ResizeObserver(schedule);
    resizes.observe(body);
    return () => {
      cancelAnimationFrame(frame);
      intersections.disconnect();
      resizes.disconnect();
      remeasure.current = () => {};
    };
  }, [bodyRef, blocks]);

  useEffect(() => {
    orderRef.current = order;
    remeasure.current();
  }, [order]);

  return (
    <div className="margin-bars" style={{ width: Math.max(1, props.laneCount) * LANE_WIDTH + 6 }} aria-label="Claims in the margin" role="group">
      {boxes.map((box) => {
        const lane = props.lanes.get(box.id) ?? 0;
        const selected = box.id === props.selectedClaimId;
        const muted = props.visibleIds && !props.visibleIds.has(box.id);
        return (
          <button
            key={box.id}
            type="button"
            className={`margin-bar${selected ? ' margin-bar--selected' : ''}${muted ? ' margin-bar--muted' : ''}`}
            data-claim-id={box.id}
            aria-label={props.labelOf(box.id)}
            aria-pressed={selected}
            tabIndex={selected ? 0 : -1}
            style={{ top: box.top, height: box.height, right: lane * LANE_WIDTH, background: props.colours.get(box.id) }}
            onClick={() => props.onSelect(box.id)}
            onMouseEnter={(e) => props.onPreview(box.id, e.currentTarget.getBoundingClientRect())}
            onMouseLeave={() => props.onPreview(null, null)}
            onFocus={(e) => props.onPreview(box.id, e.currentTarget.getBoundingClientRect())}
            onBlur={() => props.onPreview(null, null)}
          />
        );
      })}
    </div>
  );
}
