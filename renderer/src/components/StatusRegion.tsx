import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { StatusContext, errorText, type StatusAction, type StatusApi, type StatusMessage } from './status-context';

/** How long news stays; news with an action (Undo) stays longer, and while pointed at or focused. */
const NEWS_MS = 8000;
const ACTION_MS = 15000;

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

  const clearLater = useCallback((ms: number) => {
    window.clearTimeout(newsTimer.current);
    newsTimer.current = window.setTimeout(() => setNews(null), ms);
  }, []);

  const announce = useCallback(
    (text: string, action?: StatusAction) => {
      counter.current += 1;
      setNews({ id: counter.current, tone: 'info', text, action });
      clearLater(action ? ACTION_MS : NEWS_MS);
    },
    [clearLater],
  );

  const reportError = useCallback((error: unknown, context?: string) => {
    counter.current += 1;
    const text = context ? `${context}: ${errorText(error)}` : errorText(error);
    const id = counter.current;
    // The same message twice in a row is one problem, not two.
    setErrors((current) => (current.some((e) => e.text === text) ? current : [...current.slice(-2), { id, tone: 'error', text }]));
  }, []);

  const runAction = (message: StatusMessage) => {
    setNews(null);
    window.clearTimeout(newsTimer.current);
    void Promise.resolve()
      .then(() => message.action?.run())
      .catch((error: unknown) => reportError(error, `${message.action?.label ?? 'That'} did not work`));
  };

  const status = useMemo<StatusApi>(() => ({ announce, reportError }), [announce, reportError]);

  return (
    <StatusContext.Provider value={status}>
      {children}
      <div className="status-area">
        <div role="alert" className="status-errors">
          {errors.map((e) => (
            <div key={e.id} className="status-message status-message--error">
              <span className="status-message__icon" aria-hidden="true">
                !
              </span>
              <span className="status-message__text">{e.text}</span>
              <button type="button" className="button button--quiet" onClick={() => setErrors((current) => current.filter((x) => x.id !== e.id))}>
                Dismiss
              </button>
            </div>
          ))}
        </div>
        <div role="status" className="status-news">
          {news && (
            <div
              key={news.id}
              className="status-message status-message--info"
              data-testid="toast"
              // A toast with an action waits while the analyst reaches for it.
              onPointerEnter={() => news.action && window.clearTimeout(newsTimer.current)}
              onPointerLeave={() => news.action && clearLater(ACTION_MS)}
              onFocus={() => news.action && window.clearTimeout(newsTimer.current)}
              onBlur={() => news.action && clearLater(ACTION_MS)}
            >
              <span className="status-message__text">{news.text}</span>
              {news.action && (
                <button type="button" className="button button--small status-message__action" onClick={() => runAction(news)}>
                  {news.action.label}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
    </StatusContext.Provider>
  );
}
