import { memo, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { Block } from '../../../../shared/model';
import { UNCODED_COLOUR } from '../claims/codebook-lookup';
import { rangesByBlock, segmentBlock, type ClaimRange, type Segment } from './segments';
import './faithful-text.css';

interface ArticleBodyProps {
  text: string;
  blocks: Block[];
  ranges: ClaimRange[];
  /** Claim id → stance colour. */
  colours: Map<string, string>;
  selectedClaimId: string | null;
  /** Claims the sidebar's filters keep; others are drawn faintly. Null when nothing is filtered. */
  visibleIds: Set<string> | null;
}

/** What one block needs to draw itself: its own text and only the claims that touch it. */
interface BlockViewProps {
  block: Block;
  /** text.slice(block.start, block.end) */
  blockText: string;
  ranges: ClaimRange[];
  colours: Map<string, string>;
  selectedClaimId: string | null;
  visibleIds: Set<string> | null;
}

/**
 * One run of text with the claims over it. A plain function, not a component: an article has
 * thousands of segments, and a component each made as many more fibers to build on first paint.
 */
function segmentView(segment: Segment, props: BlockViewProps): ReactNode {
  const content = props.blockText.slice(segment.start - props.block.start, segment.end - props.block.start);
  const common = { 'data-seg': '', 'data-start': segment.start, 'data-end': segment.end };
  const [innermost] = segment.claimIds;
  if (!innermost)
    return (
      <span key={segment.start} {...common}>
        {content}
      </span>
    );
  const classes = ['hl'];
  if (segment.claimIds.length > 1) classes.push('hl--overlap');
  if (props.selectedClaimId && segment.claimIds.includes(props.selectedClaimId)) classes.push('hl--selected');
  if (props.visibleIds && !segment.claimIds.some((id) => props.visibleIds?.has(id))) classes.push('hl--muted');
  const unconfirmed = props.ranges.some((r) => r.unconfirmed && segment.claimIds.includes(r.id));
  if (unconfirmed) classes.push('hl--unconfirmed');
  // The selected claim's colour wins where it is one of several, so its extent reads clearly.
  const shown = props.selectedClaimId && segment.claimIds.includes(props.selectedClaimId) ? props.selectedClaimId : innermost;
  const colour = props.colours.get(shown) ?? UNCODED_COLOUR;
  if (colour === UNCODED_COLOUR) classes.push('hl--uncoded');
  const style = { '--hl': colour } as CSSProperties;
  return (
    <mark
      key={segment.start}
      {...common}
      className={classes.join(' ')}
      data-claims={segment.claimIds.join(' ')}
      style={style}
      {...(unconfirmed ? { title: 'Needs review: placed again after an edit, not yet confirmed', 'data-unconfirmed': '' } : {})}
    >
      {content}
    </mark>
  );
}

/** About how many lines a block takes at the reader's measure. */
function estimatedLines(block: Block): number {
  return Math.max(1, Math.ceil((block.end - block.start) / 78));
}

function BlockViewImpl(props: BlockViewProps): ReactNode {
  const { block } = props;
  const content = segmentBlock(block, props.ranges).map((s) => segmentView(s, props));
  const data = { 'data-block-start': block.start, 'data-block-end': block.end };
  switch (block.kind) {
    case 'heading': {
      // The article title is the page's h1; the body's headings sit below it.
      const level = Math.min(6, (block.level ?? 1) + 1);
      const Tag = `h${level}` as 'h2';
      return (
        <Tag {...data} className="article-heading">
          {content}
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote {...data} className="article-quote">
          {content}
        </blockquote>
      );
    case 'table-cell':
      return block.header ? (
        <th {...data} className="article-cell" scope={block.row === 0 ? 'col' : 'row'} colSpan={block.colSpan} rowSpan={block.rowSpan}>
          {content}
        </th>
      ) : (
        <td {...data} className="article-cell" colSpan={block.colSpan} rowSpan={block.rowSpan}>
          {content}
        </td>
      );
    case 'list-item':
      return (
        <li {...data} className="article-list-item" style={{ marginInlineStart: `${((block.level ?? 1) - 1) * 1.5}em` }}>
          {content}
        </li>
      );
    default:
      // A line of the paragraph before (an address, a poem, a table typed with spaces) sits right under it.
      return (
        <p {...data} className={block.lineBreak ? 'article-paragraph article-paragraph--line' : 'article-paragraph'}>
          {content}
        </p>
      );
  }
}

function sameRanges(a: ClaimRange[], b: ClaimRange[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((r, i) => r.id === b[i]?.id && r.start === b[i]?.start && r.end === b[i]?.end && r.unconfirmed === b[i]?.unconfirmed);
}

/**
 * A block draws again only when something it shows changed: its text, the claims on it, or the
 * colour, selection or filtering of one of those claims. Creating or selecting a claim so
 * re-renders the one or two blocks it touches, not the whole article.
 */
function sameBlockView(a: BlockViewProps, b: BlockViewProps): boolean {
  const ba = a.block;
  const bb = b.block;
  if (
    ba !== bb &&
    (ba.start !== bb.start ||
      ba.end !== bb.end ||
      ba.kind !== bb.kind ||
      ba.level !== bb.level ||
      ba.ordered !== bb.ordered ||
      ba.lineBreak !== bb.lineBreak)
  )
    return false;
  if (a.blockText !== b.blockText || !sameRanges(a.ranges, b.ranges)) return false;
  for (const r of b.ranges) {
    if (a.colours.get(r.id) !== b.colours.get(r.id)) return false;
    if ((a.selectedClaimId === r.id) !== (b.selectedClaimId === r.id)) return false;
    if ((a.visibleIds === null) !== (b.visibleIds === null)) return false;
    if (a.visibleIds && b.visibleIds && a.visibleIds.has(r.id) !== b.visibleIds.has(r.id)) return false;
  }
  return true;
}

const BlockView = memo(BlockViewImpl, sameBlockView);

/**
 * A table of the article: its cells (each a block, so a claim quotes one cell) on the grid their
 * row and column give; cells with no text in the source are drawn empty.
 */
function ArticleTable({ cells }: { cells: { block: Block; view: ReactNode }[] }) {
  const rows = Math.max(...cells.map((c) => (c.block.row ?? 0) + (c.block.rowSpan ?? 1)));
  const cols = Math.max(...cells.map((c) => (c.block.col ?? 0) + (c.block.colSpan ?? 1)));
  const at = new Map(cells.map((c) => [`${c.block.row ?? 0}:${c.block.col ?? 0}`, c.view]));
  // Places a spanning cell covers get no cell of their own.
  const covered = new Set<string>();
  for (const { block } of cells) {
    const [row, col] = [block.row ?? 0, block.col ?? 0];
    for (let r = row; r < row + (block.rowSpan ?? 1); r += 1) {
      for (let c = col; c < col + (block.colSpan ?? 1); c += 1) if (r !== row || c !== col) covered.add(`${r}:${c}`);
    }
  }
  return (
    <div className="article-table-wrap">
      <table className="article-table">
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: cols }, (_, c) =>
                covered.has(`${r}:${c}`) ? null : (at.get(`${r}:${c}`) ?? <td key={`empty-${c}`} className="article-cell article-cell--empty" />),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** About how much text goes in one chunk of the article (see ArticleBody). */
const CHUNK_CHARS = 4000;

/**
 * The article's text, block by block, with claims drawn as highlights. Consecutive list items
 * are grouped into one list so they read (and are announced) as a list.
 *
 * Blocks are grouped into chunks of a few thousand characters, each `content-visibility: auto`:
 * chunks far from the viewport are neither laid out nor painted until they come near, which is
 * what lets a 100,000-word article open at once. The text stays in the DOM, so selection, find,
 * screen readers and scroll-to-claim see all of it. Chunks rather than blocks, because the
 * browser watches every such element on every frame; a chunk (a plain div) says nothing to
 * assistive technology.
 */
export const ArticleBody = memo(function ArticleBody(props: ArticleBodyProps) {
  const { text, blocks, ranges } = props;
  const perBlock = useMemo(() => rangesByBlock(blocks, ranges), [blocks, ranges]);
  const chunks: ReactNode[] = [];
  let chunk: { nodes: ReactNode[]; start: number; chars: number; lines: number; endsWithHeading: boolean } | null = null;
  let list: { ordered: boolean; items: ReactNode[]; start: number } | null = null;
  let table: { id: number; cells: { block: Block; view: ReactNode }[]; start: number } | null = null;
  const flushTable = () => {
    if (!table || !chunk) return;
    chunk.nodes.push(<ArticleTable key={`table-${table.start}`} cells={table.cells} />);
    table = null;
  };
  const flushList = () => {
    if (!list || !chunk) return;
    const List = list.ordered ? 'ol' : 'ul';
    chunk.nodes.push(
      <List key={`list-${list.start}`} className="article-list">
        {list.items}
      </List>,
    );
    list = null;
  };
  const flushChunk = () => {
    flushList();
    flushTable();
    if (!chunk) return;
    // Lines at 1.72em plus about 1em between blocks: a guess at the chunk's height until it is
    // first laid out, so the scrollbar is about right; after that the browser remembers it (auto).
    const style = { containIntrinsicBlockSize: `auto ${Math.round(chunk.lines * 1.72 + chunk.nodes.length)}em` };
    chunks.push(
      <div key={`chunk-${chunk.start}`} className="article-chunk" style={style}>
        {chunk.nodes}
      </div>,
    );
    chunk = null;
  };
  for (const [i, block] of blocks.entries()) {
    // A new chunk starts at a paragraph or quote once the current one is full, never inside a
    // list and never right after a heading, which stays with what it heads.
    const canBreak = block.kind === 'paragraph' || block.kind === 'quote';
    if (chunk && chunk.chars >= CHUNK_CHARS && canBreak && !chunk.endsWithHeading) flushChunk();
    chunk ??= { nodes: [], start: block.start, chars: 0, lines: 0, endsWithHeading: false };
    chunk.chars += block.end - block.start;
    chunk.lines += estimatedLines(block);
    chunk.endsWithHeading = block.kind === 'heading';
    const view = (
      <BlockView
        key={block.start}
        block={block}
        blockText={text.slice(block.start, block.end)}
        ranges={perBlock[i] ?? []}
        colours={props.colours}
        selectedClaimId={props.selectedClaimId}
        visibleIds={props.visibleIds}
      />
    );
    if (block.kind !== 'table-cell' || (table && table.id !== block.table)) flushTable();
    if (block.kind === 'table-cell') {
      flushList();
      table ??= { id: block.table ?? 0, cells: [], start: block.start };
      table.cells.push({ block, view });
    } else if (block.kind === 'list-item') {
      const ordered = !!block.ordered;
      if (!list || list.ordered !== ordered) {
        flushList();
        list = { ordered, items: [], start: block.start };
      }
      list.items.push(view);
    } else {
      flushList();
      chunk.nodes.push(view);
    }
  }
  flushChunk();
  return <>{chunks}</>;
});
