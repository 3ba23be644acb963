import type { RemovedBlock } from '../../../shared/model/article';
import { AGENCY_CREDIT, FURNITURE_MAX_CHARS, FURNITURE_PHRASES, READ_MORE_REASON, SHARE_TARGETS } from './furniture-phrases';
import { buildTextBlocks, normaliseBlockText, type TextWithBlocks } from './text-blocks';
import type { BlockDraft } from './types';

/** A block draft the classifier took out, and why. */
export interface FurnitureVerdict {
  index: number;
  reason: string;
}

const READ_MORE = READ_MORE_REASON;
const RELATED = 'related link';

/** Share of a block's characters that sit inside links (0 when the importer did not count). */
function linkDensity(draft: BlockDraft, text: string): number {
  return text.length === 0 ? 0 : Math.min(1, (draft.linkChars ?? 0) / text.length);
}

/** Why one block on its own is furniture, or null. Long blocks are never furniture. */
function ownReason(draft: BlockDraft, text: string): string | null {
  if (text.length > FURNITURE_MAX_CHARS) return null;
  const lower = text.toLowerCase();
  for (const { reason, pattern } of FURNITURE_PHRASES) {
    const match = pattern.exec(lower);
    if (!match) continue;
    if (reason !== READ_MORE) return reason;
    // "Read more: <a>Another story</a>" or a bare "Related" heading, not "More from the minister later."
    const rest = text.length - match[0].length;
    if (rest <= 1 || (draft.linkChars ?? 0) >= rest * 0.5) return reason;
  }
  if (SHARE_TARGETS.test(lower)) return 'share buttons';
  // A caption's agency credit: short, and the credit closes it.
  if (draft.kind !== 'heading' && text.length <= 160 && AGENCY_CREDIT.test(lower)) return 'photo credit';
  return null;
}

/**
 * Finds page furniture among the blocks Readability kept, by rules a reader of the page would
 * apply (the rule set and its fixtures: README "Page furniture"):
 * 1. a short block (≤ 220 characters) that is, or opens with, a known furniture phrase in one of
 *    seven languages: subscription offers, newsletter sign-ups, "Read more" / "Related" lead-ins,
 *    "Continue reading the main story", photo credits, share bars, advertisement labels;
 * 2. after a "Read more" / "Related" lead-in, the list items or short paragraphs that follow it
 *    while at least half their text is links (the list of related stories);
 * 3. a short block that is almost wholly a link (≥ 80 % of its characters) in the first 10 % or
 *    the last 25 % of the article: a teaser for another story.
 * Long blocks are never furniture, so a sentence of the story that mentions "subscribers" stays.
 */
export function classifyFurniture(drafts: readonly BlockDraft[]): FurnitureVerdict[] {
  const texts = drafts.map((d) => normaliseBlockText(d.text));
  const present = texts.map((t, i) => (t === '' ? -1 : i)).filter((i) => i >= 0);
  const verdicts: FurnitureVerdict[] = [];
  let leadIn = false;
  for (const [position, i] of present.entries()) {
    const draft = drafts[i]!;
    const text = texts[i]!;
    // A table's cells are data, whatever they say.
    if (draft.kind === 'table-cell') {
      leadIn = false;
      continue;
    }
    const short = text.length <= FURNITURE_MAX_CHARS;
    const density = linkDensity(draft, text);
    const own = ownReason(draft, text);
    if (own) {
      verdicts.push({ index: i, reason: own });
      // A lead-in ("Related:", "Read more", a "More on this story" heading) heads a list of links.
      leadIn = own === READ_MORE;
      continue;
    }
    if (leadIn && short && density >= 0.5 && draft.kind !== 'heading') {
      verdicts.push({ index: i, reason: RELATED });
      continue;
    }
    leadIn = false;
    const share = position / Math.max(1, present.length - 1);
    if (short && density >= 0.8 && draft.kind !== 'heading' && (share <= 0.1 || share >= 0.75)) {
      verdicts.push({ index: i, reason: RELATED });
    }
  }
  return verdicts;
}

/** Text and blocks without the furniture, and the furniture kept aside with where it stood. */
export interface WithoutFurniture extends TextWithBlocks {
  removedBlocks: RemovedBlock[];
}

/**
 * Builds the article from the drafts the classifier kept; each removed draft becomes a
 * RemovedBlock whose `at` is the block boundary it stood at in the resulting text.
 */
export function buildWithoutFurniture(drafts: readonly BlockDraft[], verdicts: readonly FurnitureVerdict[]): WithoutFurniture {
  const reasonOf = new Map(verdicts.map((v) => [v.index, v.reason]));
  const kept = drafts.filter((_, i) => !reasonOf.has(i));
  const built = buildTextBlocks(kept);
  const removedBlocks: RemovedBlock[] = [];
  let keptBefore = 0;
  for (const [i, draft] of drafts.entries()) {
    const text = normaliseBlockText(draft.text);
    if (text === '') continue;
    const reason = reasonOf.get(i);
    if (reason === undefined) {
      keptBefore += 1;
      continue;
    }
    const at = built.blocks[keptBefore]?.start ?? built.text.length;
    const removed: RemovedBlock = { kind: draft.kind === 'table-cell' ? 'paragraph' : draft.kind, text: text.slice(0, 20_000), reason, at };
    if (draft.level !== undefined) removed.level = Math.min(6, Math.max(1, Math.round(draft.level)));
    if (draft.kind === 'list-item') removed.ordered = draft.ordered ?? false;
    removedBlocks.push(removed);
  }
  return { ...built, removedBlocks: removedBlocks.slice(0, 500) };
}
