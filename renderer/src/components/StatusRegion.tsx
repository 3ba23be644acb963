import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { StatusContext, errorText, type StatusApi, type StatusMessage } from './status-context';

/**
 * Provides `useStatus()` and renders its two live regions: a polite status line for what went
 * right and an alert for errors. The regions exist from the first render so screen readers
 * announce later changes; errors stay until dismissed, news clears itself.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [news, setNews] = useState<StatusMessage | null>(null);
  const [errors, setErrors] = useState<StatusMessage[]>([]);
  const counter = useRef(0);
  const newsTimer = useRef<number | undefined>(undefined);

  const announce = useCallback((text: string) => {
    counter.current += 1;
    setNews({ id: counter.current, tone: 'info', text });
    window.clearTimeout(newsTimer.current);
    newsTimer.current = window.setTimeout(() => setNews(null), 8000);
  }, []);

  const reportError = useCallback((error: unknown, context?: string) => {
    counter.current += 1;
    const text = context ? `${context}: ${errorText(error)}` : errorText(error);
    const id = counter.current;
    // The same message twice in a row is one problem, not two.
    setErrors((current) => (current.some((e) => e.text === text) ? current : [...current.slice(-2), { id, tone: 'error', text }]));
  }, []);

  const status = useMemo<StatusApi>(() => ({ announce, reportError }), [announce, reportError]);

  return (
    <StatusContext.Provider value={status}>
      {children}
      <div className="status-area">
        <div role="alert" className="status-errors">
          {errors.map((e) => (
            <div key={e.id} className="status-message status-message--error">
              <span className="status-message__icon" aria-hidden="true">!</span>
              <span className="status-message__text">{e.text}</span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setErrors((current) => current.filter((x) => x.id !== e.id))}
              >
                Dismiss
              </button>
            </div>
          ))}
        </div>
        <div role="status" className="status-news">
          {news && (
            <div key={news.id} className="status-message status-message--info">
              <span className="status-message__text">{news.text}</span>
            </div>
          )}
        </div>
      </div>
    </StatusContext.Provider>
  );
}
