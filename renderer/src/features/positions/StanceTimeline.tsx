import type { Stance } from '../../../../shared/model';
import { formatDate } from '../../components/format-date';

interface StanceTimelineProps {
  /** [YYYY-MM-DD, stance id], oldest first. */
  points: [string, string][];
  stance(id: string): Stance | undefined;
  /** The scale's extremes, so every timeline shares one vertical axis. */
  range: { min: number; max: number };
  width?: number;
  height?: number;
  /** What the picture shows, for screen readers; the same facts are in the list beside it. */
  label: string;
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * A position over time: one dot per dated claim, placed by date (left to right) and stance
 * (supportive up, opposed down), coloured as the stance, joined by a faint line. The neutral
 * line is drawn when the scale crosses it.
 */
export function StanceTimeline({ points, stance, range, width = 520, height = 120, label }: StanceTimelineProps) {
  const pad = 10;
  const times = points.map(([d]) => day(d));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (t: number) => (last === first ? width / 2 : pad + ((t - first) / (last - first)) * (width - 2 * pad));
  const span = range.max - range.min || 1;
  const y = (value: number) => pad + ((range.max - value) / span) * (height - 2 * pad);
  const placed = points.map(([d, id]) => ({ d, s: stance(id), cx: x(day(d)), cy: y(stance(id)?.value ?? 0) }));
  return (
    <figure className="stance-timeline-figure">
      <svg className="stance-timeline" viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={label} preserveAspectRatio="none">
        {range.min < 0 && range.max > 0 && <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="stance-timeline__zero" />}
        <polyline points={placed.map((p) => `${p.cx},${p.cy}`).join(' ')} className="stance-timeline__line" />
        {placed.map((p, i) => (
          // A zero-length line with a round cap and an unscaled stroke stays a round dot however the chart stretches.
          <line key={i} x1={p.cx} x2={p.cx} y1={p.cy} y2={p.cy} stroke={p.s?.color ?? '#8a8a8a'} className="stance-timeline__dot">
            <title>{`${formatDate(p.d)}: ${p.s?.label ?? 'no stance'}`}</title>
          </line>
        ))}
      </svg>
      <figcaption className="stance-timeline__axis" aria-hidden="true">
        <span>{formatDate(points[0]?.[0] ?? null, 'short')}</span>
        <span>{formatDate(points[points.length - 1]?.[0] ?? null, 'short')}</span>
      </figcaption>
    </figure>
  );
}
