import { parseDate } from './dates';
import { inlineTokensText, markdown, stripInlineMarkdown } from './markdown-inline';
import { buildTextBlocks, normaliseBlockText } from './text-blocks';
import { titleFromFileName, titleFromProse } from './titles';
import type { BlockDraft, ImportedDocument } from './types';
import { ImportError } from './types';

/** Front-matter keys read into metadata, with the names sources commonly use for them. */
const FRONT_MATTER_KEYS: Record<string, 'title' | 'publishedAt' | 'source' | 'author' | 'url'> = {
  title: 'title',
  date: 'publishedAt',
  published: 'publishedAt',
  publishedat: 'publishedAt',
  published_at: 'publishedAt',
  source: 'source',
  publication: 'source',
  publisher: 'source',
  site: 'source',
  author: 'author',
  authors: 'author',
  byline: 'author',
  url: 'url',
  link: 'url',
  canonical: 'url',
};

/** Reads simple `key: value` YAML front matter; nested YAML is ignored, not parsed. */
function readFrontMatter(lines: string[]): { meta: Record<string, string>; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { meta: {}, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { meta: {}, bodyStart: 0 };
  const meta: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!
      .trim()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    if (value) meta[m[1]!.toLowerCase()] = value;
  }
  return { meta, bodyStart: end + 1 };
}

/** The text of an HTML block, without its tags (it is never rendered). */
function htmlBlockText(html: string): string {
  const inline = /<\/?(?:a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)\b[^>]*>/gi;
  return stripInlineMarkdown(
    html
      .replace(inline, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * Turns Markdown source (after front matter) into block drafts, from markdown-it's block tokens:
 * headings, paragraphs, `>` quotes (their paragraphs become quotes), list items with their
 * nesting depth and numbering, tables as cells (one table-cell draft per cell with its row and column), code
 * blocks line by line, verbatim.
 */
export function markdownBlocks(source: string): BlockDraft[] {
  const tokens = markdown.parse(source, {});
  const drafts: BlockDraft[] = [];
  const lists: boolean[] = []; // open lists, innermost last: numbered or not
  let quoteDepth = 0;
  let row: string[] | null = null;
  let table = -1;
  let rowIndex = -1;
  let header = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(token.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'blockquote_open':
        quoteDepth += 1;
        break;
      case 'blockquote_close':
        quoteDepth -= 1;
        break;
      case 'heading_open': {
        const inline = tokens[i + 1];
        drafts.push({ kind: 'heading', level: Number(token.tag.slice(1)), text: inlineTokensText(inline?.children ?? null) });
        i += 2; // inline, heading_close
        break;
      }
      case 'paragraph_open': {
        const text = inlineTokensText(tokens[i + 1]?.children ?? null);
        if (lists.length) drafts.push({ kind: 'list-item', level: lists.length, ordered: lists.at(-1)!, text });
        else drafts.push({ kind: quoteDepth > 0 ? 'quote' : 'paragraph', text });
        i += 2; // inline, paragraph_close
        break;
      }
      case 'table_open':
        table += 1;
        rowIndex = -1;
        break;
      case 'tr_open':
        row = [];
        rowIndex += 1;
        break;
      case 'th_open':
      case 'td_open':
        header = token.type === 'th_open';
        break;
      case 'inline':
        // Only table cells reach here: headings' and paragraphs' inlines are taken above.
        row?.push(inlineTokensText(token.children).trim());
        if (row && row.at(-1))
          drafts.push({ kind: 'table-cell', text: row.at(-1)!, table, row: rowIndex, col: row.length - 1, ...(header ? { header: true } : {}) });
        break;
      case 'tr_close':
        row = null;
        break;
      case 'fence':
      case 'code_block':
        // Code has no block kind in the model: each line is a paragraph, verbatim.
        for (const line of token.content.replace(/\n$/, '').split('\n')) drafts.push({ kind: 'paragraph', text: line, verbatim: true });
        break;
      case 'html_block': {
        const text = htmlBlockText(token.content);
        if (text) drafts.push({ kind: quoteDepth > 0 ? 'quote' : 'paragraph', text });
        break;
      }
      default:
        break;
    }
  }
  return drafts;
}

/**
 * Reads a Markdown file with markdown-it (CommonMark, GFM tables): headings, paragraphs, `>`
 * quotes, nested lists, tables (cell by cell), code, with inline markup stripped to plain text.
 * Front matter gives title, date, source, author and url. A leading level-1 heading
 * that is the title (or when front matter has none) becomes the title and leaves the text.
 *
 * @throws ImportError 'empty' when there is no text.
 */
export function importMarkdown(source: string, name: string): ImportedDocument {
  const lines = source.split(/\r\n|\r|\n/);
  const { meta: fm, bodyStart } = readFrontMatter(lines);
  let drafts = markdownBlocks(lines.slice(bodyStart).join('\n'));

  const meta: ImportedDocument['meta'] = {};
  for (const [key, value] of Object.entries(fm)) {
    const field = FRONT_MATTER_KEYS[key];
    if (!field) continue;
    if (field === 'publishedAt') {
      const date = parseDate(value);
      if (date) meta.publishedAt = date;
    } else meta[field] ??= stripInlineMarkdown(value);
  }
  const first = drafts[0];
  const firstText = first ? normaliseBlockText(first.text) : '';
  // The leading heading is lifted out when it is the title, so the reader does not show it twice.
  if (first?.kind === 'heading' && first.level === 1 && drafts.length > 1 && (!meta.title || meta.title === firstText)) {
    meta.title = firstText;
    drafts = drafts.slice(1);
  }
  const { text, blocks, normalisation } = buildTextBlocks(drafts);
  if (blocks.length === 0) {
    throw new ImportError('empty', `${name} has no text in it (only front matter or markup). Check that you chose the right file and try again.`);
  }
  if (!meta.title) {
    const firstPara = blocks.find((b) => b.kind === 'paragraph');
    meta.title = firstPara ? titleFromProse(text.slice(firstPara.start, firstPara.end)) : titleFromFileName(name);
  }
  return { meta, text, blocks, normalisation, origin: { kind: 'markdown', name } };
}
