// The reading-order measure of issue 16: the share of a document's 8-word runs (taken inside
// each paragraph of its source, in reading order) that appear, in order, in the imported text.

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function runs(list: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i += 1) out.push(list.slice(i, i + n).join(' '));
  return out;
}

/** Share (0-1) of the expected paragraphs' 8-word runs found in `actual`, and how many there were. */
export function readingOrderRunsKept(expectedParagraphs: readonly string[], actual: string, n = 8): { kept: number; total: number; share: number } {
  const found = new Set(runs(words(actual), n));
  let kept = 0;
  let total = 0;
  for (const paragraph of expectedParagraphs) {
    for (const run of runs(words(paragraph), n)) {
      total += 1;
      if (found.has(run)) kept += 1;
    }
  }
  return { kept, total, share: total ? kept / total : 1 };
}
