import { UserError } from '../../../shared/api';
import type { CitationRef } from '../../../shared/api/contract-briefs';

/** The node type of a claim citation in a brief's tiptap document. */
export const CITATION_NODE = 'claimCitation';

/** Largest document a brief may hold, as JSON characters: far beyond any real brief (~2 MB). */
export const MAX_BRIEF_DOC_CHARS = 2_000_000;
/** Deepest nesting accepted; real documents (lists in quotes in lists) stay far below it. */
const MAX_DEPTH = 64;
const MAX_NODES = 200_000;
const NODE_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** What a blank brief holds: one empty paragraph for the cursor. */
export function emptyDoc(): Record<string, unknown> {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * Links in a brief end up in HTML, PDF and Word exports, so only these schemes are kept:
 * anything else (javascript:, data:, file:) could run or leak when the export is opened.
 */
export function isSafeHref(href: unknown): boolean {
  if (typeof href !== 'string' || href.length > 2000) return false;
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(why: string): never {
  throw new UserError('invalid-request', `This brief could not be saved: ${why}`);
}

/**
 * Checks that `doc` is a tiptap/ProseMirror JSON document Stancebook can store and export:
 * a `doc` node, nodes with a type and optional content/marks/attrs/text, citation nodes with
 * a claim id, links with safe schemes only, within size and depth limits. Throws a UserError
 * (`invalid-request`) naming the problem; returns nothing when the document is acceptable.
 * It does not check the editor's schema rules (which node may hold which): the editor does.
 */
export function validateBriefDoc(doc: unknown): asserts doc is Record<string, unknown> {
  if (!isPlainObject(doc) || doc.type !== 'doc') refuse('the document must be a JSON object of type "doc".');
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch {
    refuse('the document is not plain JSON.');
  }
  if (size > MAX_BRIEF_DOC_CHARS) {
    refuse(
      `the document is ${Math.round(size / 1000)} kB, more than the ${MAX_BRIEF_DOC_CHARS / 1_000_000} MB a brief may hold. Split it into several briefs.`,
    );
  }
  let nodes = 0;
  const visit = (node: unknown, depth: number): void => {
    if (++nodes > MAX_NODES) refuse('the document has too many parts.');
    if (depth > MAX_DEPTH) refuse(`the document nests deeper than ${MAX_DEPTH} levels.`);
    if (!isPlainObject(node)) refuse('every part of the document must be an object.');
    if (typeof node.type !== 'string' || !NODE_TYPE.test(node.type)) refuse('a part of the document has no valid type.');
    if (node.attrs !== undefined && !isPlainObject(node.attrs)) refuse(`a "${node.type}" has attributes that are not an object.`);
    if (node.type === 'text' && typeof node.text !== 'string') refuse('a text part has no text.');
    if (node.type === CITATION_NODE) {
      const attrs = (node.attrs ?? {}) as Record<string, unknown>;
      if (typeof attrs.claimId !== 'string' || !attrs.claimId || attrs.claimId.length > 200) refuse('a claim citation has no claim id.');
      if (attrs.articleId != null && typeof attrs.articleId !== 'string') refuse('a claim citation has an invalid article id.');
    }
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) refuse('text marks must be a list.');
      for (const mark of node.marks) {
        if (!isPlainObject(mark) || typeof mark.type !== 'string') refuse('a text mark has no type.');
        if (mark.type === 'link' && !isSafeHref((mark.attrs as Record<string, unknown> | undefined)?.href)) {
          refuse('a link must start with http://, https:// or mailto:.');
        }
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) refuse(`the content of a "${node.type}" must be a list.`);
      for (const child of node.content) visit(child, depth + 1);
    }
  };
  visit(doc, 0);
}

/**
 * The claims a document cites, each once, in the order they first appear, with the article
 * each was cited from when the citation records it.
 */
export function collectCitations(doc: unknown): CitationRef[] {
  const seen = new Map<string, CitationRef>();
  const visit = (node: unknown, depth: number): void => {
    if (!isPlainObject(node) || depth > MAX_DEPTH) return;
    if (node.type === CITATION_NODE && isPlainObject(node.attrs)) {
      const { claimId, articleId } = node.attrs;
      if (typeof claimId === 'string' && claimId && !seen.has(claimId)) {
        seen.set(claimId, typeof articleId === 'string' && articleId ? { claimId, articleId } : { claimId });
      }
    }
    if (Array.isArray(node.content)) for (const child of node.content) visit(child, depth + 1);
  };
  visit(doc, 0);
  return [...seen.values()];
}
