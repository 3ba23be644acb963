import { useCallback, useEffect, useState } from 'react';
import { useMediaQuery } from './use-media-query';

/** The analyst's choice: follow the system (prefers-color-scheme), or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'stancebook.theme';

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/**
 * The colour theme: `data-theme` on the root element selects the tokens in styles/base.css.
 * The choice is remembered; "system" follows the operating system as it changes.
 */
export function useTheme(): { choice: ThemeChoice; resolved: 'light' | 'dark'; choose(choice: ThemeChoice): void } {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const resolved = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  const choose = useCallback((next: ThemeChoice) => {
    setChoice(next);
    try {
      if (next === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch {
      // Storage can be unavailable; the choice then lasts for this session.
    }
  }, []);
  return { choice, resolved, choose };
}
