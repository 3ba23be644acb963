interface PolarisationLineProps {
  windows: { from: string; to: string; polarisation: number | null }[];
  current: number | null;
}

/** Polarisation per time window as a small line (0 at the bottom, 1 at the top); the shown window is marked. */
export function PolarisationLine({ windows, current }: PolarisationLineProps) {
  const width = 600;
  const height = 60;
  const x = (i: number) => (windows.length === 1 ? width / 2 : (i / (windows.length - 1)) * (width - 8) + 4);
  const y = (p: number) => height - 4 - p * (height - 8);
  const points = windows.map((w, i) => (w.polarisation === null ? null : `${x(i)},${y(w.polarisation)}`)).filter((p) => p !== null);
  const described = windows
    .filter((w) => w.polarisation !== null)
    .map((w) => `${w.from}: ${Math.round(w.polarisation! * 100)} %`)
    .join('; ');
  return (
    <svg
      className="polarisation-line"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Polarisation per window: ${described || 'no two actors meet in any window'}`}
    >
      <line x1="0" x2={width} y1={y(0.5)} y2={y(0.5)} className="polarisation-mid" />
      <polyline points={points.join(' ')} className="polarisation-path" />
      {current !== null && <line x1={x(current)} x2={x(current)} y1="0" y2={height} className="polarisation-now" />}
    </svg>
  );
}
