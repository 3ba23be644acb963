import { useEffect, useState, type RefObject } from 'react';

interface SelectionAdderProps {
  bodyRef: RefObject<HTMLElement | null>;
  /** The scrolling box the adder is placed in (it scrolls with the text). */
  scrollRef: RefObject<HTMLElement | null>;
  onClaim(): void;
  /** True while the editor is open on the selection: the adder would be in the way. */
  hidden: boolean;
}

/**
 * A small "Claim (C)" button by a selection made with the mouse: one selection, one click, then
 * the fields. Keyboard selections (Shift+arrows, S) go on with C and get no button, which would
 * only sit in the tab order. Placed just above the selection's end (below it near the top).
 */
export function SelectionAdder({ bodyRef, scrollRef, onClaim, hidden }: SelectionAdderProps) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);

  useEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollRef.current;
    if (!body || !scroller) return;
    const place = () => {
      const selection = window.getSelection();
      if (
        !selection ||
        selection.isCollapsed ||
        selection.rangeCount === 0 ||
        !body.contains(selection.anchorNode) ||
        !body.contains(selection.focusNode)
      ) {
        setAt(null);
        return;
      }
      const rects = selection.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1];
      if (!last) return setAt(null);
      const box = scroller.getBoundingClientRect();
      const above = last.top - box.top + scroller.scrollTop - 38;
      const top = above < scroller.scrollTop + 48 ? last.bottom - box.top + scroller.scrollTop + 6 : above;
      const left = Math.min(Math.max(8, last.right - box.left - 40), scroller.clientWidth - 110);
      setAt({ top, left });
    };
    const onUp = (event: MouseEvent) => {
      if (body.contains(event.target as Node)) requestAnimationFrame(place);
    };
    // A selection the mouse made shows the adder; any change that empties it hides it.
    const onChange = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed) setAt(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'c' && event.key !== 'C') setAt(null);
    };
    document.addEventListener('mouseup', onUp);
    document.addEventListener('selectionchange', onChange);
    body.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('selectionchange', onChange);
      body.removeEventListener('keydown', onKey);
    };
  }, [bodyRef, scrollRef]);

  if (!at || hidden) return null;
  return (
    <button
      type="button"
      className="selection-adder button button--primary button--small"
      style={{ top: at.top, left: at.left }}
      aria-keyshortcuts="c"
      // Pressing the button must not take the selection away before the click reads it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        setAt(null);
        onClaim();
      }}
      data-testid="selection-adder"
    >
      Claim <kbd>C</kbd>
    </button>
  );
}
