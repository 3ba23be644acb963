import { useEffect, useState, type CSSProperties } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Autocomplete, Input, Label, ListBox, ListBoxItem, SearchField } from 'react-aria-components';
import type { FoundCitation } from '../../../../shared/api/contract-briefs';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../components/status-context';

interface CitationPickerProps {
  /** The article open in the reader: its claims are listed first. */
  preferArticleId: string | null;
  onPick(citation: FoundCitation): void;
  onClose(): void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Finds a claim to cite by any words of its quote, actors, issue, proposition or article, typed
 * into one field; Up and Down move through the matches while typing, Enter cites the highlighted one.
 */
export function CitationPicker({ preferArticleId, onPick, onClose }: CitationPickerProps) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 150);
  const found = useQuery({
    queryKey: ['cite-search', settled, preferArticleId],
    queryFn: () => api.findClaimsToCite({ query: settled, limit: 60, ...(preferArticleId ? { preferArticleId } : {}) }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const claims = found.data ?? [];
  return (
    <Dialog title="Cite a claim" size="large" onClose={onClose} testId="citation-picker">
      <Autocomplete inputValue={query} onInputChange={setQuery}>
        <SearchField className="field" aria-label="Find a claim" autoFocus>
          <Label className="field-label">
            Find a claim <span className="field-hint">by its words, actor, issue, proposition or article</span>
          </Label>
          <Input className="input" placeholder="e.g. Taiwan, Wang Yi, supports…" />
        </SearchField>
        <ListBox
          className="cite-list"
          aria-label="Claims"
          items={claims}
          onAction={(key) => {
            const claim = claims.find((c) => c.claimId === key);
            if (claim) onPick(claim);
          }}
          renderEmptyState={() => (
            <p className="cite-list__empty">
              {found.isPending ? 'Looking…' : found.error ? errorText(found.error) : 'No claim matches those words.'}
            </p>
          )}
        >
          {(c) => (
            <ListBoxItem id={c.claimId} textValue={c.quote} className="cite-option" data-testid="cite-option">
              <span className="cite-option__coding">
                <span className="brief-citation__stance" style={{ '--stance': c.stance?.color ?? '#8a8a8a' } as CSSProperties}>
                  <span className="stance-dot" aria-hidden="true" />
                  {c.stance?.label ?? 'No stance'}
                </span>
                <span className="cite-option__actors">{c.actors.map((a) => a.name).join(', ') || 'No actor'}</span>
                {c.issue && <span className="cite-option__issue">{c.issue.path}</span>}
              </span>
              <span className="cite-option__quote">“{c.quote}”</span>
              <span className="cite-option__article">{c.article.title}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Autocomplete>
      <div className="dialog-actions">
        <span className="dialog-hint">
          <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to cite, <kbd>Esc</kbd> to close
        </span>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
