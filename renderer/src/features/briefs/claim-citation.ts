import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { CitationCard } from './CitationCard';

export interface ClaimCitationOptions {
  /** Opens the citation picker (Ctrl/Cmd+Shift+K). */
  onPickCitation(): void;
  /** Cites the claim selected in the claims sidebar (Ctrl/Cmd+Shift+L); false when none is. */
  onCiteSelected(): boolean;
}

export interface ClaimCitationAttrs {
  claimId: string;
  articleId: string | null;
  /** The quote when it was cited: shown only while the claim cannot be read (see README). */
  quote: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    claimCitation: {
      /** Inserts a citation of a claim as a block at the selection, and leaves the cursor in the text after it. */
      insertCitation: (attrs: ClaimCitationAttrs) => ReturnType;
    };
  }
}

/**
 * A citation of a claim: a block atom (the analyst moves or deletes it whole, never edits its
 * words, which belong to the article). It stores only the claim's id, its article and the quote
 * as cited; the card reads everything else live from the core.
 */
export const ClaimCitation = Node.create<ClaimCitationOptions>({
  name: 'claimCitation',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { onPickCitation: () => undefined, onCiteSelected: () => false };
  },

  addAttributes() {
    return {
      claimId: { default: '', parseHTML: (el) => el.getAttribute('data-claim-id') ?? '', renderHTML: (a) => ({ 'data-claim-id': a.claimId }) },
      articleId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-article-id'),
        renderHTML: (a) => (a.articleId ? { 'data-article-id': a.articleId } : {}),
      },
      quote: { default: null, parseHTML: (el) => el.getAttribute('data-quote'), renderHTML: (a) => (a.quote ? { 'data-quote': a.quote } : {}) },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-claim-citation]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    // Copying a citation out of the editor gives readable text as well as the attributes to paste it back.
    return ['figure', mergeAttributes({ 'data-claim-citation': '' }, HTMLAttributes), ['blockquote', `“${String(node.attrs.quote ?? '')}”`]];
  },

  renderText({ node }) {
    return `“${String(node.attrs.quote ?? '')}”`;
  },

  addNodeView() {
    return ReactNodeViewRenderer(CitationCard);
  },

  addCommands() {
    return {
      insertCitation:
        (attrs) =>
        ({ chain }) =>
          chain()
            .insertContent({ type: this.name, attrs })
            .command(({ tr, state }) => {
              // Insertion selects the card itself, so the next key typed would replace it: move on to
              // the paragraph after it (the rest of a split paragraph), or a new empty one.
              const after = tr.selection.to;
              if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, state.schema.nodes.paragraph!.create());
              tr.setSelection(TextSelection.create(tr.doc, after + 1));
              return true;
            })
            .run(),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-k': () => {
        this.options.onPickCitation();
        return true;
      },
      'Mod-Shift-l': () => this.options.onCiteSelected(),
    };
  },
});
