import { useMemo, useState, type RefObject } from 'react';
import { ComboBox, Header, Input, Label, ListBox, ListBoxItem, ListBoxSection, Popover } from 'react-aria-components';
import type { SearchFilters, SearchHit, SearchHitKind } from '../../../../shared/api/contract-search';
import { claimCard } from '../claims/claim-card-refs';
import { Highlighted } from './Highlighted';
import { SearchFiltersButton } from './SearchFiltersButton';
import { hasFilters, useSearch } from './use-search';
import '../../styles/search.css';

const KIND_LABEL: Record<SearchHitKind, string> = { claim: 'Claims', article: 'Articles', brief: 'Briefs' };
const ORDER: SearchHitKind[] = ['claim', 'article', 'brief'];

/** The list item that loads the next page of hits. */
const MORE_KEY = '__more__';

const hitKey = (hit: SearchHit) => `${hit.kind}:${hit.claimId ?? hit.articleId ?? hit.briefId ?? hit.title}`;

/**
 * After opening a hit, keyboard focus follows it: to the selected claim card, else the article
 * text (waiting a few frames for the article to load). Leaving the field closes the results.
 */
function moveFocusTo(hit: SearchHit, articleBody: RefObject<HTMLElement | null>): void {
  (document.activeElement as HTMLElement | null)?.blur();
  let frames = 0;
  const tryFocus = () => {
    const card = hit.claimId && claimCard(hit.claimId);
    const body = hit.kind === 'article' && articleBody.current;
    const target = card || body;
    if (target && (hit.kind !== 'article' || frames > 2)) target.focus();
    else if (++frames < 60) requestAnimationFrame(tryFocus);
  };
  if (hit.kind !== 'brief') requestAnimationFrame(tryFocus);
}

/** "12 results", or "10,000+ results, best of the newest 10,000" when more match than the core counts and ranks. */
function resultCount(total: number, estimate: boolean, filtered: boolean): string {
  const n = total.toLocaleString('en');
  // An estimate is a lower bound: the index counts up to a limit (10,000) and says so.
  const count = estimate ? `${n}+ results, best of the newest ${n}` : total === 1 ? '1 result' : `${n} results`;
  return filtered ? `${count} (filtered)` : count;
}

interface SearchBoxProps {
  onOpenHit(hit: SearchHit): void;
  inputRef?: React.Ref<HTMLInputElement>;
  /** The article's text, focused after opening an article hit. */
  articleBodyRef: RefObject<HTMLElement | null>;
}

/** Search across the notebook: results as you type, grouped by kind, Enter or click opens. */
export function SearchBox({ onOpenHit, inputRef, articleBodyRef }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const { response, hits, error, pending, hasMore, loadingMore, loadMore } = useSearch(query, filters);
  const filtered = hasFilters(filters);
  const groups = useMemo(() => ORDER.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0), [hits]);
  const byKey = useMemo(() => new Map(hits.map((h) => [hitKey(h), h])), [hits]);

  const note = error
    ? error
    : response?.indexing
      ? response.indexing.total === 0
        ? 'Loading the search index…'
        : `Indexing ${response.indexing.done.toLocaleString('en')} of ${response.indexing.total.toLocaleString('en')} articles…`
      : query.trim() && !pending && response && response.total === 0
        ? 'Nothing matches.'
        : null;

  return (
    <div className="search-bar" role="search">
      <ComboBox
        className="search-box"
        inputValue={query}
        onInputChange={setQuery}
        selectedKey={null}
        onSelectionChange={(key) => {
          if (key === MORE_KEY) {
            loadMore();
            return;
          }
          const hit = key == null ? undefined : byKey.get(String(key));
          if (!hit) return;
          onOpenHit(hit);
          moveFocusTo(hit, articleBodyRef);
        }}
        defaultFilter={() => true}
        menuTrigger="input"
        allowsEmptyCollection
        allowsCustomValue
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) setQuery('');
          else e.continuePropagation();
        }}
      >
        <Label className="visually-hidden">Search the notebook</Label>
        <Input
          ref={inputRef}
          className="input input--search search-box__input"
          placeholder="Search articles, claims, briefs…"
          data-testid="search-input"
          aria-keyshortcuts="Control+K"
        />
        <Popover className="search-popover" placement="bottom end" offset={4}>
          {note && (
            <p className="search-note" role="status" data-testid="search-note">
              {note}
            </p>
          )}
          {response && response.total > 0 && (
            <p className="search-note" data-testid="search-count">
              {resultCount(response.total, response.totalIsEstimate === true, filtered)}
            </p>
          )}
          <ListBox className="search-results" aria-label="Search results" renderEmptyState={() => null}>
            {groups.map((group) => (
              <ListBoxSection key={group.kind} className="search-group">
                <Header className="search-group__title">{KIND_LABEL[group.kind]}</Header>
                {group.hits.map((hit) => (
                  <ListBoxItem
                    key={hitKey(hit)}
                    id={hitKey(hit)}
                    textValue={hit.title}
                    className="search-hit"
                    data-testid="search-hit"
                    data-kind={hit.kind}
                  >
                    <span className="search-hit__title">{hit.title}</span>
                    {hit.context && <span className="search-hit__context">in {hit.context}</span>}
                    {hit.snippets.slice(0, 2).map((s, i) => (
                      <Highlighted key={i} snippet={s} />
                    ))}
                  </ListBoxItem>
                ))}
              </ListBoxSection>
            ))}
            {hasMore && (
              <ListBoxItem id={MORE_KEY} textValue="More results" className="search-hit search-more" data-testid="search-more">
                {loadingMore ? 'Loading more…' : `More results (${hits.length.toLocaleString('en')} shown)`}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <SearchFiltersButton filters={filters} onChange={setFilters} />
    </div>
  );
}
