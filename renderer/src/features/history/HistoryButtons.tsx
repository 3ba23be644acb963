import { useHistoryState, useUndoRedo } from './use-history';
import { useUndoKeys } from './use-undo-keys';
import './history.css';

/**
 * Undo and redo for the app bar, named after the step they would take ("Undo Delete claim"),
 * and the keyboard shortcuts behind them. Render once per window.
 */
export function HistoryButtons() {
  const history = useHistoryState();
  const { undo, redo } = useUndoRedo();
  useUndoKeys(undo, redo);
  const state = history.data;
  const undoName = state?.undoLabel ? `Undo ${state.undoLabel}` : 'Nothing to undo';
  const redoName = state?.redoLabel ? `Redo ${state.redoLabel}` : 'Nothing to redo';
  return (
    <div className="history-buttons" role="group" aria-label="Undo history">
      <button
        type="button"
        className="button button--quiet button--small history-button"
        aria-label={undoName}
        title={`${undoName} (Ctrl+Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
        disabled={!state?.canUndo}
        onClick={undo}
        data-testid="undo-button"
      >
        <span aria-hidden="true">↶</span> <span className="bar-label">Undo</span>
      </button>
      <button
        type="button"
        className="button button--quiet button--small history-button"
        aria-label={redoName}
        title={`${redoName} (Shift+Ctrl+Z)`}
        aria-keyshortcuts="Shift+Control+Z Control+Y Shift+Meta+Z"
        disabled={!state?.canRedo}
        onClick={redo}
        data-testid="redo-button"
      >
        <span aria-hidden="true">↷</span> <span className="bar-label">Redo</span>
      </button>
    </div>
  );
}
