/** A quotation in the text: from its opening mark to its closing mark inclusive (UTF-16 offsets). */
export interface QuoteRange {
  start: number;
  end: number;
}

/**
 * The quotations in one paragraph: curly quotes pair “ with ”, straight double quotes pair in
 * turn. A quotation left open runs to the paragraph's end (news style opens each paragraph of a
 * long quotation and closes only the last).
 */
export function quoteRanges(text: string, from: number, to: number): QuoteRange[] {
  const ranges: QuoteRange[] = [];
  let open = -1;
  let straight = false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (open < 0 && (c === '“' || c === '"')) {
      open = i;
      straight = c === '"';
    } else if (open >= 0 && ((straight && c === '"') || (!straight && c === '”'))) {
      ranges.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  if (open >= 0) ranges.push({ start: open, end: to });
  return ranges;
}
