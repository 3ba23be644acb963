import { startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '../../../shared/api';
import type { SearchHit } from '../../../shared/api/contract-search';
import type { Claim } from '../../../shared/model';
import { useStatus } from '../components/status-context';
import { ClaimEditorPanel, type ClaimEditorTarget } from '../features/claims/ClaimEditorPanel';
import { ClaimSidebar } from '../features/claims/ClaimSidebar';
import { DeleteClaimDialog } from '../features/claims/DeleteClaimDialog';
import { NO_FILTER, filterClaims, isFiltering, type ClaimFilter } from '../features/claims/claim-filters';
import { makeLookup } from '../features/claims/codebook-lookup';
import { useClaimMutations } from '../features/claims/claim-mutations';
import { claimCard, tabStopClaimCard, whenDrawn } from '../features/claims/claim-card-refs';
import { BlindCodingBar } from '../features/coders/BlindCodingBar';
import { CoderControl } from '../features/coders/CoderControl';
import { NotebookMenu } from '../features/export/NotebookMenu';
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
import { RecoveryBanner } from '../components/RecoveryBanner';
import { readingIndex } from './claim-cache';
import { keys, useArticle, useCodebook, useNotebookInfo } from './queries';
import { useArticleFallback } from './use-article-fallback';
import { useClaimSelection } from './use-claim-selection';
import { useGlobalKeys } from './use-global-keys';
import { useLastArticle } from './use-last-article';
import { DeleteArticleDialog } from '../features/library/DeleteArticleDialog';
import { useTrash } from '../features/trash/trash-queries';
import { AppBarTools } from './AppBarTools';
import { useReaderPlace } from './use-reader-place';
import { ViewNav } from './ViewNav';
import { useRememberedView, type View } from './views';
import { AgreementView, BriefsView, CodebookView, NetworksView, SyncView, TrashView, isLazyView, loadViewCode, preloadViews } from './lazy-views';
import { prefetchFirstNetwork } from '../features/networks/network-request';
import { DRAWER_QUERY, WorkspaceLayout } from './WorkspaceLayout';
import { useMediaQuery } from './use-media-query';
import { useUndoToasts } from './use-undo-toasts';
import { WelcomeCard, isSample } from './WelcomeCard';

type OpenDialog = 'new-article' | 'details' | 'help' | null;

const CENTRE_LABEL: Record<View, string> = {
  reader: 'Article',
  codebook: 'Codebook',
  briefs: 'Briefs',
  positions: 'Positions',
  networks: 'Networks',
  trash: 'Trash',
  agreement: 'Agreement',
  sync: 'Sync',
};

/** The three panes and the dialogs over them, and the state they share. */
export function Workspace() {
  const status = useStatus();
  const queryClient = useQueryClient();
  const info = useNotebookInfo();
  useSuggestionEvents();
  const codebook = useCodebook();
  const [openArticleId, setOpenArticleId] = useLastArticle();
  // The remembered article if the library still has it, else the newest: no full list is fetched.
  const libraryError = useArticleFallback(openArticleId, setOpenArticleId);
  const article = useArticle(openArticleId);
  const lookup = useMemo(() => makeLookup(codebook.data), [codebook.data]);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // What the centre pane shows: the open article, or one of the notebook-wide views.
  const [centre, setCentre] = useRememberedView();
  // Positions, Networks and Trash are notebook-wide and need the room: they fold the claims pane away.
  const showsClaims = centre !== 'positions' && centre !== 'networks' && centre !== 'trash' && centre !== 'agreement' && centre !== 'sync';
  const trash = useTrash();
  const undoToasts = useUndoToasts();
  const [deletingArticle, setDeletingArticle] = useState<{ id: string; title: string; claimCount: number } | null>(null);
  const narrow = useMediaQuery(DRAWER_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState({ library: false, claims: false });
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const mainRef = useRef<HTMLElement>(null);
  // Alt+2 (or the nav) asked for the article text: focused once the reader is drawn.
  const [focusReader, setFocusReader] = useState(0);
  const [editor, setEditor] = useState<ClaimEditorTarget | null>(null);
  const [deleting, setDeleting] = useState<Claim | null>(null);
  /** The claim to focus once the delete dialog has closed (null: the article); undefined when none is waiting. */
  const focusAfterDelete = useRef<string | null | undefined>(undefined);
  const bodyRef = useRef<HTMLDivElement>(null);
  const editorPanelRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const notebookSearchRef = useRef<HTMLInputElement>(null);

  const allClaims = useMemo(() => article.data?.claims ?? [], [article.data]);
  const shownClaims = useMemo(() => filterClaims(allClaims, filter, lookup), [allClaims, filter, lookup]);
  const visibleIds = useMemo(() => (isFiltering(filter) ? new Set(shownClaims.map((c) => c.id)) : null), [filter, shownClaims]);
  const selection = useClaimSelection(shownClaims);
  const selectedClaim = allClaims.find((c) => c.id === selection.selectedClaimId) ?? null;

  // The other views' code, fetched once the page is idle after its first paint.
  useEffect(() => preloadViews(), []);

  // A lazily loaded view reopened by a reload (the remembered view): its code (and the Networks
  // view's first network) is asked for at once, and the view is first rendered in a transition once
  // its code is there. Rendered at once it would suspend outside a transition: React shows the
  // fallback and then holds the view back until 300 ms after it (its fallback throttle).
  const [firstViewReady, setFirstViewReady] = useState(() => !isLazyView(centre));
  useEffect(() => {
    if (firstViewReady) return;
    if (centre === 'networks') prefetchFirstNetwork(queryClient);
    let live = true;
    void loadViewCode(centre).finally(() => {
      if (live) startTransition(() => setFirstViewReady(true));
    });
    return () => {
      live = false;
    };
    // Once, for the view the page opens on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    for (const [what, error] of [
      ['The notebook', info.error],
      ['The library', libraryError],
      ['The codebook', codebook.error],
      ['The article', article.error],
    ] as const) {
      if (error) status.reportError(error, `${what} could not be loaded`);
    }
  }, [info.error, libraryError, codebook.error, article.error, status]);

  const place = useReaderPlace(mainRef, centre === 'reader' && !!article.data ? openArticleId : null);

  /** Shows an article in the reader, whatever view was showing: the library is always one click from it. */
  const openArticle = (id: string, options: { keepPlace?: boolean } = {}) => {
    place.storeNow();
    if (id !== openArticleId) {
      selection.setSelectedClaimId(null);
      setFilter(NO_FILTER);
    }
    setOpenArticleId(id);
    setCentre('reader');
    setDrawerOpen(false);
    // A claim to scroll to decides where the reader opens; else it opens where it was left.
    // (Already shown, the article is not opened again, so there is no place to skip.)
    if (options.keepPlace === false && !(centre === 'reader' && id === openArticleId && article.data)) place.forget(id);
  };

  // A view's code and first data start loading when its button is pointed at or pressed.
  const prepareView = (view: View, pressed: boolean) => {
    loadViewCode(view);
    if (pressed && view === 'networks') prefetchFirstNetwork(queryClient);
  };
  const goTo = (view: View) => {
    place.storeNow();
    prepareView(view, true);
    // A transition: the view shown stays until the next one's code is there, and the next one is
    // drawn as soon as it is. (Shown at once, a lazily loaded view suspends: React shows
    // "Loading…", then holds the view back until 300 ms after that, which at start-up was most
    // of the Networks view's first paint.)
    startTransition(() => setCentre(view));
    setDrawerOpen(false);
  };

  // Alt+1 and Alt+3: focused once the drawer, pane or view asked for is drawn (two frames: the
  // panel library sizes a pane it expands on the next one).
  const [focusPane, setFocusPane] = useState<{ pane: 1 | 3; serial: number } | null>(null);
  useEffect(() => {
    if (!focusPane) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const target =
          focusPane.pane === 1 ? document.querySelector<HTMLElement>('.library-row--open, .library-row') : (tabStopClaimCard() ?? searchRef.current);
        target?.focus();
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [focusPane]);

  useEffect(() => {
    if (!focusReader || centre !== 'reader' || !article.data) return;
    requestAnimationFrame(() => bodyRef.current?.focus({ preventScroll: true }));
  }, [focusReader, centre, article.data]);

  const claimFromSelection = () => {
    const body = bodyRef.current;
    const current = article.data?.article;
    if (!body || !current) return;
    const range = selectionToOffsets(body, current.text, window.getSelection());
    if (!range) {
      status.reportError(
        'Select the words of the claim in the article first: drag with the mouse, or in the article text use Shift+arrows or S for a sentence.',
      );
      return;
    }
    // The editor has the range; a live selection deep in a long article made every frame drawn
    // while the editor is open (each keystroke, the save) walk the layout up to it. Cancelling
    // puts the selection back.
    window.getSelection()?.removeAllRanges();
    // A new selection while a new claim is being coded moves that claim's range, keeping what
    // was typed (the panel is keyed by mode, so it stays): reselecting never throws work away.
    setEditor({ mode: 'create', articleId: current.id, ...range });
  };

  const closeEditor = () => {
    const body = bodyRef.current;
    if (editor?.mode === 'create' && body) selectOffsets(body, editor.start, editor.end);
    setEditor(null);
    focusAfterEditor(editor);
  };

  /** The editor is a pane, not a dialog: focus goes back by hand, to the text or the edited card. */
  const focusAfterEditor = (closed: ClaimEditorTarget | null) => {
    // The claim list comes back in place of the editor and draws its cards a frame or two later
    // (it is virtualised): wait for the edited card for up to ~20 frames, then fall back to the text.
    const toText = () => bodyRef.current?.focus({ preventScroll: true });
    if (closed?.mode === 'edit') whenDrawn(closed.claim.id, (card) => card.focus({ preventScroll: true }), toText);
    else requestAnimationFrame(toText);
  };

  const claimMutations = useClaimMutations();

  const refreshArticle = async (articleId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.article(articleId) }),
      queryClient.invalidateQueries({ queryKey: keys.articles }),
    ]);
  };

  const onClaimSaved = (claim: Claim) => {
    const created = editor?.mode === 'create';
    focusAfterEditor(editor);
    setEditor(null);
    window.getSelection()?.removeAllRanges();
    // The editor has put the claim in the cache (claims/claim-mutations.ts).
    selection.selectFromReader(claim.id);
    status.announce(created ? 'Claim saved.' : 'Claim updated.');
  };

  const onClaimDeleted = (claim: Claim) => {
    setDeleting(null);
    // The claim left the list when the delete was confirmed (claims/claim-mutations.ts): its
    // neighbours are the claims on either side of its place.
    const at = shownClaims.findIndex((c) => c.id === claim.id);
    const next = at >= 0 ? at + 1 : readingIndex(shownClaims, claim);
    const neighbour = shownClaims[next] ?? shownClaims[(at >= 0 ? at : next) - 1];
    selection.setSelectedClaimId(neighbour?.id ?? null);
    // As for a saved claim: gone at once, from the cache.
    claimMutations.deleted(claim);
    undoToasts.claimDeleted(claim);
    // Keep keyboard users where they were: on the neighbouring card, or the article (below, once the dialog is gone).
    focusAfterDelete.current = neighbour?.id ?? null;
  };
  // The dialog gives focus back, in the frame after it unmounts, to what opened it: the deleted
  // card's button, gone by then, so focus would fall to the page. The neighbour is focused in a
  // frame asked for after that unmount (this effect runs after the commit that removed the dialog),
  // so it comes after the dialog's restore however late a busy machine commits.
  useEffect(() => {
    const id = focusAfterDelete.current;
    if (deleting || id === undefined) return;
    const frame = requestAnimationFrame(() => {
      focusAfterDelete.current = undefined;
      ((id && claimCard(id)) || bodyRef.current)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [deleting]);

  const onImported = async (result: ImportResult) => {
    setDialog(null);
    await queryClient.invalidateQueries({ queryKey: keys.articles });
    openArticle(result.articleId);
    status.announce(
      result.status === 'imported'
        ? `Imported “${result.title}”.`
        : `“${result.title}” is already in the notebook, so it was not added again. It is open now.`,
    );
  };

  const fileImport = useFileImport({ onOpen: openArticle });
  // A search hit opens its article (a claim is selected and scrolled to) or the briefs.
  const openHit = (hit: SearchHit) => {
    if (hit.kind === 'brief' || !hit.articleId) {
      setCentre(hit.kind === 'brief' ? 'briefs' : 'reader');
      return;
    }
    openArticle(hit.articleId, { keepPlace: !hit.claimId });
    if (hit.claimId) selection.selectFromSidebar(hit.claimId);
  };

  // A claim from a notebook-wide view: its article in the reader, the claim selected and shown.
  const openClaim = (articleId: string, claimId: string) => {
    openArticle(articleId, { keepPlace: false });
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
    goTo,
    focusPane: (pane) => {
      if (pane === 2) {
        // The article, whatever view was showing (it was stuck on Codebook, Briefs and Positions).
        setCentre('reader');
        setDrawerOpen(false);
        setFocusReader((n) => n + 1);
        return;
      }
      if (pane === 1) {
        if (narrow) setDrawerOpen(true);
        if (collapsed.library) setCollapsed((c) => ({ ...c, library: false }));
      } else {
        // The claims: shown again where collapsed, and where the view folds them away, the reader.
        if (collapsed.claims) setCollapsed((c) => ({ ...c, claims: false }));
        if (!showsClaims) setCentre('reader');
        // The claim editor, while it is docked in the claims pane: its first field.
        const field = editorPanelRef.current?.querySelector('input');
        if (field) {
          field.focus();
          return;
        }
      }
      setFocusPane({ pane, serial: Date.now() });
    },
  });

  const library = (
    <LibraryPane
      openArticleId={openArticleId}
      onOpen={openArticle}
      onNewArticle={() => setDialog('new-article')}
      onImportFiles={fileImport.add}
      onDelete={(a) => setDeletingArticle({ id: a.id, title: a.title, claimCount: a.claimCount })}
    />
  );

  return (
    <div className="app">
      <header className="app-bar">
        {narrow && (
          <button
            type="button"
            className="button button--quiet button--small app-bar__library"
            aria-expanded={drawerOpen}
            aria-controls="library-drawer"
            aria-keyshortcuts="Alt+1"
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            Library
          </button>
        )}
        <span className="brand">Stancebook</span>
        {info.data && <span className="app-bar__notebook">{info.data.name}</span>}
        <ViewNav view={centre} onChange={goTo} onPrepare={prepareView} trashCount={trash.data?.length ?? null} />
        <span className="toolbar-spacer" />
        <SearchBox onOpenHit={openHit} inputRef={notebookSearchRef} articleBodyRef={bodyRef} />
        <CoderControl />
        <HistoryButtons />
        <NotebookMenu onOpenArticle={(id) => openArticle(id)} />
        <AppBarTools
          claimsCollapsed={showsClaims ? collapsed.claims : null}
          onToggleClaims={() => setCollapsed((c) => ({ ...c, claims: !c.claims }))}
          libraryCollapsed={narrow ? null : collapsed.library}
          onToggleLibrary={() => setCollapsed((c) => ({ ...c, library: !c.library }))}
          onHelp={() => setDialog('help')}
        />
      </header>
      <RecoveryBanner info={info.data} />
      <WorkspaceLayout
        library={library}
        drawerOpen={drawerOpen}
        onCloseDrawer={closeDrawer}
        libraryCollapsed={collapsed.library}
        claimsCollapsed={collapsed.claims}
        claimsHidden={!showsClaims}
        onCollapsedChange={(pane, value) => setCollapsed((c) => (c[pane] === value ? c : { ...c, [pane]: value }))}
        centre={
          <main ref={mainRef} className="pane reader-pane" aria-label={CENTRE_LABEL[centre]} data-view={centre}>
            {/* The views other than the reader are loaded on first use (lazy-views.tsx). */}
            {!firstViewReady && isLazyView(centre) ? (
              <p className="view-loading" role="status">
                Loading…
              </p>
            ) : (
              <Suspense
                fallback={
                  <p className="view-loading" role="status">
                    Loading…
                  </p>
                }
              >
                {centre === 'positions' ? (
                  <PositionsView lookup={lookup} onOpenClaim={openClaim} />
                ) : centre === 'networks' ? (
                  <NetworksView lookup={lookup} onOpenClaim={openClaim} />
                ) : centre === 'codebook' ? (
                  <CodebookView codebook={codebook.data} />
                ) : centre === 'briefs' ? (
                  <BriefsView citeClaim={selectedClaim} currentArticleId={openArticleId} />
                ) : centre === 'agreement' ? (
                  <AgreementView lookup={lookup} currentArticleId={openArticleId} onOpenClaim={openClaim} />
                ) : centre === 'sync' ? (
                  <SyncView />
                ) : centre === 'trash' ? (
                  <TrashView entries={trash.data} isLoading={trash.isLoading} onOpenArticle={(id) => openArticle(id)} />
                ) : article.data && codebook.data ? (
                  <>
                    {isSample(article.data.article) && <WelcomeCard onOpenPositions={() => goTo('positions')} />}
                    <BlindCodingBar article={article.data.article} />
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
                      pendingRange={editor?.mode === 'create' ? { start: editor.start, end: editor.end } : null}
                    />
                  </>
                ) : (
                  <p className="empty-note empty-note--centre">{article.isLoading ? 'Opening…' : 'Choose an article in the library, or add one.'}</p>
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
                <BackgroundSuggester />
              </Suspense>
            )}
          </main>
        }
        sidebar={
          // The claim editor docks in the claims pane, beside the text it codes, never over it.
          editor && article.data && codebook.data ? (
            <ClaimEditorPanel
              // One key per new claim being coded, so a reselection keeps the coding; a suggestion
              // opened for editing brings its own coding and starts afresh.
              key={editor.mode === 'edit' ? editor.claim.id : editor.coding ? `suggested-${editor.start}-${editor.end}` : `new-${editor.articleId}`}
              target={editor}
              articleText={article.data.article.text}
              codebook={codebook.data}
              lookup={lookup}
              onClose={closeEditor}
              onSaved={onClaimSaved}
              panelRef={editorPanelRef}
            />
          ) : (
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
              onSelect={(id) => {
                // A claim chosen in the sidebar is shown in the article, whatever view was showing.
                if (!showsClaims) setCentre('reader');
                selection.selectFromSidebar(id);
              }}
              onMove={selection.move}
              onEdit={(claim) => setEditor({ mode: 'edit', claim })}
              onDelete={setDeleting}
            />
          )
        }
      />
      {deleting && <DeleteClaimDialog claim={deleting} onClose={() => setDeleting(null)} onDeleted={onClaimDeleted} />}
      {deletingArticle && (
        <DeleteArticleDialog
          article={deletingArticle}
          onClose={() => setDeletingArticle(null)}
          onDeleted={() => {
            const gone = deletingArticle;
            setDeletingArticle(null);
            undoToasts.articleDeleted(gone, () => openArticle(gone.id));
          }}
        />
      )}
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
