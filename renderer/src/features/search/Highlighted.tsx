import type { SearchSnippet } from '../../../../shared/api/contract-search';

/** A snippet with its matched ranges in <mark>; the text stays text (React escapes it). */
export function Highlighted({ snippet }: { snippet: SearchSnippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const ranges = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <span className="search-snippet">
      {snippet.clippedStart && '…'}
      {parts}
      {snippet.clippedEnd && '…'}
    </span>
  );
}
