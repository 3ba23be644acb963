import type { BlockDraft } from './types';

/** Elements that start a new block; anything else is inline and joins its neighbours. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dialog',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'ul',
]);

/** What kind of block loose text becomes where it stands, and list nesting so far. */
interface WalkContext {
  kind: 'paragraph' | 'quote' | 'list-item';
  depth: number;
  ordered: boolean;
}

/** Visible text of inline content; `<br>` becomes a space, since a block is one line. */
function inlineText(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (el.tagName.toLowerCase() === 'br') return ' ';
  let out = '';
  for (const child of Array.from(el.childNodes)) out += inlineText(child);
  return out;
}

/** How many characters of inline content sit inside links (trimmed of surrounding spaces). */
function linkChars(node: Node): number {
  if (node.nodeType !== 1) return 0;
  const el = node as Element;
  if (el.tagName.toLowerCase() === 'a') return inlineText(el).replace(/\s+/g, ' ').trim().length;
  let count = 0;
  for (const child of Array.from(el.childNodes)) count += linkChars(child);
  return count;
}

function isBlock(node: Node): node is Element {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toLowerCase());
}

/**
 * Walks a container's children: runs of inline content become one block of the
 * context's kind; block children are handled by what they are.
 */
function walkChildren(parent: Node, ctx: WalkContext, out: BlockDraft[]): void {
  let run = '';
  let links = 0;
  const flush = (): void => {
    if (run.trim()) {
      const draft: BlockDraft =
        ctx.kind === 'list-item' ? { kind: 'list-item', text: run, level: ctx.depth, ordered: ctx.ordered } : { kind: ctx.kind, text: run };
      if (links > 0) draft.linkChars = links;
      out.push(draft);
    }
    run = '';
    links = 0;
  };
  for (const child of Array.from(parent.childNodes)) {
    if (!isBlock(child)) {
      run += inlineText(child);
      links += linkChars(child);
      continue;
    }
    flush();
    walkBlock(child, ctx, out);
  }
  flush();
}

function walkBlock(el: Element, ctx: WalkContext, out: BlockDraft[]): void {
  const tag = el.tagName.toLowerCase();
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const draft: BlockDraft = { kind: 'heading', level: Number(heading[1]), text: inlineText(el) };
    const links = Array.from(el.childNodes).reduce((n, c) => n + linkChars(c), 0);
    if (links > 0) draft.linkChars = links;
    out.push(draft);
  } else if (tag === 'blockquote') {
    walkChildren(el, { ...ctx, kind: 'quote' }, out);
  } else if (tag === 'ul' || tag === 'ol') {
    walkChildren(el, { kind: 'paragraph', depth: ctx.depth + 1, ordered: tag === 'ol' }, out);
  } else if (tag === 'li') {
    walkChildren(el, { kind: 'list-item', depth: Math.max(1, ctx.depth), ordered: ctx.ordered }, out);
  } else if (tag === 'table') {
    tableDrafts(el, ctx, out);
  } else if (tag === 'tr') {
    // A row outside a table (a fragment): its cells, separated so they do not run together.
    const cells = Array.from(el.children)
      .map((c) => inlineText(c).trim())
      .filter(Boolean);
    if (cells.length) out.push({ kind: 'paragraph', text: cells.join(' | ') });
  } else if (tag === 'hr') {
    // A rule separates; it has no text.
  } else {
    walkChildren(el, ctx, out);
  }
}

/** Rows of a table: its own, and those of its thead/tbody/tfoot, not those of a table inside it. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')
      rows.push(...Array.from(child.children).filter((r) => r.tagName.toLowerCase() === 'tr'));
  }
  return rows;
}

let tableSerial = 0;

/** A cell's text: paragraphs and list items inside it are kept apart by a space. */
function cellText(node: Node): string {
  if (!isBlock(node)) return inlineText(node);
  let out = '';
  for (const child of Array.from(node.childNodes)) out += isBlock(child) ? ` ${cellText(child)} ` : inlineText(child);
  return out;
}

/**
 * A table as cells: the caption first (a paragraph), then one table-cell draft per cell that has
 * text, with its row and column. Column numbers count colspan; a cell a rowspan covers is left
 * empty below it. A table inside a cell is read as that cell's text.
 */
function tableDrafts(table: Element, ctx: WalkContext, out: BlockDraft[]): void {
  const caption = Array.from(table.children).find((c) => c.tagName.toLowerCase() === 'caption');
  if (caption) walkChildren(caption, { ...ctx, kind: 'paragraph' }, out);
  const id = (tableSerial += 1);
  const covered = new Map<number, number>(); // column → rows still covered by a rowspan above
  tableRows(table).forEach((tr, row) => {
    let col = 0;
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      while ((covered.get(col) ?? 0) > 0) col += 1;
      const text = cellText(cell).replace(/\s+/g, ' ').trim();
      const span = Math.max(1, Math.min(50, Number(cell.getAttribute('colspan')) || 1));
      const down = Math.max(1, Math.min(500, Number(cell.getAttribute('rowspan')) || 1));
      if (text) {
        out.push({
          kind: 'table-cell',
          text,
          table: id,
          row,
          col,
          ...(tag === 'th' ? { header: true } : {}),
          ...(span > 1 ? { colSpan: span } : {}),
          ...(down > 1 ? { rowSpan: down } : {}),
        });
      }
      for (let c = col; c < col + span; c += 1) if (down > 1) covered.set(c, down);
      col += span;
    }
    for (const [c, left] of covered) covered.set(c, left - 1);
  });
}

/**
 * Turns sanitised HTML (a fragment or element) into block drafts: h1-h6 headings,
 * p and loose text as paragraphs, blockquote contents as quotes, li as list items
 * with their nesting depth and whether the list is numbered.
 */
export function htmlToBlockDrafts(root: Node): BlockDraft[] {
  const out: BlockDraft[] = [];
  walkChildren(root, { kind: 'paragraph', depth: 0, ordered: false }, out);
  return out;
}
