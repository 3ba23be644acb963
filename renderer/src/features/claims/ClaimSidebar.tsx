import { useEffect, useRef, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Claim, Codebook } from '../../../../shared/model';
import type { ScrollRequest } from '../reader/ReaderPane';
import { ClaimCard } from './ClaimCard';
import { ClaimFilters } from './ClaimFilters';
import type { ClaimFilter } from './claim-filters';
import type { CodebookLookup } from './codebook-lookup';
import '../../styles/sidebar.css';

interface ClaimSidebarProps {
  allClaims: Claim[];
  claims: Claim[];
  lookup: CodebookLookup;
  codebook: Codebook | undefined;
  filter: ClaimFilter;
  onFilterChange(filter: ClaimFilter): void;
  selectedClaimId: string | null;
  scrollRequest: ScrollRequest | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onSelect(id: string): void;
  onMove(step: 1 | -1): void;
  onEdit(claim: Claim): void;
  onDelete(claim: Claim): void;
}

/**
 * The right pane: the article's claims in text order, filtered, virtualised (an article can
 * carry hundreds), with a roving focus so arrow keys walk the cards.
 */
export function ClaimSidebar(props: ClaimSidebarProps) {
  const { claims, selectedClaimId, scrollRequest } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef(false);
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 190,
    overscan: 6,
    getItemKey: (index) => claims[index]?.id ?? index,
  });

  // Only a new request scrolls; a changed list must not yank the view. A request for a claim
  // not in the list yet (just saved, the list not yet updated) waits for it.
  const pendingScroll = useRef<ScrollRequest | null>(null);
  useEffect(() => {
    pendingScroll.current = scrollRequest;
  }, [scrollRequest]);
  useEffect(() => {
    const request = pendingScroll.current;
    if (!request) return;
    const index = claims.findIndex((c) => c.id === request.claimId);
    if (index < 0) return;
    pendingScroll.current = null;
    // After the frame being drawn: the list re-renders when it scrolls, and the highlight just
    // selected (or made) in the reader should not wait for it.
    requestAnimationFrame(() => setTimeout(() => virtualizer.scrollToIndex(index, { align: 'auto' })));
  }, [scrollRequest, claims, virtualizer]);

  useEffect(() => {
    if (!focusAfterMove.current || !selectedClaimId) return;
    focusAfterMove.current = false;
    const index = claims.findIndex((c) => c.id === selectedClaimId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-claim-id="${CSS.escape(selectedClaimId)}"]`)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedClaimId, claims, virtualizer]);

  const onListKey = (event: React.KeyboardEvent) => {
    const onCard = (event.target as HTMLElement).matches('[data-testid="claim-card"]');
    if (!onCard) return;
    const claim = claims.find((c) => c.id === (event.target as HTMLElement).dataset.claimId);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      focusAfterMove.current = true;
      props.onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && claim) {
      event.preventDefault();
      event.stopPropagation();
      props.onEdit(claim);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && claim) {
      event.preventDefault();
      event.stopPropagation();
      props.onDelete(claim);
    }
  };

  const focusableId = claims.some((c) => c.id === selectedClaimId) ? selectedClaimId : claims[0]?.id;

  return (
    <aside className="pane sidebar" aria-label="Claims">
      <div className="pane-header">
        <h2 className="pane-title">Claims</h2>
      </div>
      <ClaimFilters
        filter={props.filter}
        onChange={props.onFilterChange}
        codebook={props.codebook}
        claims={props.allClaims}
        shown={claims.length}
        searchRef={props.searchRef}
      />
      <div ref={scrollRef} className="claim-list-scroll" data-testid="claim-list">
        {claims.length === 0 ? (
          <p className="empty-note">
            {props.allClaims.length === 0 ? 'No claims yet. Select words in the article and press C to make one.' : 'No claim matches these filters.'}
          </p>
        ) : (
          <div
            role="list"
            aria-label="Claims in text order"
            className="claim-list"
            style={{ height: virtualizer.getTotalSize() }}
            onKeyDown={onListKey}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const claim = claims[item.index];
              if (!claim) return null;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="claim-list__item"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <ClaimCard
                    claim={claim}
                    lookup={props.lookup}
                    selected={claim.id === selectedClaimId}
                    focusable={claim.id === focusableId}
                    onSelect={props.onSelect}
                    onEdit={props.onEdit}
                    onDelete={props.onDelete}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </aside>
  );
}
