import { UserError } from '../api/errors';

/** Why a selection could not be turned into a claim target. */
export type AnchoringErrorReason = 'not-a-whole-number' | 'negative' | 'reversed' | 'empty' | 'past-end' | 'splits-character' | 'whitespace-only';

/**
 * Thrown when an analyst's selection cannot become a claim target (empty, reversed, outside
 * the article, whitespace only). It is a {@link UserError} with code `anchoring-failed`, so
 * hosts show its message unchanged; `reason` lets the renderer react without parsing text.
 */
export class AnchoringError extends UserError {
  readonly reason: AnchoringErrorReason;

  constructor(reason: AnchoringErrorReason, message: string) {
    super('anchoring-failed', message);
    this.name = 'AnchoringError';
    this.reason = reason;
  }
}
