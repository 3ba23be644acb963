import { useState } from 'react';
import { CoderDialog } from './CoderDialog';
import { useCoder } from './coder-queries';
import './coders.css';

/**
 * The app bar's coder: who codes in this copy, one click from changing the name. With no coder
 * set, asks once per session (a first-run dialog; "Later" leaves claims without a coder).
 */
export function CoderControl() {
  const coder = useCoder();
  const [chosen, setChosen] = useState(false);
  // Asked once per session: "Later" (or Escape) dismisses the first-run question until next time.
  const [dismissed, setDismissed] = useState(false);
  const open = chosen || (coder.isSuccess && coder.data === null && !dismissed);
  const close = () => {
    setChosen(false);
    setDismissed(true);
  };

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
        <span aria-hidden="true">👤 </span>
        {coder.data ? coder.data.name : 'Set coder'}
      </button>
      {open && <CoderDialog coder={coder.data ?? null} onClose={close} />}
    </>
  );
}
