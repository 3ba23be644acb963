import type { Block, Normalisation } from '../../../shared/model/article';
import type { BlockDraft } from './types';

/** The canonical text and its blocks, ready for an ImportedDocument, and what was normalised. */
export interface TextWithBlocks {
  text: string;
  blocks: Block[];
  normalisation?: Normalisation;
}

/** How many removals a record keeps; past it the counts stay right and `removalsTruncated` is set. */
const MAX_REMOVALS = 20_000;

/** Invisible characters that break quote matching and search: removed. ZWJ/ZWNJ (U+200C/D) shape scripts and emoji: kept. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/;
const SOFT_HYPHEN = '\u00AD';
/** Spaces other than U+0020 that are written as a plain space, one for one. */
const OTHER_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/** An empty record, to add to. */
export function emptyNormalisation(): Normalisation {
  return {
    collapsedWhitespace: 0,
    trimmedWhitespace: 0,
    removedZeroWidth: 0,
    removedSoftHyphens: 0,
    replacedSpaces: 0,
    droppedEmptyBlocks: 0,
    collapsedBlankLines: 0,
    removals: [],
  };
}

/** Notes a removal of `count` characters at `offset` of the article's text, merging with one just before. */
function addRemoval(record: Normalisation, offset: number, count: number): void {
  if (count <= 0) return;
  const last = record.removals.at(-1);
  if (last && last[0] === offset) last[1] += count;
  else if (record.removals.length < MAX_REMOVALS) record.removals.push([offset, count]);
  else record.removalsTruncated = true;
}

/**
 * One block's text as the canonical text holds it: a single line. Zero-width spaces, word joiners,
 * byte-order marks and soft hyphens are removed; other Unicode spaces become a plain space; the
 * ends are trimmed. With `verbatim` (plain text, where the writer typed them) runs of spaces and
 * tabs inside the line are kept, and only line breaks become spaces; otherwise (HTML, Word, PDF,
 * where whitespace is layout) every run of whitespace becomes one space.
 * When `record` is given, what was changed is counted in it, at offsets from `at`.
 */
export function normaliseBlockText(text: string, options: { verbatim?: boolean; record?: Normalisation; at?: number } = {}): string {
  const { verbatim = false, record } = options;
  const at = options.at ?? 0;
  let out = '';
  let pendingSpace = ''; // whitespace seen since the last kept character
  let started = false;
  const flushSpace = (): void => {
    if (!pendingSpace) return;
    if (started) {
      const kept = verbatim ? pendingSpace.replace(/[\r\n\v\f]+/g, ' ') : ' ';
      if (record && kept.length < pendingSpace.length) {
        record.collapsedWhitespace += pendingSpace.length - kept.length;
        addRemoval(record, at + out.length + kept.length, pendingSpace.length - kept.length);
      }
      out += kept;
    } else if (record) {
      record.trimmedWhitespace += pendingSpace.length;
      addRemoval(record, at, pendingSpace.length);
    }
    pendingSpace = '';
  };
  for (const ch of text) {
    if (ZERO_WIDTH.test(ch) || ch === SOFT_HYPHEN) {
      if (record) {
        if (ch === SOFT_HYPHEN) record.removedSoftHyphens += 1;
        else record.removedZeroWidth += 1;
        addRemoval(record, at + out.length + (started ? pendingSpace.length : 0), 1);
      }
      continue;
    }
    if (/\s/.test(ch)) {
      const plain = OTHER_SPACE.test(ch);
      if (plain && record) record.replacedSpaces += 1;
      pendingSpace += plain ? ' ' : ch;
      continue;
    }
    flushSpace();
    started = true;
    out += ch;
  }
  if (pendingSpace && record) {
    record.trimmedWhitespace += pendingSpace.length;
    addRemoval(record, at + out.length, pendingSpace.length);
  }
  return out;
}

/**
 * Builds the canonical text (block texts joined by "\n") and each block's range in it, with a
 * record of what was normalised (see normaliseBlockText). Blocks left empty are dropped. Heading
 * levels and list depths are clamped to 1-6, as the model requires.
 */
export function buildTextBlocks(drafts: readonly BlockDraft[]): Required<TextWithBlocks> {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const record = emptyNormalisation();
  let offset = 0;
  let tableNumber = -1;
  let lastSourceTable: number | undefined;
  for (const draft of drafts) {
    const at = parts.length > 0 ? offset + 1 : offset;
    const text = normaliseBlockText(draft.text, { verbatim: draft.verbatim, record, at });
    if (text === '') {
      record.droppedEmptyBlocks += 1;
      // The draft and the "\n" that joined it to the extracted text are gone.
      addRemoval(record, at, 1);
      continue;
    }
    offset = at;
    const block: Block = { kind: draft.kind, start: offset, end: offset + text.length };
    if (draft.level !== undefined) block.level = Math.min(6, Math.max(1, Math.round(draft.level)));
    if (draft.kind === 'list-item') block.ordered = draft.ordered ?? false;
    if (draft.lineBreak && blocks.length > 0) block.lineBreak = true;
    if (draft.kind === 'table-cell') {
      // Tables are numbered again in the order they reach the text, from 0.
      if (draft.table !== lastSourceTable) {
        lastSourceTable = draft.table;
        tableNumber += 1;
      }
      Object.assign(block, { table: tableNumber, row: draft.row ?? 0, col: draft.col ?? 0 }, draft.header ? { header: true } : {});
      if (draft.colSpan && draft.colSpan > 1) block.colSpan = Math.min(50, draft.colSpan);
      if (draft.rowSpan && draft.rowSpan > 1) block.rowSpan = Math.min(500, draft.rowSpan);
    }
    if (draft.blankLinesBefore && blocks.length > 0) {
      // Each blank line is a "\n" of the source the text does not hold; the paragraph break it
      // made is kept as the block's lack of `lineBreak`.
      record.collapsedBlankLines += draft.blankLinesBefore;
      addRemoval(record, offset, draft.blankLinesBefore);
    }
    blocks.push(block);
    parts.push(text);
    offset += text.length;
  }
  record.removals.sort((a, b) => a[0] - b[0]);
  return { text: parts.join('\n'), blocks, normalisation: record };
}

/**
 * The text without its first `cut` characters (a title heading lifted out), blocks and
 * removals moved to match; the cut itself is noted as a removal at 0.
 */
export function cutLeadingText<T extends TextWithBlocks>(built: T, cut: number, firstKept: number): T {
  const blocks = built.blocks.slice(firstKept).map((b) => ({ ...b, start: b.start - cut, end: b.end - cut }));
  if (blocks[0]?.lineBreak) delete blocks[0].lineBreak;
  const result = { ...built, text: built.text.slice(cut), blocks };
  if (built.normalisation) {
    const record = structuredClone(built.normalisation);
    const before = record.removals.filter(([o]) => o <= cut).reduce((n, [, c]) => n + c, 0);
    record.removals = [
      [0, cut + before] as [number, number],
      ...record.removals.filter(([o]) => o > cut).map(([o, c]) => [o - cut, c] as [number, number]),
    ];
    result.normalisation = record;
  }
  return result;
}
