import { Extension, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { ClaimCitation } from './claim-citation';
import { isSafeLink } from './safe-link';

export interface BriefEditorCallbacks {
  onPickCitation(): void;
  onCiteSelected(): boolean;
  onLink(): void;
}

/**
 * Ctrl/Cmd+Alt+K opens the link dialog. Ctrl+K is the notebook search everywhere in the app,
 * the brief editor included (issue 11); Ctrl+Shift+K cites a claim, so the link takes Alt.
 */
const LinkKey = Extension.create<{ onLink(): void }>({
  name: 'briefLinkKey',
  addOptions: () => ({ onLink: () => undefined }),
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-k': () => {
        this.options.onLink();
        return true;
      },
    };
  },
});

/**
 * The brief editor's schema and keys: StarterKit (headings 1-3, paragraphs, lists, bold,
 * italic, links, quotes, undo), the claim citation node, and the link key. Links accept only
 * http(s) and mailto addresses, typed, pasted or auto-detected alike; a brief is a document for
 * analysts, so code blocks and inline code are left out.
 */
export function briefExtensions(callbacks: BriefEditorCallbacks): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isSafeLink(url),
        shouldAutoLink: (url) => isSafeLink(url) || isSafeLink(`https://${url}`),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    ClaimCitation.configure({ onPickCitation: callbacks.onPickCitation, onCiteSelected: callbacks.onCiteSelected }),
    LinkKey.configure({ onLink: callbacks.onLink }),
  ];
}
