import { parseDate } from './dates';
import { stripInlineMarkdown } from './markdown-inline';
import { buildTextBlocks, normaliseBlockText } from './text-blocks';
import { titleFromFileName, titleFromProse } from './titles';
import type { BlockDraft, ImportedDocument } from './types';
import { ImportError } from './types';

/** Front-matter keys read into metadata, with the names sources commonly use for them. */
const FRONT_MATTER_KEYS: Record<string, 'title' | 'publishedAt' | 'source' | 'author' | 'url'> = {
  title: 'title', date: 'publishedAt', published: 'publishedAt', publishedat: 'publishedAt', published_at: 'publishedAt',
  source: 'source', publication: 'source', publisher: 'source', site: 'source',
  author: 'author', authors: 'author', byline: 'author', url: 'url', link: 'url', canonical: 'url',
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
    const value = m[2]!.trim().replace(/^\[(.*)\]$/, '$1').replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value) meta[m[1]!.toLowerCase()] = value;
  }
  return { meta, bodyStart: end + 1 };
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;

/** Turns Markdown source (after front matter) into block drafts. */
export function markdownBlocks(lines: readonly string[]): BlockDraft[] {
  const drafts: BlockDraft[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let item: BlockDraft | null = null;
  const indents: number[] = [];
  const flush = (): void => {
    if (para.length) drafts.push({ kind: 'paragraph', text: stripInlineMarkdown(para.join(' ')) });
    if (quote.length) drafts.push({ kind: 'quote', text: stripInlineMarkdown(quote.join(' ')) });
    if (item) drafts.push({ ...item, text: stripInlineMarkdown(item.text) });
    para = [];
    quote = [];
    item = null;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      // Code has no block kind in the model: keep each line as a paragraph, verbatim.
      flush();
      const fence = FENCE.exec(line)![1]!;
      for (i += 1; i < lines.length && !lines[i]!.trimStart().startsWith(fence); i += 1) {
        drafts.push({ kind: 'paragraph', text: lines[i]! });
      }
      continue;
    }
    if (line.trim() === '') { flush(); indents.length = 0; continue; }
    if (para.length && SETEXT.test(line)) {
      const level = line.trim().startsWith('=') ? 1 : 2;
      drafts.push({ kind: 'heading', level, text: stripInlineMarkdown(para.join(' ')) });
      para = [];
      continue;
    }
    if (RULE.test(line)) { flush(); continue; }
    const heading = HEADING.exec(line);
    if (heading) { flush(); drafts.push({ kind: 'heading', level: heading[1]!.length, text: stripInlineMarkdown(heading[2]!) }); continue; }
    const q = QUOTE.exec(line);
    if (q) { if (!quote.length) flush(); quote.push(q[1]!); continue; }
    const li = LIST_ITEM.exec(line);
    if (li) {
      flush();
      // Nesting depth from indentation: deeper than the last item opens a level.
      const indent = li[1]!.replace(/\t/g, '    ').length;
      while (indents.length && indent < indents[indents.length - 1]!) indents.pop();
      if (!indents.length || indent > indents[indents.length - 1]!) indents.push(indent);
      item = { kind: 'list-item', level: indents.length, ordered: /\d/.test(li[2]!), text: li[3]! };
      continue;
    }
    // Lazy continuation: a plain line carries on whatever block is open.
    if (item) item.text += ` ${line.trim()}`;
    else if (quote.length) quote.push(line.trim());
    else para.push(line.trim());
  }
  flush();
  return drafts;
}

/**
 * Reads a Markdown file: ATX and setext headings, paragraphs, `>` quotes, `-`/`*`/`1.`
 * lists (nested by indentation), with inline markup stripped to plain text.
 * Front matter gives title, date, source, author and url. A leading level-1 heading
 * that is the title (or when front matter has none) becomes the title and leaves the text.
 *
 * @throws ImportError 'empty' when there is no text.
 */
export function importMarkdown(source: string, name: string): ImportedDocument {
  const lines = source.split(/\r\n|\r|\n/);
  const { meta: fm, bodyStart } = readFrontMatter(lines);
  let drafts = markdownBlocks(lines.slice(bodyStart));

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
  const { text, blocks } = buildTextBlocks(drafts);
  if (blocks.length === 0) {
    throw new ImportError('empty', `${name} has no text in it (only front matter or markup). Check that you chose the right file and try again.`);
  }
  if (!meta.title) {
    const firstPara = blocks.find((b) => b.kind === 'paragraph');
    meta.title = firstPara ? titleFromProse(text.slice(firstPara.start, firstPara.end)) : titleFromFileName(name);
  }
  return { meta, text, blocks, origin: { kind: 'markdown', name } };
}
