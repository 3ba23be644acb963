import type { TimelinePeriod } from '../../../../shared/api/contract-positions';
import type { Stance } from '../../../../shared/model';

interface StanceTimelineProps {
  /** The cell's periods, oldest first. */
  periods: TimelinePeriod[];
  stance(id: string): Stance | undefined;
  /** The scale's extremes, so every timeline shares one vertical axis. */
  range: { min: number; max: number };
  width?: number;
  height?: number;
  /** What the picture shows, for screen readers; the same facts are in the list beside it. */
  label: string;
  /** How a period is written on the axis. */
  periodLabel(period: string): string;
}

/** The first day of a period (YYYY, YYYY-MM or YYYY-MM-DD) in ms, so periods are placed by time. */
const startOf = (period: string) =>
  Date.UTC(
    Number(period.slice(0, 4)),
    period.length >= 7 ? Number(period.slice(5, 7)) - 1 : 0,
    period.length >= 10 ? Number(period.slice(8, 10)) : 1,
  );

/**
 * A position over time: per period, one dot per stance stated in it (larger for more claims),
 * placed by time (left to right) and stance (supportive up, opposed down), coloured as the stance;
 * a faint line joins each period's last stance. The neutral line is drawn when the scale crosses it.
 */
export function StanceTimeline({ periods, stance, range, width = 520, height = 120, label, periodLabel }: StanceTimelineProps) {
  const pad = 12;
  const times = periods.map((p) => startOf(p.period));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (t: number) => (last === first ? width / 2 : pad + ((t - first) / (last - first)) * (width - 2 * pad));
  const span = range.max - range.min || 1;
  const y = (value: number) => pad + ((range.max - value) / span) * (height - 2 * pad);
  const dots = periods.flatMap((p, i) =>
    Object.entries(p.stanceCounts).map(([id, count]) => ({
      key: `${p.period}-${id}`,
      period: p.period,
      s: stance(id),
      count,
      cx: x(times[i]!),
      cy: y(stance(id)?.value ?? 0),
    })),
  );
  const line = periods.map((p, i) => `${x(times[i]!)},${y(stance(p.latestStanceId)?.value ?? 0)}`).join(' ');
  return (
    <figure className="stance-timeline-figure">
      <svg
        className="stance-timeline"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        role="img"
        aria-label={label}
        preserveAspectRatio="none"
      >
        {range.min < 0 && range.max > 0 && <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="stance-timeline__zero" />}
        <polyline points={line} className="stance-timeline__line" />
        {dots.map((d) => (
          // A zero-length line with a round cap and an unscaled stroke stays a round dot however the chart stretches.
          <line
            key={d.key}
            x1={d.cx}
            x2={d.cx}
            y1={d.cy}
            y2={d.cy}
            stroke={d.s?.color ?? '#8a8a8a'}
            strokeWidth={Math.min(26, 11 + 3 * Math.sqrt(d.count - 1))}
            className="stance-timeline__dot"
          >
            <title>{`${periodLabel(d.period)}: ${d.count} ${d.s?.label ?? 'unknown stance'}`}</title>
          </line>
        ))}
      </svg>
      <figcaption className="stance-timeline__axis" aria-hidden="true">
        <span>{periods[0] ? periodLabel(periods[0].period) : ''}</span>
        <span>{periods.length > 1 ? periodLabel(periods[periods.length - 1]!.period) : ''}</span>
      </figcaption>
    </figure>
  );
}
