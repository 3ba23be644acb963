import { CITATION_NODE, isSafeHref } from './brief-doc';

/**
 * Small builders for tiptap JSON nodes, so generated briefs use exactly the node and mark
 * names the editor's StarterKit and citation extension define (see README.md).
 */
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

export function text(value: string, marks?: DocNode['marks']): DocNode {
  return marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

export function bold(value: string): DocNode {
  return text(value, [{ type: 'bold' }]);
}

export function italic(value: string): DocNode {
  return text(value, [{ type: 'italic' }]);
}

/** Linked text when the URL is safe to link, plain text otherwise. */
export function link(value: string, href: string | null): DocNode {
  return href && isSafeHref(href) ? text(value, [{ type: 'link', attrs: { href } }]) : text(value);
}

/** A paragraph; empty text pieces are dropped because ProseMirror refuses empty text nodes. */
export function paragraph(...content: DocNode[]): DocNode {
  const kept = content.filter((n) => n.type !== 'text' || (n.text ?? '') !== '');
  return kept.length > 0 ? { type: 'paragraph', content: kept } : { type: 'paragraph' };
}

export function heading(level: 1 | 2 | 3, value: string): DocNode {
  return { type: 'heading', attrs: { level }, content: [text(value)] };
}

/** A bullet list whose items each hold one paragraph of the given inline nodes. */
export function bulletList(items: DocNode[][]): DocNode {
  return { type: 'bulletList', content: items.map((inline) => ({ type: 'listItem', content: [paragraph(...inline)] })) };
}

/**
 * A citation of a claim: a block atom. `quote` is the claim's words when it was cited, kept
 * only so a reader of the raw document (or an export of a deleted claim) still sees them.
 */
export function citation(claimId: string, articleId: string, quote: string): DocNode {
  return { type: CITATION_NODE, attrs: { claimId, articleId, quote } };
}

export function doc(content: DocNode[]): Record<string, unknown> {
  return { type: 'doc', content };
}
