import { useEffect, useState, type RefObject } from 'react';

/**
 * Draws the keyboard caret in the article: static text has no visible caret of its own, and
 * a keyboard selection model without one is guesswork.
 */
export function ReaderCaret({ bodyRef }: { bodyRef: RefObject<HTMLElement | null> }) {
  const [box, setBox] = useState<{ top: number; left: number; height: number } | null>(null);

  useEffect(() => {
    const update = () => {
      const body = bodyRef.current;
      const selection = window.getSelection();
      const origin = body?.parentElement?.getBoundingClientRect();
      if (!body || !origin || !selection || selection.rangeCount === 0 || document.activeElement !== body) {
        setBox(null);
        return;
      }
      if (!selection.focusNode || !body.contains(selection.focusNode)) {
        setBox(null);
        return;
      }
      const range = document.createRange();
      range.setStart(selection.focusNode, selection.focusOffset);
      range.collapse(true);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      if (!rect || rect.height === 0) {
        setBox(null);
        return;
      }
      setBox({ top: rect.top - origin.top, left: rect.left - origin.left, height: rect.height });
    };
    document.addEventListener('selectionchange', update);
    const body = bodyRef.current;
    body?.addEventListener('focus', update);
    body?.addEventListener('blur', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      body?.removeEventListener('focus', update);
      body?.removeEventListener('blur', update);
    };
  }, [bodyRef]);

  if (!box) return null;
  return <div className="reader-caret" aria-hidden="true" style={{ top: box.top, left: box.left, height: box.height }} />;
}
