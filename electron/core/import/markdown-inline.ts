/**
 * Markdown inline markup to plain text. The canonical text is what a reader sees,
 * so link targets, emphasis markers and inline HTML go; their visible words stay.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Replaces HTML character references, which Markdown allows in running text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Strips inline Markdown from one block's text, keeping the words a reader sees. */
export function stripInlineMarkdown(text: string): string {
  // Code spans first, and shielded behind private-use sentinels, so markup-looking characters inside them survive.
  const codes: string[] = [];
  let s = text.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => {
    codes.push(code.trim());
    return `\uE000${codes.length - 1}\uE000`;
  });
  s = s
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_m, c: string) => `\uE001${c.charCodeAt(0)}\uE001`) // escapes: shield too
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: keep the alt text, never the source
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1') // links: keep the words
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/\[\^[^\]]+\]/g, '') // footnote markers
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1') // autolinks
    .replace(/<\/?[a-z][^>]*>/gi, '') // inline HTML tags
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2') // snake_case stays
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  s = decodeEntities(s)
    .replace(/\uE001(\d+)\uE001/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => codes[Number(i)] ?? '');
  return s;
}
