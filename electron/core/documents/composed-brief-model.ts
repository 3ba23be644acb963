import type { FoundCitation, ResolvedCitation } from '../../../shared/api/contract-briefs';
import type { Brief } from '../../../shared/model';
import { CITATION_NODE } from '../briefs/brief-doc';
import { safeUrl } from './escape';

/**
 * A brief the analyst wrote in the editor (a tiptap document with live claim citations),
 * turned into a neutral tree every export format renders: Markdown, HTML (and PDF through
 * it) and Word. Citations are numbered in reading order and resolved to the claim as it is
 * now; a citation whose claim is gone keeps the words it had when cited and says why.
 */
export interface ComposedBrief {
  title: string;
  updatedAt: string;
  blocks: DocBlock[];
  /** One note per citation, numbered from 1 in reading order. */
  notes: CitationNote[];
}

export interface InlineText {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  /** Only http(s) and mailto addresses survive; anything else is dropped, the words kept. */
  href?: string;
}

export type Inline = InlineText | { kind: 'break' };

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'quote'; blocks: DocBlock[] }
  | { kind: 'list'; ordered: boolean; start: number; items: DocBlock[][] }
  | { kind: 'rule' }
  | { kind: 'citation'; note: number; citation: FoundCitation }
  | { kind: 'missing-citation'; note: number; quote: string; reason: string };

export interface CitationNote {
  note: number;
  claimId: string;
  /** Where the quote comes from: the article's title, source, date and address. */
  source: { title: string; source: string | null; publishedAt: string | null; url: string | null } | null;
  /** Why the claim is gone, for a citation that no longer resolves. */
  missing: string | null;
}

type Node = { type?: unknown; attrs?: unknown; content?: unknown; text?: unknown; marks?: unknown };

function attrsOf(node: Node): Record<string, unknown> {
  return typeof node.attrs === 'object' && node.attrs !== null ? (node.attrs as Record<string, unknown>) : {};
}

function childrenOf(node: Node): Node[] {
  return Array.isArray(node.content) ? (node.content as Node[]) : [];
}

function inlineOf(node: Node): Inline[] {
  const out: Inline[] = [];
  for (const child of childrenOf(node)) {
    if (child.type === 'hardBreak') out.push({ kind: 'break' });
    else if (child.type === 'text' && typeof child.text === 'string' && child.text !== '') {
      const run: InlineText = { kind: 'text', text: child.text };
      for (const mark of Array.isArray(child.marks) ? (child.marks as Node[]) : []) {
        if (mark.type === 'bold') run.bold = true;
        else if (mark.type === 'italic') run.italic = true;
        else if (mark.type === 'strike') run.strike = true;
        else if (mark.type === 'underline') run.underline = true;
        else if (mark.type === 'link') {
          const href = safeUrl(typeof attrsOf(mark).href === 'string' ? (attrsOf(mark).href as string) : null);
          if (href) run.href = href;
        }
      }
      out.push(run);
    } else if (childrenOf(child).length > 0) {
      out.push(...inlineOf(child)); // an unknown inline wrapper: keep its words
    }
  }
  return out;
}

/**
 * Builds the export tree of a stored brief. `citations` are the brief's resolved citations
 * (as getBrief returns them); a citation node whose claim is not among them counts as missing.
 */
export function buildComposedBrief(brief: Brief, citations: ResolvedCitation[]): ComposedBrief {
  const byId = new Map(citations.map((c) => [c.claimId, c]));
  const notes: CitationNote[] = [];

  const blocksOf = (parent: Node): DocBlock[] => childrenOf(parent).flatMap((node) => blockOf(node));
  const blockOf = (node: Node): DocBlock[] => {
    const attrs = attrsOf(node);
    switch (node.type) {
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(attrs.level) || 1)) as 1 | 2 | 3;
        return [{ kind: 'heading', level, inline: inlineOf(node) }];
      }
      case 'paragraph':
        return [{ kind: 'paragraph', inline: inlineOf(node) }];
      case 'blockquote':
        return [{ kind: 'quote', blocks: blocksOf(node) }];
      case 'bulletList':
      case 'orderedList': {
        const start = Math.max(1, Math.floor(Number(attrs.start) || 1));
        return [{ kind: 'list', ordered: node.type === 'orderedList', start, items: childrenOf(node).map((item) => blocksOf(item)) }];
      }
      case 'horizontalRule':
        return [{ kind: 'rule' }];
      case CITATION_NODE: {
        const claimId = typeof attrs.claimId === 'string' ? attrs.claimId : '';
        const note = notes.length + 1;
        const resolved = byId.get(claimId);
        if (resolved?.state === 'found') {
          const { title, source, publishedAt, url } = resolved.article;
          notes.push({ note, claimId, source: { title, source, publishedAt, url }, missing: null });
          return [{ kind: 'citation', note, citation: resolved }];
        }
        const reason = resolved?.state === 'missing' ? resolved.reason : 'This claim is no longer in the notebook.';
        notes.push({ note, claimId, source: null, missing: reason });
        return [{ kind: 'missing-citation', note, quote: typeof attrs.quote === 'string' ? attrs.quote : '', reason }];
      }
      default:
        // A node this exporter does not know (a future editor extension): keep its words.
        if (typeof node.text === 'string') return [{ kind: 'paragraph', inline: [{ kind: 'text', text: node.text }] }];
        return childrenOf(node).some((c) => c.type === 'text') ? [{ kind: 'paragraph', inline: inlineOf(node) }] : blocksOf(node);
    }
  };

  const blocks = blocksOf(brief.doc as Node);
  // A document that opens with its own title as a heading (generated drafts do) would show it twice.
  const [first] = blocks;
  if (first?.kind === 'heading' && plainText(first.inline).trim() === brief.title.trim()) blocks.shift();
  return { title: brief.title, updatedAt: brief.updatedAt, blocks, notes };
}

/** "United States (Jake Sullivan) · Taiwan › Arms sales · Opposes": who said it, on what, where they stand. */
export function attributionOf(citation: FoundCitation): string {
  const actors = citation.actors.map((a) => a.name).join(' & ') || 'No actor';
  const who = citation.speaker ? `${actors} (${citation.speaker})` : actors;
  const parts = [who, citation.issue?.path ?? 'No issue', citation.stance?.label ?? 'No stance'];
  if (citation.anchor.status === 'orphaned') parts.push(ORPHANED_NOTE);
  else if (citation.anchor.review) parts.push(UNCONFIRMED_NOTE);
  return parts.join(' · ');
}

/** Said of a cited claim placed after an edit on doubtful evidence, until the analyst confirms it. */
export const UNCONFIRMED_NOTE = 'placement after an edit not yet confirmed (needs review)';

/** Said of a cited claim whose quote an edit of the article's text lost (it waits in the orphans review). */
export const ORPHANED_NOTE = 'quote no longer found in the article’s current text';

/** The plain words of a run of inline content. */
export function plainText(inline: Inline[]): string {
  return inline.map((i) => (i.kind === 'break' ? '\n' : i.text)).join('');
}
