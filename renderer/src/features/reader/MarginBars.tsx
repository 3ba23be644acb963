import { useEffect, useState, type RefObject } from 'react';
import type { ClaimRange } from './segments';

interface BarBox {
  id: string;
  top: number;
  height: number;
}

interface MarginBarsProps {
  bodyRef: RefObject<HTMLElement | null>;
  ranges: ClaimRange[];
  lanes: Map<string, number>;
  laneCount: number;
  colours: Map<string, string>;
  labels: Map<string, string>;
  selectedClaimId: string | null;
  visibleIds: Set<string> | null;
  onSelect(id: string): void;
  onPreview(id: string | null, anchor: DOMRect | null): void;
}

/** Measures where each claim's text sits, relative to the body's positioned parent. */
function measure(body: HTMLElement, ranges: ClaimRange[]): BarBox[] {
  const origin = body.parentElement?.getBoundingClientRect();
  if (!origin) return [];
  const boxes: BarBox[] = [];
  for (const range of ranges) {
    const marks = body.querySelectorAll(`[data-claims~="${CSS.escape(range.id)}"]`);
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last) continue;
    const top = first.getBoundingClientRect().top - origin.top;
    const bottom = last.getBoundingClientRect().bottom - origin.top;
    boxes.push({ id: range.id, top, height: Math.max(6, bottom - top) });
  }
  return boxes;
}

export const LANE_WIDTH = 9;

/**
 * One bar per claim in the margin, in its own lane where claims overlap, so each overlapping
 * claim can be seen, pointed at and focused on its own.
 */
export function MarginBars(props: MarginBarsProps) {
  const { bodyRef, ranges } = props;
  const [boxes, setBoxes] = useState<BarBox[]>([]);

  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const update = () => setBoxes(measure(body, ranges));
    update();
    // Text reflows when the window or the panes change width.
    const observer = new ResizeObserver(update);
    observer.observe(body);
    return () => observer.disconnect();
  }, [bodyRef, ranges]);

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
            aria-label={props.labels.get(box.id) ?? 'Claim'}
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
