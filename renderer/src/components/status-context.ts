import { createContext, useContext } from 'react';

export type StatusTone = 'info' | 'error';

/** A button on a message, e.g. "Undo" after a delete. */
export interface StatusAction {
  label: string;
  run(): void | Promise<void>;
}

export interface StatusMessage {
  id: number;
  tone: StatusTone;
  text: string;
  action?: StatusAction;
}

export interface StatusApi {
  /** Tells the analyst something happened (polite live region). */
  announce(text: string, action?: StatusAction): void;
  /** Shows an error from the core or the renderer (alert region); never swallow one. */
  reportError(error: unknown, context?: string): void;
}

export const StatusContext = createContext<StatusApi>({
  announce: () => undefined,
  reportError: () => undefined,
});

export function useStatus(): StatusApi {
  return useContext(StatusContext);
}

/** The analyst-readable text of anything thrown: API errors already carry one. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
