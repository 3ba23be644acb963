import { useEffect, useRef, useState, type RefObject } from 'react';
import { api } from '../../api/client';
import { useStatus } from '../../components/status-context';
import { excerpt } from '../claims/codebook-lookup';
import { selectionToOffsets } from '../reader/selection-offsets';
import { reviewStore, useReviewState } from './review-store';

interface ReselectBarProps {
  articleId: string;
  text: string;
  bodyRef: RefObject<HTMLDivElement | null>;
}

/**
 * Under the article while an orphan is being placed by hand: what to look for, what is
 * selected, Confirm and Cancel. While it shows, C and Ctrl+Enter confirm instead of starting a
 * new claim, and Escape cancels.
 */
export function ReselectBar({ articleId, text, bodyRef }: ReselectBarProps) {
  const status = useStatus();
  const { reselecting } = useReviewState();
  const active = reselecting?.articleId === articleId ? reselecting : null;
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);

  // Remember the last selection made in the article: a click on Confirm must not lose it.
  useEffect(() => {
    if (!active) return;
    const onChange = () => {
      const body = bodyRef.current;
      const next = body ? selectionToOffsets(body, text, window.getSelection()) : null;
      if (next) setRange(next);
    };
    onChange();
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [active, bodyRef, text]);

  const confirm = async () => {
    const chosen = range;
    if (!active) return;
    if (!chosen) {
      status.reportError('Select the words of the claim in the article first, then confirm.');
      return;
    }
    try {
      await api.resolveOrphan({ articleId, claimId: active.claimId, action: 'reselect', start: chosen.start, end: chosen.end });
      reviewStore.stopReselect();
      setRange(null);
      window.getSelection()?.removeAllRanges();
      status.announce(`Claim placed on “${excerpt(text.slice(chosen.start, chosen.end), 80)}”.`);
    } catch (error) {
      status.reportError(error, 'The claim could not be placed there');
    }
  };
  // The key listener below is added once per re-selection; it calls the latest confirm.
  const confirmRef = useRef(confirm);
  useEffect(() => {
    confirmRef.current = confirm;
  });

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('.modal-overlay')) return;
      const inBody = bodyRef.current?.contains(event.target as Node) ?? false;
      const confirmKey =
        (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) ||
        (inBody && (event.key === 'c' || event.key === 'C') && !event.ctrlKey && !event.metaKey && !event.altKey);
      if (confirmKey) void confirmRef.current();
      else if (event.key === 'Escape' && (inBody || (event.target as Element).closest?.('.reselect-bar'))) {
        reviewStore.stopReselect();
        setRange(null);
      } else return;
      // Capture phase, so the app-wide "claim the selection" keys do not also fire.
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, bodyRef]);

  if (!active) return null;
  return (
    <div className="reselect-bar" role="region" aria-label="Re-select a claim" data-testid="reselect-bar">
      <div className="reselect-bar__text">
        <p className="reselect-bar__what">
          Placing the claim that quoted <q>{excerpt(active.exact, 90)}</q>
        </p>
        <p className="reselect-bar__how" aria-live="polite">
          {range ? (
            <>
              Selected: <q data-testid="reselect-selection">{excerpt(text.slice(range.start, range.end), 90)}</q>
            </>
          ) : (
            'Select its words in the article (drag, or Shift+arrows in the text), then confirm.'
          )}
        </p>
      </div>
      <button type="button" className="button button--primary button--small" onClick={() => void confirm()} aria-keyshortcuts="Control+Enter">
        Confirm selection <kbd>Ctrl+Enter</kbd>
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          reviewStore.stopReselect();
          setRange(null);
        }}
      >
        Cancel
      </button>
    </div>
  );
}
