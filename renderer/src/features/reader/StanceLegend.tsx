import type { CSSProperties } from 'react';
import type { Stance } from '../../../../shared/model';
import { UNCODED_COLOUR } from '../claims/codebook-lookup';

/**
 * What the highlight colours mean, in the bar above the text: each stance of the scale, a claim
 * with no stance yet, and the words selected or being coded. Drawn as the highlights are, so the
 * key looks like what it explains.
 */
export function StanceLegend({ scale }: { scale: Stance[] }) {
  return (
    <ul className="stance-legend" aria-label="Highlight colours" data-testid="stance-legend">
      {scale.map((stance) => (
        <li key={stance.id}>
          <span className="legend-swatch hl" style={{ '--hl': stance.color } as CSSProperties} aria-hidden="true" />
          {stance.label}
        </li>
      ))}
      <li>
        <span className="legend-swatch hl hl--uncoded" style={{ '--hl': UNCODED_COLOUR } as CSSProperties} aria-hidden="true" />
        no stance yet
      </li>
      <li>
        <span className="legend-swatch legend-swatch--selection" aria-hidden="true" />
        selected
      </li>
    </ul>
  );
}
