import { useState } from 'react';
import { CoderDialog } from './CoderDialog';
import { CoderPrompt } from './CoderPrompt';
import { useCoder } from './coder-queries';
import './coders.css';

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
        title="Who codes in this copy of the notebook"
        onClick={() => setChosen(true)}
      >
        <span className="visually-hidden">Coder: </span>
        {coder.data ? coder.data.name : 'Set coder'}
      </button>
      {chosen && <CoderDialog coder={coder.data ?? null} onClose={() => setChosen(false)} />}
      {asking && <CoderPrompt onLater={() => setDismissed(true)} />}
    </>
  );
}
