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
  /** The disk refused a write for lack of space; nothing acknowledged was lost. */
  | 'disk-full'
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

/** What a write refused for lack of space says, wherever it happened. */
export const DISK_FULL_MESSAGE =
  'Disk full: free space on the disk that holds the notebook, then try again. Nothing saved was lost; reading and exporting still work.';

/** Whether `error` (or its cause) is a system error saying the disk or the quota is full. */
export function isDiskFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  }
  return false;
}

/** Turns anything thrown into the wire shape, hiding internals of unexpected errors. */
export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  if (isDiskFull(error)) return { code: 'disk-full', message: DISK_FULL_MESSAGE };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Stancebook: ${message}` };
}
