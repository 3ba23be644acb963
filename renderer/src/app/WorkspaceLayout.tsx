import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { useMediaQuery } from './use-media-query';

/** At this width and below the library is a drawer over the reader, not a pane beside it. */
export const DRAWER_QUERY = '(max-width: 1280px)';

interface WorkspaceLayoutProps {
  library: ReactNode;
  centre: ReactNode;
  sidebar: ReactNode;
  /** The library drawer (narrow windows) is open. */
  drawerOpen: boolean;
  onCloseDrawer(): void;
  /** Collapsed panes (wide windows: library and claims; narrow: claims). */
  libraryCollapsed: boolean;
  claimsCollapsed: boolean;
  /** The view has no use for the claims (Positions, Codebook, Trash): folded away, not remembered as collapsed. */
  claimsHidden: boolean;
  onCollapsedChange(pane: 'library' | 'claims', collapsed: boolean): void;
}

/**
 * The panes: library | centre | claims, with separators to drag (or focus and move with the
 * arrow keys) and panes that collapse. At 1280 px and less the library folds into a drawer.
 * Sizes are remembered per layout.
 */
export function WorkspaceLayout(props: WorkspaceLayoutProps) {
  const narrow = useMediaQuery(DRAWER_QUERY);
  const libraryPanel = usePanelRef();
  const claimsPanel = usePanelRef();
  const panelIds = narrow ? ['centre', 'claims'] : ['library', 'centre', 'claims'];
  const layout = useDefaultLayout({
    id: narrow ? 'stancebook-narrow' : 'stancebook-wide',
    panelIds,
    storage: localStorage,
    onlySaveAfterUserInteractions: true,
  });
  const drawerRef = useRef<HTMLDivElement>(null);

  // The app bar's buttons collapse and expand the panes; dragging them shut reports back.
  useEffect(() => {
    const panel = libraryPanel.current;
    if (!panel) return;
    if (props.libraryCollapsed && !panel.isCollapsed()) panel.collapse();
    if (!props.libraryCollapsed && panel.isCollapsed()) panel.expand();
  }, [props.libraryCollapsed, libraryPanel, narrow]);
  useEffect(() => {
    const panel = claimsPanel.current;
    if (!panel) return;
    const shut = props.claimsCollapsed || props.claimsHidden;
    if (shut && !panel.isCollapsed()) panel.collapse();
    if (!shut && panel.isCollapsed()) panel.expand();
  }, [props.claimsCollapsed, props.claimsHidden, claimsPanel, narrow]);

  // Escape closes the drawer; a click on the reader beside it too.
  const { drawerOpen, onCloseDrawer } = props;
  useEffect(() => {
    if (!narrow || !drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('.modal-overlay')) {
        event.preventDefault();
        onCloseDrawer();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [narrow, drawerOpen, onCloseDrawer]);

  const onResize = (pane: 'library' | 'claims') => (size: { asPercentage: number }) => {
    if (pane === 'claims' && props.claimsHidden) return;
    const collapsed = size.asPercentage < 0.5;
    if (collapsed !== (pane === 'library' ? props.libraryCollapsed : props.claimsCollapsed)) props.onCollapsedChange(pane, collapsed);
  };

  return (
    <div className={`workspace${narrow ? ' workspace--narrow' : ''}`}>
      {narrow && (
        <>
          <div
            ref={drawerRef}
            className={`library-drawer${drawerOpen ? ' library-drawer--open' : ''}`}
            // Closed, the drawer is out of the tab order and the accessibility tree.
            inert={!drawerOpen}
            data-testid="library-drawer"
          >
            {props.library}
          </div>
          {drawerOpen && <div className="library-drawer__scrim" aria-hidden="true" onClick={onCloseDrawer} />}
        </>
      )}
      <Group
        key={narrow ? 'narrow' : 'wide'}
        className="workspace__panes"
        orientation="horizontal"
        defaultLayout={layout.defaultLayout}
        onLayoutChanged={layout.onLayoutChanged}
      >
        {!narrow && (
          <>
            <Panel
              id="library"
              panelRef={libraryPanel}
              className="workspace__panel"
              defaultSize="19%"
              minSize="210px"
              maxSize="40%"
              collapsible
              onResize={onResize('library')}
            >
              {props.library}
            </Panel>
            <Separator className="pane-separator" aria-label="Resize the library" />
          </>
        )}
        <Panel id="centre" className="workspace__panel" minSize="420px">
          {props.centre}
        </Panel>
        <Separator className="pane-separator" aria-label="Resize the claims" disabled={props.claimsHidden} />
        <Panel
          id="claims"
          panelRef={claimsPanel}
          className="workspace__panel"
          defaultSize={narrow ? '330px' : '26%'}
          minSize="290px"
          maxSize="50%"
          collapsible
          onResize={onResize('claims')}
        >
          <div className="workspace__claims" inert={props.claimsHidden} hidden={props.claimsHidden}>
            {props.sidebar}
          </div>
        </Panel>
      </Group>
    </div>
  );
}
