import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ArticleSummary } from '../../../../shared/model';
import { formatDate } from '../../components/format-date';
import { ACCEPT, filesFromPicker, type IncomingFile } from '../import/collect-files';
import '../../styles/library.css';

interface LibraryPaneProps {
  articles: ArticleSummary[] | undefined;
  isLoading: boolean;
  openArticleId: string | null;
  onOpen(id: string): void;
  onNewArticle(): void;
  /** Several files picked at once go to the bulk import. */
  onImportFiles?(files: IncomingFile[]): void;
}

function matches(article: ArticleSummary, query: string): boolean {
  const haystack = `${article.title} ${article.source ?? ''} ${article.author ?? ''}`.toLowerCase();
  return query.toLowerCase().split(/\s+/).every((w) => haystack.includes(w));
}

/** The left pane: every article in the notebook, virtualised for libraries of thousands. */
export function LibraryPane({ articles, isLoading, openArticleId, onOpen, onNewArticle, onImportFiles }: LibraryPaneProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (articles ?? []).filter((a) => matches(a, query.trim())), [articles, query]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (i) => shown[i]?.id ?? i,
  });

  // Up and Down walk the rows like a list, Tab leaves the pane.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    event.preventDefault();
    const next = Number(current.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= shown.length) return;
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] button`)?.focus());
  };

  return (
    <nav className="pane library" aria-label="Library">
      <div className="pane-header">
        <h2 className="pane-title">Library</h2>
        <span className="toolbar-spacer" />
        {onImportFiles && (
          <span className="file-pick">
            <input
              id="library-import-files"
              className="visually-hidden"
              type="file"
              multiple
              accept={ACCEPT}
              onChange={(e) => {
                onImportFiles(filesFromPicker(e.target.files));
                e.target.value = '';
              }}
            />
            <label htmlFor="library-import-files" className="button button--small">
              Import files…
            </label>
          </span>
        )}
        <button type="button" className="button button--primary button--small" onClick={onNewArticle} aria-keyshortcuts="n">
          New article
        </button>
      </div>
      <div className="library-search">
        <label className="visually-hidden" htmlFor="library-search">
          Find an article
        </label>
        <input id="library-search" className="input input--search" type="search" placeholder="Find an article…" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div ref={scrollRef} className="library-scroll">
        {isLoading && <p className="empty-note">Opening the notebook…</p>}
        {!isLoading && shown.length === 0 && (
          <p className="empty-note">{articles?.length ? 'No article matches.' : 'No articles yet. Use “New article” to paste text or add a file.'}</p>
        )}
        <ul className="library-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown} aria-label="Articles">
          {virtualizer.getVirtualItems().map((item) => {
            const article = shown[item.index];
            if (!article) return null;
            const open = article.id === openArticleId;
            return (
              <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="library-list__item" style={{ transform: `translateY(${item.start}px)` }}>
                <button
                  type="button"
                  className={`library-row${open ? ' library-row--open' : ''}`}
                  aria-current={open ? 'page' : undefined}
                  data-testid="library-row"
                  onClick={() => onOpen(article.id)}
                >
                  <span className="library-row__title">{article.title}</span>
                  <span className="library-row__meta">
                    {[formatDate(article.publishedAt, 'short'), article.source].filter(Boolean).join(' · ') || 'No date or source'}
                  </span>
                  <span className="library-row__count">
                    <span aria-hidden="true">{article.claimCount}</span>
                    <span className="visually-hidden">, {article.claimCount === 1 ? '1 claim' : `${article.claimCount} claims`}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
