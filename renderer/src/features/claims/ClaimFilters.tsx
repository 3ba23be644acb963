import { memo, useMemo, useState, type RefObject } from 'react';
import type { Claim, Codebook } from '../../../../shared/model';
import { coderNamesOf } from '../coders/coder-queries';
import { NO_FILTER, isFiltering, type ClaimFilter } from './claim-filters';

interface ClaimFiltersProps {
  filter: ClaimFilter;
  onChange(filter: ClaimFilter): void;
  codebook: Codebook | undefined;
  claims: Claim[];
  shown: number;
  searchRef: RefObject<HTMLInputElement | null>;
}

function FilterSelect(props: { label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[] }) {
  return (
    <label className="filter-select">
      <span className="filter-select__label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The sidebar's full-text filter and, behind a toggle, filters by coding and anchor status. */
export const ClaimFilters = memo(function ClaimFilters({ filter, onChange, codebook, claims, shown, searchRef }: ClaimFiltersProps) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<ClaimFilter>) => onChange({ ...filter, ...patch });
  const tags = useMemo(() => [...new Set(claims.flatMap((c) => c.tags))].sort(), [claims]);
  const coders = useMemo(() => [...coderNamesOf(claims)].map(([value, label]) => ({ value, label })), [claims]);
  const active = Object.entries(filter).filter(([k, v]) => k !== 'text' && v).length;
  return (
    <div className="claim-filters">
      <div className="claim-filters__row">
        <label className="visually-hidden" htmlFor="claim-search">
          Filter claims by text
        </label>
        <input
          id="claim-search"
          ref={searchRef}
          className="input input--search"
          type="search"
          placeholder="Filter claims…  ( / )"
          value={filter.text}
          aria-keyshortcuts="/"
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text) {
              e.stopPropagation();
              set({ text: '' });
            }
          }}
        />
        <button type="button" className="button button--small" aria-expanded={open} aria-controls="claim-filter-panel" onClick={() => setOpen(!open)}>
          Filters{active > 0 ? ` (${active})` : ''}
        </button>
      </div>
      {open && (
        <div id="claim-filter-panel" className="claim-filters__panel">
          <FilterSelect
            label="Actor"
            value={filter.actorId}
            onChange={(v) => set({ actorId: v })}
            options={(codebook?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <FilterSelect
            label="Issue"
            value={filter.issueId}
            onChange={(v) => set({ issueId: v })}
            options={(codebook?.issues ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
          <FilterSelect
            label="Stance"
            value={filter.stanceId}
            onChange={(v) => set({ stanceId: v })}
            options={[...(codebook?.stances ?? [])].sort((a, b) => a.value - b.value).map((s) => ({ value: s.id, label: s.label }))}
          />
          <FilterSelect label="Tag" value={filter.tag} onChange={(v) => set({ tag: v })} options={tags.map((t) => ({ value: t, label: t }))} />
          <FilterSelect label="Coder" value={filter.coderId} onChange={(v) => set({ coderId: v })} options={coders} />
          <FilterSelect
            label="Anchor"
            value={filter.anchor}
            onChange={(v) => set({ anchor: v as ClaimFilter['anchor'] })}
            options={[
              { value: 'exact', label: 'Exact' },
              { value: 'relocated', label: 'Relocated' },
              { value: 'needs-review', label: 'Needs review' },
              { value: 'orphaned', label: 'Orphaned' },
            ]}
          />
        </div>
      )}
      <p className="claim-filters__count" aria-live="polite">
        {isFiltering(filter) ? (
          <>
            Showing {shown} of {claims.length} claims{' '}
            <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>
              Clear filters
            </button>
          </>
        ) : (
          `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} in text order`
        )}
      </p>
    </div>
  );
});
