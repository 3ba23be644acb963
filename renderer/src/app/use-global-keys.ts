import { useEffect, useRef } from 'react';
import { VIEWS, type View } from './views';

/** How long after G the view letter may follow (ms of event time, not a timer). */
const SEQUENCE_MS = 2000;

/** The app-wide shortcuts (see features/help/shortcuts.ts); each handler may be absent. */
export interface GlobalKeyHandlers {
  help(): void;
  newArticle(): void;
  claimSelection(): void;
  nextClaim(): void;
  previousClaim(): void;
  editClaim(): void;
  deleteClaim(): void;
  focusSearch(): void;
  /** Ctrl+K: the notebook-wide search in the app bar. */
  searchNotebook?(): void;
  focusPane(pane: 1 | 2 | 3): void;
  /**
   * Whether the article (and its claims) is what the centre pane shows: J, K, E and Delete act
   * on the selected claim only then, not over the codebook or the briefs.
   */
  readerShown(): boolean;
  /** G then R, P, C, B or T: show that view (features/help/shortcuts.ts). */
  goTo?(view: View): void;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type);
}

/**
 * Listens for the shortcuts on the window. Keys typed into fields and keys inside an open
 * dialog are left alone: dialogs have their own keys, and a letter in a field is a letter.
 */
export function useGlobalKeys(handlers: GlobalKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    // When G was pressed (event time), waiting for the view's letter.
    let goPressedAt: number | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('.modal-overlay')) return;
      // Ctrl+K searches the notebook from anywhere, even while typing (a brief, a claim's note).
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        (event.key === 'k' || event.key === 'K') &&
        latest.current.searchNotebook
      ) {
        event.preventDefault();
        latest.current.searchNotebook();
        return;
      }
      if (typingIn(event.target)) return;
      // A docked pane with its own keys (the claim editor: 1–5, Escape, Ctrl+Enter) keeps them.
      if (event.target instanceof Element && event.target.closest('[data-own-keys]')) return;
      const h = latest.current;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (goPressedAt !== null && plain && event.key !== 'Shift') {
        const view = event.timeStamp - goPressedAt <= SEQUENCE_MS ? VIEWS.find((v) => v.key === event.key.toUpperCase()) : undefined;
        goPressedAt = null;
        if (view && h.goTo) {
          h.goTo(view.id);
          event.preventDefault();
          return;
        }
      }
      if (plain && (event.key === 'g' || event.key === 'G') && h.goTo) {
        goPressedAt = event.timeStamp;
        event.preventDefault();
        return;
      }
      let handled = true;
      if (event.altKey && !event.ctrlKey && ['1', '2', '3'].includes(event.key)) h.focusPane(Number(event.key) as 1 | 2 | 3);
      else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) h.claimSelection();
      else if (event.key === '?' && !event.ctrlKey && !event.metaKey) h.help();
      else if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'k' || event.key === 'K')) h.searchNotebook?.();
      else if (!plain) handled = false;
      else if (event.key === 'c' || event.key === 'C') h.claimSelection();
      else if (event.key === 'n' || event.key === 'N') h.newArticle();
      else if (['j', 'k', 'e', 'E', 'Delete'].includes(event.key) && !h.readerShown()) handled = false;
      else if (event.key === 'j') h.nextClaim();
      else if (event.key === 'k') h.previousClaim();
      else if (event.key === 'e' || event.key === 'E') h.editClaim();
      else if (event.key === 'Delete') h.deleteClaim();
      else if (event.key === '/') h.focusSearch();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
