import type { ArticleBlockView } from './article-model';

/** A table of the article for the exporters: its cells on their grid (null where the source had none). */
export interface ArticleTableView {
  rows: (ArticleBlockView | null)[][];
  /** Places a spanning cell covers ("row:col"): no cell is written there in HTML. */
  covered: Set<string>;
}

/** The grid places that spanning cells cover, beside their own. */
export function coveredPlaces(cells: readonly { row?: number; col?: number; colSpan?: number; rowSpan?: number }[]): Set<string> {
  const covered = new Set<string>();
  for (const cell of cells) {
    const r0 = cell.row ?? 0;
    const c0 = cell.col ?? 0;
    for (let r = r0; r < r0 + (cell.rowSpan ?? 1); r += 1) {
      for (let c = c0; c < c0 + (cell.colSpan ?? 1); c += 1) if (r !== r0 || c !== c0) covered.add(`${r}:${c}`);
    }
  }
  return covered;
}

export type ArticlePart = { block: ArticleBlockView } | { table: ArticleTableView };

/**
 * The article's blocks with each run of table cells (of one table) gathered into a grid, so the
 * exporters write a table where the article has one and every other block as it is.
 */
export function articleParts(blocks: readonly ArticleBlockView[]): ArticlePart[] {
  const parts: ArticlePart[] = [];
  let cells: ArticleBlockView[] = [];
  const flush = (): void => {
    if (cells.length === 0) return;
    const rows = Math.max(...cells.map((c) => c.row ?? 0)) + 1;
    const cols = Math.max(...cells.map((c) => c.col ?? 0)) + 1;
    const grid: (ArticleBlockView | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
    for (const cell of cells) grid[cell.row ?? 0]![cell.col ?? 0] = cell;
    parts.push({ table: { rows: grid, covered: coveredPlaces(cells) } });
    cells = [];
  };
  for (const block of blocks) {
    if (block.kind === 'table-cell' && (cells.length === 0 || cells[0]!.table === block.table)) {
      cells.push(block);
      continue;
    }
    flush();
    if (block.kind === 'table-cell') cells.push(block);
    else parts.push({ block });
  }
  flush();
  return parts;
}
