import type { Block } from '../../../shared/model/article';
import type { BlockDraft } from './types';

/** The canonical text and its blocks, ready for an ImportedDocument. */
export interface TextWithBlocks {
  text: string;
  blocks: Block[];
}

/**
 * Collapses runs of whitespace (spaces, tabs, newlines, no-break spaces) inside one
 * block to a single space and trims it. Blocks are single lines of the canonical
 * text, so a newline inside a block would split it.
 */
export function normaliseBlockText(text: string): string {
  // \s covers U+00A0 and the other Unicode spaces; zero-width spaces are dropped too,
  // since they are invisible and would break quote matching.
  return text.replace(/[\u200B\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Builds the canonical text (block texts joined by "\n") and each block's range in it.
 * Whitespace inside a block is normalised; blocks left empty are dropped.
 * Heading levels and list depths are clamped to 1-6, as the model requires.
 */
export function buildTextBlocks(drafts: readonly BlockDraft[]): TextWithBlocks {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const draft of drafts) {
    const text = normaliseBlockText(draft.text);
    if (text === '') continue;
    if (parts.length > 0) offset += 1; // the "\n" before this block
    const block: Block = { kind: draft.kind, start: offset, end: offset + text.length };
    if (draft.level !== undefined) block.level = Math.min(6, Math.max(1, Math.round(draft.level)));
    if (draft.kind === 'list-item') block.ordered = draft.ordered ?? false;
    blocks.push(block);
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join('\n'), blocks };
}
