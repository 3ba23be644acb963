import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { suggestionKeys } from './suggestion-cache';
import { useBackgroundSuggestions } from './suggestion-setting';

/** How long after the app opens the first background pass starts. */
const FIRST_PASS_DELAY_MS = 2000;

/**
 * Runs the suggester in the background on articles it has not read yet (new imports) or whose
 * text changed, one at a time, and shows how far it got. The setting turns it off; turning it
 * off stops it after the article in hand.
 */
export function BackgroundSuggester() {
  const [enabled] = useBackgroundSuggestions();
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const enabledRef = useRef(enabled);
  const running = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    enabledRef.current = enabled;
  }, [enabled]);

  // A change to the library (an import, a new revision, a restore) starts a pass; claims do not.
  // The pass asks the core which articles are new or changed, so no list of them is kept here.
  const [libraryChanges, setLibraryChanges] = useState(0);
  useEffect(
    () =>
      api.onChanged((event) => {
        if (event.scope === 'articles' || event.scope === 'notebook') setLibraryChanges((n) => n + 1);
      }),
    [],
  );

  // The first pass waits for the notebook's first requests (the library, a first search) to be
  // answered: on a large notebook it asks about every article, and that can wait a moment.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(true), FIRST_PASS_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (!enabled || !settled) return;
    const pass = async () => {
      if (running.current) {
        again.current = true;
        return;
      }
      running.current = true;
      try {
        do {
          again.current = false;
          const todo = (await api.listSuggestionStatus({})).filter((s) => s.state !== 'current');
          for (const [i, item] of todo.entries()) {
            if (!enabledRef.current) break;
            setProgress({ done: i, total: todo.length });
            try {
              const result = await api.getSuggestions({ articleId: item.articleId, background: true });
              client.setQueryData(suggestionKeys.article(item.articleId), result);
            } catch {
              // The article went away meanwhile (deleted, restored elsewhere): nothing to suggest.
            }
          }
        } while (again.current && enabledRef.current);
      } finally {
        running.current = false;
        setProgress(null);
      }
    };
    void pass();
  }, [enabled, settled, libraryChanges, client]);

  if (!progress || progress.total === 0) return null;
  return (
    <p className="suggestions-progress" aria-live="polite">
      Suggesting claims… {progress.done + 1} of {progress.total}
      <progress max={progress.total} value={progress.done} aria-label="Articles read by the suggester" />
    </p>
  );
}
