import { UserError } from '../../../shared/api';
import type { Block } from '../../../shared/model';

function cellName(block: Block): string {
  return `row ${(block.row ?? 0) + 1}, column ${(block.col ?? 0) + 1}`;
}

/**
 * Refuses a claim over [start, end) that runs from one table cell into another: each cell is its
 * own piece of data, and a quote joined across cells ("Turkey\n45 %") would read as a sentence
 * the source never wrote. Ranges that touch one cell, or no table, pass.
 *
 * @throws UserError 'invalid-request' naming the cells and what to do.
 */
export function assertWithinOneCell(article: { readonly blocks: readonly Block[] }, start: number, end: number): void {
  const cells = article.blocks.filter((b) => b.kind === 'table-cell' && b.start < end && b.end > start);
  const others = article.blocks.some((b) => b.kind !== 'table-cell' && b.start < end && b.end > start);
  if (cells.length > 1 || (cells.length === 1 && others)) {
    const where =
      cells.length > 1
        ? `from ${cellName(cells[0]!)} to ${cellName(cells.at(-1)!)} of a table`
        : `from a table cell (${cellName(cells[0]!)}) into the text around the table`;
    throw new UserError(
      'invalid-request',
      `The selection runs ${where}. A claim quotes one cell at a time: select the words inside one cell and make the claim again.`,
    );
  }
}
