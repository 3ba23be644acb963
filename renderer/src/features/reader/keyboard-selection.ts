/**
 * A keyboard selection model for the (non-editable) article text. Browsers only move a caret
 * through static text in caret-browsing mode, so the reader keeps its own: arrow keys move a
 * caret, Shift extends the selection, Ctrl/Alt widen the step. Selection.modify does the
 * language-aware stepping (words, sentences, lines).
 */

type Granularity = 'character' | 'word' | 'sentence' | 'line' | 'paragraph' | 'lineboundary';

interface Step {
  direction: 'forward' | 'backward';
  granularity: Granularity;
}

/** Which step a key asks for, or null when the key is not a caret key. */
function stepFor(event: KeyboardEvent | React.KeyboardEvent): Step | null {
  const word = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: event.altKey ? 'sentence' : word ? 'word' : 'character' };
    case 'ArrowLeft':
      return { direction: 'backward', granularity: event.altKey ? 'sentence' : word ? 'word' : 'character' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: word || event.altKey ? 'paragraph' : 'line' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: word || event.altKey ? 'paragraph' : 'line' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/** Puts a caret at the start of the first text in view, for a reader that has none yet. */
function placeCaret(root: HTMLElement, selection: Selection): void {
  const top = root.closest('.reader-scroll')?.getBoundingClientRect().top ?? 0;
  const segments = root.querySelectorAll<HTMLElement>('[data-seg]');
  // Segments run down the page in order: a binary search asks for a handful of boxes, where a
  // scan from the top would lay out every chunk above the view (see ArticleBody).
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid] as HTMLElement).getBoundingClientRect().bottom > top + 8) hi = mid;
    else lo = mid + 1;
  }
  const first = segments[lo] ?? segments[0];
  if (first?.firstChild) selection.collapse(first.firstChild, 0);
}

function selectionInside(root: HTMLElement, selection: Selection): boolean {
  return selection.rangeCount > 0 && !!selection.anchorNode && root.contains(selection.anchorNode);
}

/**
 * Handles a caret key in the reader. Returns true when it moved the caret or selection (the
 * caller then prevents the default scroll). Without Shift a caret moves; with Shift the
 * selection's focus end moves and the anchor stays.
 */
export function handleCaretKey(event: React.KeyboardEvent, root: HTMLElement): boolean {
  const step = stepFor(event);
  const selection = window.getSelection();
  if (!step || !selection) return false;
  if (!selectionInside(root, selection)) {
    placeCaret(root, selection);
    if (!event.shiftKey) return true;
  }
  // Chromium and WebKit implement modify(); it is not in the DOM typings of every TS version.
  const modify = (selection as Selection & { modify?: (a: string, d: string, g: string) => void }).modify;
  if (!modify) return false;
  if (!event.shiftKey && !selection.isCollapsed) {
    // Like a text editor: an arrow on a selection collapses it at the side it points to.
    if (step.direction === 'forward') selection.collapseToEnd();
    else selection.collapseToStart();
    return true;
  }
  modify.call(selection, event.shiftKey ? 'extend' : 'move', step.direction, step.granularity);
  if (!root.contains(selection.focusNode)) {
    // Never let the caret wander into the page around the article.
    modify.call(selection, event.shiftKey ? 'extend' : 'move', step.direction === 'forward' ? 'backward' : 'forward', 'character');
  }
  const focusElement = selection.focusNode?.parentElement;
  focusElement?.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Selects the sentence around the caret (or extends the selection to whole sentences). */
export function selectSentence(root: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection) return false;
  if (!selectionInside(root, selection)) placeCaret(root, selection);
  const modify = (selection as Selection & { modify?: (a: string, d: string, g: string) => void }).modify;
  if (!modify) return false;
  if (selection.isCollapsed) {
    modify.call(selection, 'move', 'backward', 'sentenceboundary');
    modify.call(selection, 'extend', 'forward', 'sentenceboundary');
  } else {
    modify.call(selection, 'extend', 'forward', 'sentence');
  }
  return true;
}
