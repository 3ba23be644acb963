import { useCallback, useState } from 'react';

/** What the centre of the window shows: the reader, or one of the notebook-wide views. */
export type View = 'reader' | 'positions' | 'networks' | 'codebook' | 'briefs' | 'trash' | 'agreement' | 'sync';

/** The views in the order of the navigation, with their names and the letter after G. */
export const VIEWS: { id: View; label: string; key: string }[] = [
  { id: 'reader', label: 'Reader', key: 'R' },
  { id: 'positions', label: 'Positions', key: 'P' },
  { id: 'networks', label: 'Networks', key: 'N' },
  { id: 'codebook', label: 'Codebook', key: 'C' },
  { id: 'briefs', label: 'Briefs', key: 'B' },
  { id: 'agreement', label: 'Agreement', key: 'A' },
  { id: 'trash', label: 'Trash', key: 'T' },
  { id: 'sync', label: 'Sync', key: 'S' },
];

const KEY = 'stancebook.view';

function isView(value: unknown): value is View {
  return VIEWS.some((v) => v.id === value);
}

/** The shown view, remembered across reloads (the trash is never where a session starts). */
export function useRememberedView(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => {
    try {
      const stored = localStorage.getItem(KEY);
      return isView(stored) && stored !== 'trash' ? stored : 'reader';
    } catch {
      return 'reader';
    }
  });
  const remember = useCallback((next: View) => {
    setView(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage can be unavailable; remembering is a convenience only.
    }
  }, []);
  return [view, remember];
}
