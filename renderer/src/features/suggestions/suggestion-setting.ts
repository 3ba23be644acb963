import { useCallback, useSyncExternalStore } from 'react';

/*
 * The analyst's setting "suggest claims for new articles in the background", kept per browser
 * profile (localStorage) like the last open article. On unless turned off.
 */

const KEY = 'stancebook.suggestions.background';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The setting and its setter; every component using it sees a change at once. */
export function useBackgroundSuggestions(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read);
  const set = useCallback((value: boolean) => {
    try {
      window.localStorage.setItem(KEY, value ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the setting lasts for this session only.
    }
    for (const listener of listeners) listener();
  }, []);
  return [on, set];
}
