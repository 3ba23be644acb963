/** Node types whose content starts a new line in the plain text (so words do not run together). */
const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'listItem',
  'bulletList',
  'orderedList',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
]);

/** Stops walking absurdly deep documents: a brief is a few levels deep, never thousands. */
const MAX_DEPTH = 100;

/**
 * The plain text of a tiptap (ProseMirror JSON) document: text nodes in order, blocks on their
 * own lines. Claim citations contribute their label when they carry one. The document is
 * free-form JSON from the store, so anything unexpected is skipped rather than trusted.
 */
export function briefPlainText(doc: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown };
    if (typeof n.text === 'string') parts.push(n.text);
    const attrs = n.attrs as { label?: unknown } | undefined;
    if (n.type === 'claimCitation' && typeof attrs?.label === 'string') parts.push(attrs.label);
    if (Array.isArray(n.content)) for (const child of n.content) walk(child, depth + 1);
    if (typeof n.type === 'string' && BLOCK_TYPES.has(n.type)) parts.push('\n');
  };
  walk(doc, 0);
  return parts
    .join('')
    .replace(/[ \t]*\n[\s]*/g, '\n')
    .trim();
}
