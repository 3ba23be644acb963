import { useCallback, useState } from 'react';
import { LAST_ARTICLE_KEY as KEY } from '../api/boot-calls';

/** The open article, remembered across reloads and restarts so the analyst returns to it. */
export function useLastArticle(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(() => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  });
  const remember = useCallback((next: string | null) => {
    setId(next);
    try {
      if (next) localStorage.setItem(KEY, next);
      else localStorage.removeItem(KEY);
    } catch {
      // Storage can be unavailable (private mode); remembering is a convenience only.
    }
  }, []);
  return [id, remember];
}
