import type { KeyboardEvent, ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';

interface EditorToolbarProps {
  editor: Editor;
  onLink(): void;
  onCite(): void;
  /** Cites the claim chosen in the claims sidebar, when there is one. */
  onCiteSelected: (() => void) | null;
}

interface ToolProps {
  label: string;
  keys: string;
  pressed?: boolean;
  disabled?: boolean;
  /** The toolbar's one Tab stop; the other buttons are reached with the arrow keys. */
  tabStop?: boolean;
  onPress(): void;
  children: ReactNode;
}

/** One toolbar button: named for screen readers, its shortcut announced and shown on hover. */
function Tool({ label, keys, pressed, disabled, tabStop, onPress, children }: ToolProps) {
  return (
    <button
      type="button"
      className={`brief-tool${pressed ? ' brief-tool--on' : ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      title={`${label} (${keys.replaceAll('Control', 'Ctrl')})`}
      disabled={disabled}
      tabIndex={tabStop ? 0 : -1}
      // Keep the editor's selection: a mouse press on the toolbar must not take focus from the text.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

/** Left and Right walk the toolbar's buttons (one Tab stop for the whole toolbar). */
function onToolbarKey(event: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  event.preventDefault();
  buttons[next]?.focus();
}

/** The formatting toolbar: each button shows whether its format is on where the cursor is. */
export function EditorToolbar({ editor, onLink, onCite, onCiteSelected }: EditorToolbarProps) {
  const on = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = () => editor.chain().focus();
  return (
    <div role="toolbar" aria-label="Formatting" aria-controls="brief-editor-body" className="brief-toolbar" onKeyDown={onToolbarKey}>
      <Tool label="Bold" keys="Control+B" tabStop pressed={on.bold} onPress={() => run().toggleBold().run()}>
        <b>B</b>
      </Tool>
      <Tool label="Italic" keys="Control+I" pressed={on.italic} onPress={() => run().toggleItalic().run()}>
        <i>I</i>
      </Tool>
      <span className="brief-toolbar__gap" aria-hidden="true" />
      {([1, 2, 3] as const).map((level) => (
        <Tool
          key={level}
          label={`Heading ${level}`}
          keys={`Control+Alt+${level}`}
          pressed={on[`h${level}`]}
          onPress={() => run().toggleHeading({ level }).run()}
        >
          H{level}
        </Tool>
      ))}
      <span className="brief-toolbar__gap" aria-hidden="true" />
      <Tool label="Bulleted list" keys="Control+Shift+8" pressed={on.bullets} onPress={() => run().toggleBulletList().run()}>
        • List
      </Tool>
      <Tool label="Numbered list" keys="Control+Shift+7" pressed={on.numbers} onPress={() => run().toggleOrderedList().run()}>
        1. List
      </Tool>
      <Tool label="Block quote" keys="Control+Shift+B" pressed={on.quote} onPress={() => run().toggleBlockquote().run()}>
        ❝
      </Tool>
      <Tool label="Link" keys="Control+Alt+K" pressed={on.link} onPress={onLink}>
        Link
      </Tool>
      <span className="brief-toolbar__gap" aria-hidden="true" />
      <Tool label="Cite a claim" keys="Control+Shift+K" onPress={onCite}>
        Cite claim
      </Tool>
      {onCiteSelected && (
        <Tool label="Cite the claim selected in the sidebar" keys="Control+Shift+L" onPress={onCiteSelected}>
          Cite selected
        </Tool>
      )}
      <span className="brief-toolbar__gap" aria-hidden="true" />
      <Tool label="Undo" keys="Control+Z" disabled={!on.canUndo} onPress={() => run().undo().run()}>
        ↶
      </Tool>
      <Tool label="Redo" keys="Control+Shift+Z" disabled={!on.canRedo} onPress={() => run().redo().run()}>
        ↷
      </Tool>
    </div>
  );
}
