import { errorText } from '../../components/status-context';
import type { SaveState } from './use-autosave';

interface SaveIndicatorProps {
  state: SaveState;
  error: unknown;
  emptyTitle: boolean;
}

const TEXT: Record<Exclude<SaveState, 'error'>, string> = {
  saved: 'All changes saved',
  pending: 'Editing…',
  saving: 'Saving…',
};

/** Whether the analyst's words are safe on disk; a failed save says why and stays visible. */
export function SaveIndicator({ state, error, emptyTitle }: SaveIndicatorProps) {
  if (state === 'error') {
    return (
      <p className="brief-save brief-save--error" role="alert" data-testid="brief-save-state" data-state={state}>
        Not saved: {errorText(error)} Your next edit tries again.
      </p>
    );
  }
  return (
    <p className="brief-save" role="status" data-testid="brief-save-state" data-state={state}>
      {TEXT[state]}
      {emptyTitle && <span className="brief-save__hint"> · an empty title keeps the last one</span>}
    </p>
  );
}
