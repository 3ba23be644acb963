import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ArticleSummary } from '../../../../shared/model';
import { useStatus } from '../../components/status-context';
import { ACCEPT, filesFromPicker, type IncomingFile } from '../import/collect-files';
import { CollectionsDialog } from './CollectionsDialog';
import { LabelsDialog } from './LabelsDialog';
import { LibraryControls } from './LibraryControls';
import { LibraryRow } from './LibraryRow';
import { DEFAULT_VIEW, isFiltered, useLibraryQuery } from './use-library-query';
import '../../styles/library.css';

interface LibraryPaneProps {
  openArticleId: string | null;
  onOpen(id: string): void;
  onNewArticle(): void;
  /** Several files picked at once go to the bulk import. */
  onImportFiles?(files: IncomingFile[]): void;
  /** Asks to delete an article (the row's bin button, or Delete on a row). */
  onDelete?(article: ArticleSummary): void;
}

/**
 * The left pane: every article in the notebook, virtualised for libraries of tens of thousands.
 * Rows are drawn only where the list is looked at, and fetched from the core a page at a time
 * (sorted and filtered there); the list says how many rows it has (aria-setsize) and where each is.
 */
export function LibraryPane({ openArticleId, onOpen, onNewArticle, onImportFiles, onDelete }: LibraryPaneProps) {
  const status = useStatus();
  const [view, setView] = useState(DEFAULT_VIEW);
  const [labelling, setLabelling] = useState<ArticleSummary | null>(null);
  const [managing, setManaging] = useState(false);
  const library = useLibraryQuery(view);
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (library.error) status.reportError(library.error, 'The library could not be sorted or filtered');
  }, [library.error, status]);
  const virtualizer = useVirtualizer({
    count: library.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (i) => library.itemAt(i)?.id ?? `row-${i}`,
  });
  // Rows whose page has not arrived yet are placeholders; their page is asked for now.
  const rows = virtualizer.getVirtualItems();
  const firstShown = rows[0]?.index ?? 0;
  const lastShown = rows.at(-1)?.index ?? 0;
  const { show } = library;
  useEffect(() => show(firstShown, lastShown), [firstShown, lastShown, show]);

  // The arrow keys walk the rows like a list, Tab leaves the pane.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    if (event.key === 'Delete' && onDelete) {
      // The row's article, not the claim the app-wide Delete would take.
      const article = library.itemAt(Number(current.dataset.index));
      event.preventDefault();
      if (article) onDelete(article);
      return;
    }
    // Up and Down move a row, Page Up and Page Down a screenful, Home and End to the ends.
    const at = Number(current.dataset.index);
    const screenful = Math.max(1, rows.length - 2);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + screenful,
      PageUp: at - screenful,
      Home: 0,
      End: library.total - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(library.total - 1, moves[event.key]!));
    if (next === at) return;
    virtualizer.scrollToIndex(next);
    // A row far away is drawn once its page has arrived: focus it then (for up to about a second).
    let frames = 60;
    const focusNext = () => {
      const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] button`);
      if (button) button.focus();
      else if (--frames > 0) requestAnimationFrame(focusNext);
    };
    requestAnimationFrame(focusNext);
  };

  return (
    <nav id="library-drawer" className="pane library" aria-label="Library">
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
        <input
          id="library-search"
          className="input input--search"
          type="search"
          placeholder="Find an article…"
          value={view.text}
          onChange={(e) => setView({ ...view, text: e.target.value })}
        />
      </div>
      <LibraryControls view={view} onChange={setView} facets={library.facets} total={library.total} onManageCollections={() => setManaging(true)} />
      <div ref={scrollRef} className="library-scroll">
        {library.isLoading && <p className="empty-note">Opening the notebook…</p>}
        {!library.isLoading && library.total === 0 && (
          <p className="empty-note">
            {isFiltered(view) ? 'No article matches.' : 'No articles yet. Use “New article”, “Import files…”, or drop files here.'}
          </p>
        )}
        <ul className="library-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown} aria-label="Articles">
          {rows.map((item) => {
            const article = library.itemAt(item.index);
            return (
              <li
                key={item.key}
                data-index={item.index}
                aria-setsize={library.total}
                aria-posinset={item.index + 1}
                aria-busy={article ? undefined : true}
                ref={virtualizer.measureElement}
                className="library-list__item"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {article ? (
                  <LibraryRow article={article} open={article.id === openArticleId} onOpen={onOpen} onEditLabels={setLabelling} onDelete={onDelete} />
                ) : (
                  <div className="library-row library-row--loading" data-testid="library-row-loading">
                    <span className="visually-hidden">Loading…</span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {labelling && <LabelsDialog article={labelling} onClose={() => setLabelling(null)} />}
      {managing && <CollectionsDialog onClose={() => setManaging(false)} />}
    </nav>
  );
}
