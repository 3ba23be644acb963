import { getSchema } from '@tiptap/core';
import { briefExtensions } from './brief-extensions';

const schema = getSchema(briefExtensions({ onPickCitation: () => undefined, onCiteSelected: () => false, onLink: () => undefined }));

/**
 * Why the editor cannot show a stored document faithfully, or null when it can. Tiptap replaces
 * content it cannot read with an empty document, and the next autosave would then overwrite the
 * brief; so a brief that fails this check is opened read-only instead (e.g. one written by a
 * newer Stancebook with a node type this one lacks).
 */
export function briefDocProblem(doc: unknown): string | null {
  try {
    schema.nodeFromJSON(doc).check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The words of each top-level block of a document, for showing a brief the editor cannot open. */
export function plainBlocks(doc: unknown): string[] {
  const words = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const n = node as { text?: unknown; content?: unknown; attrs?: { quote?: unknown } };
    if (typeof n.text === 'string') return n.text;
    if (typeof n.attrs?.quote === 'string') return `“${n.attrs.quote}”`;
    return Array.isArray(n.content) ? n.content.map(words).join(' ') : '';
  };
  const content = (doc as { content?: unknown } | null)?.content;
  return Array.isArray(content) ? content.map(words).filter((t) => t.trim()) : [];
}
