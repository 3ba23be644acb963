import type { Article, Block } from '../../../shared/model';
import { buildTextBlocks, normaliseBlockText, type TextWithBlocks } from '../import/text-blocks';
import type { BlockDraft } from '../import/types';

/**
 * The canonical text and blocks of an edited article. Each non-empty line of `edited` becomes
 * one block, its whitespace normalised as an importer would; a line whose text is unchanged from
 * a block of the previous version keeps that block's kind (heading, quote, list item) and level,
 * so fixing a typo in one paragraph does not flatten the article's headings. Lines that changed
 * become paragraphs: the analyst edits plain text, and guessing structure would be wrong more
 * often than right.
 */
export function rebuildBlocks(previous: Pick<Article, 'text' | 'blocks'>, edited: string): TextWithBlocks {
  // Identical lines may repeat (e.g. "Advertisement"); each old block is matched at most once, in order.
  const byText = new Map<string, Block[]>();
  for (const block of previous.blocks) {
    const key = normaliseBlockText(previous.text.slice(block.start, block.end), { verbatim: true });
    byText.set(key, [...(byText.get(key) ?? []), block]);
  }
  const drafts: BlockDraft[] = edited.split(/\r\n|\r|\n/).map((line) => {
    // An unchanged line stays exactly as it was (a plain-text import keeps runs of spaces); a
    // changed one is normalised as an importer would.
    const text = normaliseBlockText(line, { verbatim: true });
    const old = byText.get(text)?.shift();
    if (!old || text === '') return { kind: 'paragraph', text: normaliseBlockText(line) };
    return {
      kind: old.kind,
      text,
      level: old.level,
      ordered: old.ordered,
      lineBreak: old.lineBreak,
      verbatim: true,
      table: old.table,
      row: old.row,
      col: old.col,
      header: old.header,
      colSpan: old.colSpan,
      rowSpan: old.rowSpan,
    };
  });
  return buildTextBlocks(drafts);
}
