/**
 * The anchoring engine: turns a selection into W3C selectors, and finds claims again after the
 * article's text changes. Pure TypeScript; runs in the renderer and in Node. See README.md.
 */
export { AnchoringError, type AnchoringErrorReason } from './anchoring-error';
export { CONTEXT_LENGTH, describeRange, trimRange, assertRangeInText, type TextRange } from './describe-range';
export {
  AMBIGUITY_MARGIN,
  CONFIDENT_THRESHOLD,
  MIN_QUOTE_SIMILARITY,
  RELOCATE_THRESHOLD,
  anchorTarget,
  createAnchorer,
  toAnchorStatus,
  type AnchorResult,
  type Anchorer,
  type AnchorerOptions,
  type ReviewReason,
} from './anchor-target';
export { reanchorClaims, type ReanchoredTarget } from './reanchor-claims';
export { normalizeText, normalizeString, type NormalizedText } from './normalize-text';
