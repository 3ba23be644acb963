import { useId } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import type { SearchFilters, SearchHitKind } from '../../../../shared/api/contract-search';
import type { Codebook } from '../../../../shared/model';
import { useCodebook, useCollections } from '../../app/queries';

const KINDS: { kind: SearchHitKind; label: string }[] = [
  { kind: 'claim', label: 'Claims' },
  { kind: 'article', label: 'Articles' },
  { kind: 'brief', label: 'Briefs' },
];

/** How many filters narrow the search (the kinds count as one). */
export function activeFilterCount(filters: SearchFilters): number {
  const { kinds, ...rest } = filters;
  return (kinds ? 1 : 0) + Object.values(rest).filter((v) => v !== undefined && v !== '').length;
}

/** Issues in codebook order, each after its parent, with its depth for indenting. */
function issueTree(codebook: Codebook): { id: string; name: string; depth: number }[] {
  const out: { id: string; name: string; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number): void => {
    for (const issue of codebook.issues.filter((i) => (i.parentId ?? null) === parentId)) {
      out.push({ id: issue.id, name: issue.name, depth });
      if (depth < 8) visit(issue.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

interface SearchFiltersButtonProps {
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
}

/**
 * The "Filters" button next to the notebook search and its panel: kinds, published dates,
 * source, collection, and actor, issue and stance from the codebook. Changes apply at once.
 */
export function SearchFiltersButton({ filters, onChange }: SearchFiltersButtonProps) {
  const codebook = useCodebook();
  const collections = useCollections();
  const id = useId();
  const active = activeFilterCount(filters);
  const set = (patch: Partial<SearchFilters>): void => {
    const next: SearchFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof SearchFilters)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  const kinds = new Set(filters.kinds ?? KINDS.map((k) => k.kind));
  const toggleKind = (kind: SearchHitKind, on: boolean): void => {
    const next = KINDS.map((k) => k.kind).filter((k) => (k === kind ? on : kinds.has(k)));
    // All kinds, or none (which would find nothing), mean no kind filter.
    set({ kinds: next.length === 0 || next.length === KINDS.length ? undefined : next });
  };
  const text = (value: string): string | undefined => (value.trim() ? value : undefined);

  return (
    <DialogTrigger>
      <Button
        className="button button--quiet button--small search-filters-button"
        aria-label={active > 0 ? `Search filters, ${active} on` : 'Search filters'}
        data-active={active > 0 || undefined}
        data-testid="search-filters-button"
      >
        {/* A funnel; the word shows where the app bar has room (app.css, .bar-label). */}
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
          <path d="M2 3h12l-4.5 5.2V13l-3 1.5V8.2L2 3z" fill="currentColor" />
        </svg>
        <span className="bar-label">Filters</span>
        {active > 0 && <span className="search-filters-button__count"> · {active}</span>}
      </Button>
      <Popover className="search-filters-popover" placement="bottom end" offset={4}>
        <Dialog className="search-filters" data-testid="search-filters">
          <Heading slot="title" className="search-filters__title">
            Search filters
          </Heading>
          <fieldset className="search-filters__kinds">
            <legend>Show</legend>
            {KINDS.map(({ kind, label }) => (
              <label key={kind}>
                <input type="checkbox" checked={kinds.has(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} /> {label}
              </label>
            ))}
          </fieldset>
          <div className="search-filters__dates">
            <label htmlFor={`${id}-from`}>Published from</label>
            <input
              id={`${id}-from`}
              className="input"
              type="date"
              value={filters.publishedFrom ?? ''}
              onChange={(e) => set({ publishedFrom: text(e.target.value) })}
            />
            <label htmlFor={`${id}-to`}>to</label>
            <input
              id={`${id}-to`}
              className="input"
              type="date"
              value={filters.publishedTo ?? ''}
              onChange={(e) => set({ publishedTo: text(e.target.value) })}
            />
          </div>
          <label htmlFor={`${id}-source`}>Source</label>
          <input
            id={`${id}-source`}
            className="input"
            type="text"
            placeholder="Any source, e.g. Reuters"
            value={filters.source ?? ''}
            onChange={(e) => set({ source: text(e.target.value) })}
          />
          <label htmlFor={`${id}-collection`}>Collection</label>
          <select
            id={`${id}-collection`}
            className="input"
            value={filters.collection ?? ''}
            onChange={(e) => set({ collection: text(e.target.value) })}
          >
            <option value="">Any collection</option>
            {(collections.data ?? []).map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-actor`}>Actor</label>
          <select id={`${id}-actor`} className="input" value={filters.actorId ?? ''} onChange={(e) => set({ actorId: text(e.target.value) })}>
            <option value="">Any actor</option>
            {(codebook.data?.actors ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-issue`}>Issue (with its sub-issues)</label>
          <select id={`${id}-issue`} className="input" value={filters.issueId ?? ''} onChange={(e) => set({ issueId: text(e.target.value) })}>
            <option value="">Any issue</option>
            {codebook.data &&
              issueTree(codebook.data).map((i) => (
                <option key={i.id} value={i.id}>
                  {`${'\u2002'.repeat(i.depth * 2)}${i.name}`}
                </option>
              ))}
          </select>
          <label htmlFor={`${id}-stance`}>Stance</label>
          <select id={`${id}-stance`} className="input" value={filters.stanceId ?? ''} onChange={(e) => set({ stanceId: text(e.target.value) })}>
            <option value="">Any stance</option>
            {(codebook.data?.stances ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <p className="search-filters__hint">Coding filters find claims coded that way, and the articles holding them.</p>
          <div className="search-filters__actions">
            <Button className="button button--small" onPress={() => onChange({})}>
              Clear filters
            </Button>
          </div>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
