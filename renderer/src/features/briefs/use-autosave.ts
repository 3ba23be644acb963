import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface Autosave {
  state: SaveState;
  error: unknown;
  /** Notes an edit; the save runs once the analyst pauses for `delay` ms. */
  schedule(): void;
  /**
   * Saves now if anything is unsaved. Resolves true once the core has everything, false when
   * the save failed (the error is in `error`, and the edit stays marked unsaved).
   */
  flush(): Promise<boolean>;
}

/**
 * Debounced saving of one document. Saves never overlap (a second waits for the first, so the
 * core receives them in order), an edit during a save leads to one more save, a failed save
 * keeps the edit marked unsaved and is retried on the next edit, and leaving (unmount, closing
 * the window) saves what is pending. `save` is read fresh at each save, so it may close over
 * the latest content.
 */
export function useAutosave(save: () => Promise<void>, delay = 800): Autosave {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const latestSave = useRef(save);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const running = useRef<Promise<void> | null>(null);
  useEffect(() => {
    latestSave.current = save;
  });

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // Until nothing is unsaved: an edit made while a save ran is saved too, so the caller gets everything.
    for (;;) {
      while (running.current) await running.current;
      if (!dirty.current) return true;
      dirty.current = false;
      setState('saving');
      let failed = false;
      const attempt = latestSave
        .current()
        .then(() => {
          setError(null);
          setState(dirty.current ? 'pending' : 'saved');
        })
        .catch((problem: unknown) => {
          failed = true;
          dirty.current = true;
          setError(problem);
          setState('error');
        })
        .finally(() => {
          running.current = null;
        });
      running.current = attempt;
      await attempt;
      if (failed) return false;
    }
  }, []);

  const schedule = useCallback(() => {
    dirty.current = true;
    setState((s) => (s === 'error' ? s : 'pending'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  }, [delay, flush]);

  useEffect(() => {
    const onLeave = () => void flush();
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      void flush();
    };
  }, [flush]);

  return { state, error, schedule, flush };
}
