import type { SuggestedAttribution } from '../../../shared/model/suggestion';

/** What the core posts to the suggester's worker: one article's text. */
export interface SuggestRequest {
  id: number;
  text: string;
}

/** What the worker answers: the suggestions, or why the suggester failed on this text. */
export type SuggestReply = { id: number; ok: true; suggestions: SuggestedAttribution[] } | { id: number; ok: false; message: string };
