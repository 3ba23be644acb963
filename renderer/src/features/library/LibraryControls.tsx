import { useState } from 'react';
import type { LibraryPage, LibrarySort } from '../../../../shared/api/contract-library';
import { DEFAULT_VIEW, isFiltered, type LibraryView } from './use-library-query';

const SORTS: { id: LibrarySort; label: string }[] = [
  { id: 'published', label: 'Date published' },
  { id: 'added', label: 'Date added' },
  { id: 'title', label: 'Title' },
  { id: 'source', label: 'Source' },
  { id: 'claims', label: 'Claims' },
];

/** Each sort starts in its natural direction: A to Z for words, newest or most first for the rest. */
const sortPatch = (sort: LibrarySort) => ({ sort, direction: sort === 'title' || sort === 'source' ? ('asc' as const) : ('desc' as const) });

interface LibraryControlsProps {
  view: LibraryView;
  onChange(view: LibraryView): void;
  facets: LibraryPage['facets'];
  total: number;
  onManageCollections(): void;
}

function FacetSelect({
  label,
  value,
  values,
  onChange,
}: {
  label: string;
  value: string;
  values: { name: string; count: number }[];
  onChange(v: string): void;
}) {
  return (
    <label className="library-field">
      <span className="library-field__label">{label}</span>
      <select className="input library-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {value && !values.some((v) => v.name === value) && <option value={value}>{value}</option>}
        {values.map((v) => (
          <option key={v.name} value={v.name}>
            {v.name} ({v.count})
          </option>
        ))}
      </select>
    </label>
  );
}

/** Sort order and filters of the library list; all applied by the core (queryLibrary). */
export function LibraryControls({ view, onChange, facets, total, onManageCollections }: LibraryControlsProps) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<LibraryView>) => onChange({ ...view, ...patch });
  const filtered = isFiltered({ ...view, text: '' });
  return (
    <div className="library-controls">
      <div className="library-controls__row">
        <label className="library-field library-field--inline">
          <span className="library-field__label">Sort</span>
          <select className="input library-select" value={view.sort} onChange={(e) => set(sortPatch(e.target.value as LibrarySort))}>
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => set({ direction: view.direction === 'asc' ? 'desc' : 'asc' })}
          aria-label={view.direction === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
        >
          {view.direction === 'asc' ? '↑' : '↓'}
        </button>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls="library-filters"
          onClick={() => setOpen((o) => !o)}
        >
          Filters{filtered ? ' •' : ''}
        </button>
      </div>
      {open && (
        <div id="library-filters" className="library-filters" role="group" aria-label="Library filters">
          <FacetSelect label="Source" value={view.source} values={facets.sources} onChange={(source) => set({ source })} />
          <FacetSelect label="Collection" value={view.collection} values={facets.collections} onChange={(collection) => set({ collection })} />
          <button type="button" className="link-button" onClick={onManageCollections}>
            Rename or remove collections…
          </button>
          <FacetSelect label="Tag" value={view.tag} values={facets.tags} onChange={(tag) => set({ tag })} />
          <div className="library-dates">
            <label className="library-field">
              <span className="library-field__label">Published from</span>
              <input className="input" type="date" value={view.from} max={view.to || undefined} onChange={(e) => set({ from: e.target.value })} />
            </label>
            <label className="library-field">
              <span className="library-field__label">to</span>
              <input className="input" type="date" value={view.to} min={view.from || undefined} onChange={(e) => set({ to: e.target.value })} />
            </label>
          </div>
          {filtered && (
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ ...DEFAULT_VIEW, sort: view.sort, direction: view.direction, text: view.text })}
            >
              Clear filters
            </button>
          )}
        </div>
      )}
      {isFiltered(view) && (
        <p className="library-count" role="status">
          {total === 1 ? '1 article matches' : `${total} articles match`}
        </p>
      )}
    </div>
  );
}
