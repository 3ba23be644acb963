import { parseDateLine } from './dates';
import { buildTextBlocks } from './text-blocks';
import { looksLikeHeadline, titleFromFileName, titleFromProse } from './titles';
import type { BlockDraft, ImportedDocument } from './types';
import { ImportError } from './types';

/** Lines no longer than this, in a blank-line-separated group, are read as hard-wrapped prose. */
const WRAP_WIDTH = 100;
const MIN_WRAPPED = 40;
const ALIGNED = /\S(?: {2,}|\t)\S/;
const BULLET = /^\s*(?:[-*•–]\s|\d{1,3}[.)]\s)/;

/**
 * Splits text into paragraphs. One paragraph per line, which keeps lines verbatim;
 * except that, in text with blank lines between paragraphs, a group of short lines
 * (hard-wrapped at ~72-80 columns, as e-mails and old reports are) is rejoined.
 */
export function splitParagraphs(text: string): string[] {
  return splitParagraphLines(text).map((p) => p.text);
}

/** A paragraph (or a line of one) of plain text, and how it was separated from the one before. */
export interface TextLine {
  text: string;
  /** Blank lines before it in the source. */
  blankLinesBefore: number;
  /** Follows the line before after a single line break, in the same group of lines. */
  lineBreak: boolean;
}

/** splitParagraphs, keeping how each paragraph was separated from the one before. */
export function splitParagraphLines(text: string): TextLine[] {
  const groups = text.split(/\r\n|\r|\n/).reduce<string[][]>(
    (acc, line) => {
      if (line.trim() === '') acc.push([]);
      else acc[acc.length - 1]!.push(line);
      return acc;
    },
    [[]],
  );
  // Without blank lines there is nothing to say where a wrapped paragraph ends: one per line.
  const separated = groups.filter((g) => g.length > 0).length > 1;
  const paragraphs: TextLine[] = [];
  let blanks = 0;
  for (const [g, lines] of groups.entries()) {
    // Every group after the first follows a blank line (empty groups: more of them).
    if (g > 0) blanks += 1;
    if (lines.length === 0) continue;
    const push = (line: string, first: boolean): void => {
      if (line.trim() === '') return;
      // Without blank lines anywhere, each line is a paragraph; with them, a line is part of its group.
      paragraphs.push({ text: line, blankLinesBefore: first ? blanks : 0, lineBreak: separated && !first });
      if (first) blanks = 0;
    };
    // Lines with aligned columns (runs of spaces or tabs between words) are a table, not prose.
    // So are short lines that each start with a capital and none ends in a comma (an address,
    // a signature): wrapped prose goes on in lower case ("…approved\nthe new timetable").
    const listed = lines.every((l) => l.trim().length < MIN_WRAPPED && /^[\p{Lu}\d]/u.test(l.trim()) && !/[,;:-]$/.test(l.trim()));
    const wrapped = separated && lines.length > 1 && !listed && lines.every((l) => l.length <= WRAP_WIDTH && !ALIGNED.test(l.trim()));
    if (!wrapped) {
      lines.forEach((line, i) => push(line, i === 0));
      continue;
    }
    // A bullet or numbered line starts a new paragraph even inside a wrapped group.
    let current: string[] = [];
    let first = true;
    for (const line of lines) {
      if (BULLET.test(line) && current.length > 0) {
        push(current.join(' '), first);
        first = false;
        current = [];
      }
      current.push(line.trim());
    }
    if (current.length > 0) push(current.join(' '), first);
  }
  return paragraphs;
}

/**
 * A lone short word on the last line ("Conversation", "Advertisement", "Comments")
 * is page furniture that came along with a copy from a web page, not article text.
 */
function isTrailingBoilerplate(line: string): boolean {
  return /^\p{L}{2,20}$/u.test(line.trim());
}

/**
 * Reads a text file or pasted text. Recognises the common copied-article layout:
 * an optional headline and dateline at the top (in either order), then a standfirst,
 * then body paragraphs. The dateline and headline become metadata and leave the
 * text; every other paragraph is kept verbatim, one block each.
 *
 * @param name file name for the title fallback and origin, or null for pasted text.
 * @throws ImportError 'empty' when there is no text.
 */
export function importPlainText(text: string, name: string | null): ImportedDocument {
  let lines = splitParagraphLines(text);
  let paragraphs = lines.map((l) => l.text.trim());
  if (paragraphs.length === 0) {
    throw new ImportError(
      'empty',
      name === null
        ? 'The pasted text has no text in it. Copy the article again and paste it.'
        : `${name} has no text in it. Check that you chose the right file and import it again.`,
    );
  }

  let publishedAt: string | null = null;
  let headline: string | null = null;
  // The header is at most a dateline and a headline, before the first paragraph of prose.
  while (paragraphs.length > 1 && (publishedAt === null || headline === null)) {
    const first = paragraphs[0]!;
    const date: string | null = publishedAt === null ? parseDateLine(first) : null;
    if (date) publishedAt = date;
    else if (headline === null && looksLikeHeadline(first) && paragraphs.length > 2) headline = first;
    else break;
    paragraphs = paragraphs.slice(1);
    lines = lines.slice(1);
  }

  if (paragraphs.length > 2 && isTrailingBoilerplate(paragraphs[paragraphs.length - 1]!)) {
    paragraphs = paragraphs.slice(0, -1);
    lines = lines.slice(0, -1);
  }

  // Only a recognised header makes the next paragraph a standfirst; otherwise it is the lede.
  const hasHeader = publishedAt !== null || headline !== null;
  const standfirst = hasHeader && paragraphs.length >= 3 ? paragraphs[0]! : null;
  const title = headline ?? (paragraphs[0] ? titleFromProse(paragraphs[0]) : null) ?? titleFromFileName(name ?? '');

  // Runs of spaces inside a line are the writer's, and so is where a paragraph ends: both kept.
  const drafts: BlockDraft[] = lines.map((l, i) => ({
    kind: 'paragraph',
    text: l.text,
    verbatim: true,
    lineBreak: i > 0 && l.lineBreak,
    blankLinesBefore: i > 0 ? l.blankLinesBefore : 0,
  }));
  const { text: canonical, blocks, normalisation } = buildTextBlocks(drafts);
  const meta: ImportedDocument['meta'] = { title };
  if (publishedAt) meta.publishedAt = publishedAt;
  if (standfirst) meta.standfirst = standfirst;
  return { meta, text: canonical, blocks, normalisation, origin: { kind: name === null ? 'paste' : 'text', name } };
}
