/**
 * Error codes the core reports to every host. The message is always written for the analyst:
 * what was wrong, and what to do about it.
 */
export type ApiErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'conflict'
  | 'import-failed'
  | 'anchoring-failed'
  | 'locked'
  | 'internal';

/** The wire shape of a failed call. */
export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
}

/** An error meant for the user; hosts pass its message through unchanged. */
export class UserError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

/** Turns anything thrown into the wire shape, hiding internals of unexpected errors. */
export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Stancebook: ${message}` };
}
