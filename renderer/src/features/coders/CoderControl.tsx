import { useState } from 'react';
import { CoderDialog } from './CoderDialog';
import { CoderPrompt } from './CoderPrompt';
import { useCoder } from './coder-queries';
import './coders.css';

/** "Ann B. Analyst" → "AA": the coder in the narrow app bar. */
function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/**
 * The app bar's coder: who codes in this copy, one click from changing the name. With no coder
 * set, asks once per session (CoderPrompt; "Later" leaves claims without a coder meanwhile).
 */
export function CoderControl() {
  const coder = useCoder();
  const [chosen, setChosen] = useState(false);
  // Asked once per session: "Later" dismisses the first-run question until next time.
  const [dismissed, setDismissed] = useState(false);
  const asking = coder.isSuccess && coder.data === null && !dismissed && !chosen;

  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small coder-control"
        data-testid="coder-control"
        title={coder.data ? `Coder: ${coder.data.name} (change)` : 'Who codes in this copy of the notebook'}
        onClick={() => setChosen(true)}
      >
        <span className="visually-hidden">Coder: </span>
        <span className="coder-control__name">{coder.data ? coder.data.name : 'Set coder'}</span>
        <span className="coder-control__initials" aria-hidden="true">
          {coder.data ? initials(coder.data.name) : '?'}
        </span>
      </button>
      {chosen && <CoderDialog coder={coder.data ?? null} onClose={() => setChosen(false)} />}
      {asking && <CoderPrompt onLater={() => setDismissed(true)} />}
    </>
  );
}
