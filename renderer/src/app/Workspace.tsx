import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ArticleWithClaims, ImportResult } from '../../../shared/api';
import type { SearchHit } from '../../../shared/api/contract-search';
import type { Claim } from '../../../shared/model';
import { useStatus } from '../components/status-context';
import { ClaimEditorDialog, type ClaimEditorTarget } from '../features/claims/ClaimEditorDialog';
import { ClaimSidebar } from '../features/claims/ClaimSidebar';
import { DeleteClaimDialog } from '../features/claims/DeleteClaimDialog';
import { NO_FILTER, filterClaims, isFiltering, type ClaimFilter } from '../features/claims/claim-filters';
import { makeLookup } from '../features/claims/codebook-lookup';
import { BriefsView } from '../features/briefs/BriefsView';
import { CodebookView } from '../features/codebook/CodebookView';
import { NotebookMenu } from '../features/export/NotebookMenu';
import { NetworksView } from '../features/networks/NetworksView';
import { PositionsView } from '../features/positions/PositionsView';
import { HistoryButtons } from '../features/history/HistoryButtons';
import { HelpOverlay } from '../features/help/HelpOverlay';
import { useFileImport } from '../features/import/use-file-import';
import { LibraryPane } from '../features/library/LibraryPane';
import { NewArticleDialog } from '../features/library/NewArticleDialog';
import { EditDetailsDialog } from '../features/reader/EditDetailsDialog';
import { ReaderPane } from '../features/reader/ReaderPane';
import { SearchBox } from '../features/search/SearchBox';
import { BackgroundSuggester } from '../features/suggestions/BackgroundSuggester';
import { SuggestionsPanel } from '../features/suggestions/SuggestionsPanel';
import { useSuggestionEvents } from '../features/suggestions/queries';
import { selectOffsets, selectionToOffsets } from '../features/reader/selection-offsets';
import { withSavedClaim, withoutClaim } from './claim-cache';
import { keys, useArticle, useArticles, useCodebook, useNotebookInfo } from './queries';
import { useClaimSelection } from './use-claim-selection';
import { useGlobalKeys } from './use-global-keys';
import { useLastArticle } from './use-last-article';

type OpenDialog = 'new-article' | 'details' | 'help' | null;
type CentreView = 'reader' | 'codebook' | 'briefs' | 'positions' | 'networks';

const CENTRE_LABEL: Record<CentreView, string> = { reader: 'Article', codebook: 'Codebook', briefs: 'Briefs', positions: 'Positions', networks: 'Networks' };

/** The three panes and the dialogs over them, and the state they share. */
export function Workspace() {
  const status = useStatus();
  const queryClient = useQueryClient();
  const info = useNotebookInfo();
  useSuggestionEvents();
  const articles = useArticles();
  const codebook = useCodebook();
  const [openArticleId, setOpenArticleId] = useLastArticle();
  const article = useArticle(openArticleId);
  const lookup = useMemo(() => makeLookup(codebook.data), [codebook.data]);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // What the centre pane shows: the open article, or one of the notebook-wide views.
  const [centre, setCentre] = useState<CentreView>('reader');
  const toggleCentre = (view: CentreView) => setCentre((current) => (current === view ? 'reader' : view));
  const [editor, setEditor] = useState<ClaimEditorTarget | null>(null);
  const [deleting, setDeleting] = useState<Claim | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const notebookSearchRef = useRef<HTMLInputElement>(null);

  const allClaims = useMemo(() => article.data?.claims ?? [], [article.data]);
  const shownClaims = useMemo(() => filterClaims(allClaims, filter, lookup), [allClaims, filter, lookup]);
  const visibleIds = useMemo(() => (isFiltering(filter) ? new Set(shownClaims.map((c) => c.id)) : null), [filter, shownClaims]);
  const selection = useClaimSelection(shownClaims);
  const selectedClaim = allClaims.find((c) => c.id === selection.selectedClaimId) ?? null;

  // Open something sensible: the remembered article if it still exists, else the first.
  useEffect(() => {
    const list = articles.data;
    if (!list) return;
    if (!openArticleId || !list.some((a) => a.id === openArticleId)) setOpenArticleId(list[0]?.id ?? null);
  }, [articles.data, openArticleId, setOpenArticleId]);

  useEffect(() => {
    for (const [what, query] of [['The notebook', info], ['The library', articles], ['The codebook', codebook], ['The article', article]] as const) {
      if (query.error) status.reportError(query.error, `${what} could not be loaded`);
    }
  }, [info.error, articles.error, codebook.error, article.error, info, articles, codebook, article, status]);

  const openArticle = (id: string) => {
    setOpenArticleId(id);
    selection.setSelectedClaimId(null);
    setFilter(NO_FILTER);
  };

  const claimFromSelection = () => {
    const body = bodyRef.current;
    const current = article.data?.article;
    if (!body || !current) return;
    const range = selectionToOffsets(body, current.text, window.getSelection());
    if (!range) {
      status.reportError('Select the words of the claim in the article first: drag with the mouse, or in the article text use Shift+arrows or S for a sentence.');
      return;
    }
    // The editor has the range; a live selection deep in a long article made every frame drawn
    // while the editor is open (each keystroke, the save) walk the layout up to it. Cancelling
    // puts the selection back.
    window.getSelection()?.removeAllRanges();
    setEditor({ mode: 'create', articleId: current.id, ...range });
  };

  const closeEditor = () => {
    const body = bodyRef.current;
    if (editor?.mode === 'create' && body) selectOffsets(body, editor.start, editor.end);
    setEditor(null);
  };

  const refreshArticle = async (articleId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.article(articleId) }),
      queryClient.invalidateQueries({ queryKey: keys.articles }),
    ]);
  };

  /**
   * Puts this window's own claim change into the cached article. A fetch of the article already
   * under way may have read the claims before the change and would overwrite it, so it is
   * replaced by a fresh one.
   */
  const putInArticle = (articleId: string, update: (data: ArticleWithClaims) => ArticleWithClaims) => {
    const key = keys.article(articleId);
    const fetching = queryClient.isFetching({ queryKey: key }) > 0;
    queryClient.setQueryData<ArticleWithClaims>(key, (data) => data && update(data));
    if (fetching) void queryClient.invalidateQueries({ queryKey: key });
  };

  const onClaimSaved = (claim: Claim) => {
    const created = editor?.mode === 'create';
    setEditor(null);
    window.getSelection()?.removeAllRanges();
    // Draw the claim now, from the core's answer; the change event of this window's own save
    // refreshes only the library's counts (api/own-claim-changes.ts).
    putInArticle(claim.articleId, (data) => withSavedClaim(data, claim));
    selection.selectFromReader(claim.id);
    status.announce(created ? 'Claim saved.' : 'Claim updated.');
  };

  const onClaimDeleted = (claim: Claim) => {
    setDeleting(null);
    const at = shownClaims.findIndex((c) => c.id === claim.id);
    const neighbour = shownClaims[at + 1] ?? shownClaims[at - 1];
    selection.setSelectedClaimId(neighbour?.id ?? null);
    // As for a saved claim: gone at once, from the cache.
    putInArticle(claim.articleId, (data) => withoutClaim(data, claim.id));
    status.announce('Claim deleted.');
    // Keep keyboard users where they were: on the neighbouring card, or the article.
    requestAnimationFrame(() => {
      const card = neighbour && document.querySelector<HTMLElement>(`[data-testid="claim-card"][data-claim-id="${CSS.escape(neighbour.id)}"]`);
      (card ?? bodyRef.current)?.focus();
    });
  };

  const onImported = async (result: ImportResult) => {
    setDialog(null);
    await queryClient.invalidateQueries({ queryKey: keys.articles });
    openArticle(result.articleId);
    status.announce(
      result.status === 'imported' ? `Imported “${result.title}”.` : `“${result.title}” is already in the notebook, so it was not added again. It is open now.`,
    );
  };

  const fileImport = useFileImport({ onOpen: openArticle });
  // A search hit opens its article (a claim is selected and scrolled to) or the briefs.
  const openHit = (hit: SearchHit) => {
    setCentre(hit.kind === 'brief' ? 'briefs' : 'reader');
    if (hit.kind === 'brief' || !hit.articleId) return;
    openArticle(hit.articleId);
    if (hit.claimId) selection.selectFromSidebar(hit.claimId);
  };

  // A claim from a notebook-wide view: its article in the reader, the claim selected and shown.
  const openClaim = (articleId: string, claimId: string) => {
    setCentre('reader');
    openArticle(articleId);
    selection.selectFromSidebar(claimId);
  };

  useGlobalKeys({
    help: () => setDialog('help'),
    newArticle: () => setDialog('new-article'),
    claimSelection: claimFromSelection,
    nextClaim: () => selection.move(1),
    previousClaim: () => selection.move(-1),
    editClaim: () => selectedClaim && setEditor({ mode: 'edit', claim: selectedClaim }),
    deleteClaim: () => selectedClaim && setDeleting(selectedClaim),
    focusSearch: () => searchRef.current?.focus(),
    searchNotebook: () => notebookSearchRef.current?.focus(),
    readerShown: () => centre === 'reader',
    focusPane: (pane) => {
      const target =
        pane === 1
          ? document.querySelector<HTMLElement>('.library-row--open, .library-row')
          : pane === 2
            ? bodyRef.current
            : document.querySelector<HTMLElement>('[data-testid="claim-card"][tabindex="0"]') ?? searchRef.current;
      target?.focus();
    },
  });

  return (
    <div className="app">
      <header className="app-bar">
        <span className="brand">Stancebook</span>
        {info.data && <span className="app-bar__notebook">{info.data.name}</span>}
        <span className="toolbar-spacer" />
        <SearchBox onOpenHit={openHit} inputRef={notebookSearchRef} />
        <HistoryButtons />
        <NotebookMenu onOpenArticle={(id) => { setCentre('reader'); openArticle(id); }} />
        {(['positions', 'networks', 'codebook', 'briefs'] as const).map((view) => (
          <button key={view} type="button" className="button button--quiet button--small" aria-pressed={centre === view} onClick={() => toggleCentre(view)}>
            {CENTRE_LABEL[view]}
          </button>
        ))}
        <button type="button" className="button button--quiet button--small" onClick={() => setDialog('help')} aria-keyshortcuts="?">
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </header>
      <div className="workspace">
        <LibraryPane
          articles={articles.data}
          isLoading={articles.isLoading}
          openArticleId={openArticleId}
          onOpen={openArticle}
          onNewArticle={() => setDialog('new-article')}
          onImportFiles={fileImport.add}
        />
        <main className="pane reader-pane" aria-label={CENTRE_LABEL[centre]}>
          {centre === 'positions' ? (
            <PositionsView lookup={lookup} onOpenClaim={openClaim} />
          ) : centre === 'networks' ? (
            <NetworksView lookup={lookup} onOpenClaim={openClaim} />
          ) : centre === 'codebook' ? (
            <CodebookView codebook={codebook.data} />
          ) : centre === 'briefs' ? (
            <BriefsView citeClaim={selectedClaim} currentArticleId={openArticleId} />
          ) : article.data && codebook.data ? (
            <ReaderPane
              data={article.data}
              lookup={lookup}
              bodyRef={bodyRef}
              selectedClaimId={selection.selectedClaimId}
              scrollRequest={selection.readerScroll}
              visibleIds={visibleIds}
              onSelectClaim={selection.selectFromReader}
              onEditDetails={() => setDialog('details')}
              onClaimSelection={claimFromSelection}
            />
          ) : (
            <p className="empty-note empty-note--centre">{article.isLoading || articles.isLoading ? 'Opening…' : 'Choose an article in the library, or add one.'}</p>
          )}
          {centre === 'reader' && article.data && codebook.data && (
            <SuggestionsPanel
              key={article.data.article.id}
              articleId={article.data.article.id}
              drawnFor={article.data}
              bodyRef={bodyRef}
              lookup={lookup}
              onEdit={(edit) => setEditor({ mode: 'create', ...edit })}
            />
          )}
          <BackgroundSuggester articles={articles.data} />
        </main>
        <ClaimSidebar
          allClaims={allClaims}
          claims={shownClaims}
          lookup={lookup}
          codebook={codebook.data}
          filter={filter}
          onFilterChange={setFilter}
          selectedClaimId={selection.selectedClaimId}
          scrollRequest={selection.sidebarScroll}
          searchRef={searchRef}
          onSelect={selection.selectFromSidebar}
          onMove={selection.move}
          onEdit={(claim) => setEditor({ mode: 'edit', claim })}
          onDelete={setDeleting}
        />
      </div>
      {editor && article.data && codebook.data && (
        <ClaimEditorDialog
          target={editor}
          articleText={article.data.article.text}
          codebook={codebook.data}
          lookup={lookup}
          onClose={closeEditor}
          onSaved={onClaimSaved}
        />
      )}
      {deleting && <DeleteClaimDialog claim={deleting} onClose={() => setDeleting(null)} onDeleted={onClaimDeleted} />}
      {dialog === 'new-article' && <NewArticleDialog onClose={() => setDialog(null)} onImported={(r) => void onImported(r)} />}
      {dialog === 'details' && article.data && (
        <EditDetailsDialog
          article={article.data.article}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void refreshArticle(article.data.article.id);
            status.announce('Details saved.');
          }}
        />
      )}
      {fileImport.element}
      {dialog === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
    </div>
  );
}
