import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ArticleSummary } from '../../../../shared/model';
import { api } from '../../api/client';
import { suggestionKeys } from './suggestion-cache';
import { useBackgroundSuggestions } from './suggestion-setting';

/**
 * Runs the suggester in the background on articles it has not read yet (new imports) or whose
 * text changed, one at a time, and shows how far it got. The setting turns it off; turning it
 * off stops it after the article in hand.
 */
export function BackgroundSuggester({ articles }: { articles: ArticleSummary[] | undefined }) {
  const [enabled] = useBackgroundSuggestions();
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const enabledRef = useRef(enabled);
  const running = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    enabledRef.current = enabled;
  }, [enabled]);

  // Article ids and texts: a new import or an edited text starts a pass.
  const signature = articles?.map((a) => `${a.id}:${a.contentHash}`).join('|') ?? '';

  useEffect(() => {
    if (!enabled || !signature) return;
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
              const result = await api.getSuggestions({ articleId: item.articleId });
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
  }, [enabled, signature, client]);

  if (!progress || progress.total === 0) return null;
  return (
    <p className="suggestions-progress" aria-live="polite">
      Suggesting claims… {progress.done + 1} of {progress.total}
      <progress max={progress.total} value={progress.done} aria-label="Articles read by the suggester" />
    </p>
  );
}
