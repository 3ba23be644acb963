import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const KEY = 'stancebook.readerPlaces';
/** Places kept: the most recently read articles. */
const KEEP = 100;

type Places = Record<string, number>;

function load(): Places {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Places) : {};
  } catch {
    return {};
  }
}

function save(places: Places): void {
  try {
    const entries = Object.entries(places);
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries.slice(-KEEP))));
  } catch {
    // Storage can be unavailable or full; the place is a convenience only.
  }
}

/** Frames over which a remembered place is applied again while the reader has not left its top. */
const RESTORE_FRAMES = 60;

/** Puts `id`'s place last (the most recently read) and saves the places. */
function remember(places: { current: Places }, id: string, top: number): void {
  const next = { ...places.current };
  delete next[id];
  next[id] = top;
  places.current = next;
  save(next);
}

/**
 * Remembers where the analyst was in each article (the reader's scroll position) and goes back
 * there when the article is shown again: after another view, another article, or a restart.
 * `articleId` is the article the reader shows now, or null while it shows none.
 */
export function useReaderPlace(
  containerRef: RefObject<HTMLElement | null>,
  articleId: string | null,
): { forget(id: string): void; storeNow(): void } {
  const places = useRef<Places>(load());
  const skip = useRef<string | null>(null);
  /** The article shown, as of the last commit. */
  const shown = useRef<string | null>(null);
  useLayoutEffect(() => {
    shown.current = articleId;
  }, [articleId]);

  /**
   * Stores where the reader is now, read from the page: called as the analyst leaves the article
   * (another view, another article, the page closed), while the text is still there. The scroll
   * events below store it too, but a browser may not report a scroll (Chromium on a busy machine
   * did not, for a scroll made by script), and the place must not depend on it.
   */
  const storeNow = useCallback(() => {
    const id = shown.current;
    const scroller = containerRef.current?.querySelector<HTMLElement>('.reader-scroll');
    if (!id || !scroller) return;
    const top = Math.round(scroller.scrollTop);
    if (places.current[id] !== top) remember(places, id, top);
  }, [containerRef]);
  useEffect(() => {
    window.addEventListener('pagehide', storeNow);
    return () => window.removeEventListener('pagehide', storeNow);
  }, [storeNow]);

  // Follow the scrolling (scroll events do not bubble: listen in the capture phase). A layout
  // effect: listening from the commit that shows the article, before it is painted. A passive
  // effect can run after the paint on a busy machine, and a scroll made in between was lost.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container || !articleId) return;
    let frame = 0;
    // Read at the scroll, so a store at cleanup never reads an element already taken out.
    let pending: number | null = null;
    const store = () => {
      if (pending === null) return;
      remember(places, articleId, pending);
      pending = null;
    };
    const onScroll = (event: Event) => {
      const target = event.target as HTMLElement;
      if (!target.classList?.contains('reader-scroll')) return;
      pending = Math.round(target.scrollTop);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(store);
    };
    container.addEventListener('scroll', onScroll, true);
    return () => {
      // A scroll not yet stored when the article or view changes is stored now, not dropped.
      cancelAnimationFrame(frame);
      store();
      container.removeEventListener('scroll', onScroll, true);
    };
  }, [containerRef, articleId]);

  // Back to the place when the article is shown, unless a claim to scroll to was asked for. A
  // passive effect of the parent runs after the reader's own (which scrolls to the last claim
  // asked for), so the remembered place wins when the analyst comes back.
  useEffect(() => {
    if (!articleId) return;
    if (skip.current === articleId) {
      skip.current = null;
      return;
    }
    const top = places.current[articleId];
    if (!top) return;
    // Applied again over the next frames whenever the reader stands at its top: on a busy machine
    // the text could be laid out, or the scroller drawn anew, after the first try (the place came
    // back as 0 after a restart). Never once the reader is somewhere else.
    let frame = 0;
    let tries = RESTORE_FRAMES;
    const apply = () => {
      const scroller = containerRef.current?.querySelector<HTMLElement>('.reader-scroll');
      if (scroller && scroller.scrollTop === 0) scroller.scrollTop = top;
      // Kept up while the reader is at its top or at the place; stopped once it is elsewhere (the analyst scrolled).
      if (--tries > 0 && (!scroller || scroller.scrollTop === 0 || Math.round(scroller.scrollTop) === top)) frame = requestAnimationFrame(apply);
    };
    apply();
    return () => cancelAnimationFrame(frame);
  }, [containerRef, articleId]);

  const forget = useCallback((id: string) => {
    skip.current = id;
  }, []);
  return { forget, storeNow };
}
