import { useContext, useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { Button, ComboBox, ComboBoxStateContext, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { CREATE_KEY, codeOptions, exactEntry, type CodeEntry } from './code-options';

/** An entry of a token field: a codebook entry (or a code about to be created, `isNew`). */
export interface TokenEntry extends CodeEntry {
  color?: string | null;
  /** Shown beside the name in the list: an actor's aliases. */
  hint?: string;
}

export interface ChosenToken {
  key: string;
  name: string;
  color?: string | null;
  /** Not in the codebook yet: created with the claim. */
  isNew: boolean;
}

interface CodeTokenPickerProps {
  /** "Actors", "Tags". */
  label: string;
  /** "actor", "tag": for "Create actor "…"" and the messages. */
  noun: string;
  entries: readonly TokenEntry[];
  chosen: readonly ChosenToken[];
  onAdd(entry: TokenEntry): void;
  onCreate(name: string): void;
  onRemove(key: string): void;
  placeholder: string;
  /** The typed text not yet made a token; the editor reads it at save time so nothing is lost. */
  pendingRef?: RefObject<string>;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
}

type ComboBoxState = NonNullable<React.ContextType<typeof ComboBoxStateContext>>;

/** Hands the combobox's state to the picker, which must close the list after each pick. */
function StateHandle({ stateRef }: { stateRef: RefObject<ComboBoxState | null> }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    stateRef.current = state;
  });
  return null;
}

/**
 * A token field over codebook entries (actors, tags): type to find by name or alias, or to make
 * a new one: text no entry is named offers "Create actor "…"" as the first option. Enter on
 * typed text always makes it a token (the highlighted option, else the first), never saves the
 * claim with the text dropped; Enter on an empty field is left to the form (saves). Backspace
 * in the empty field removes the last token.
 */
export function CodeTokenPicker({
  entries,
  chosen,
  noun,
  label,
  placeholder,
  onAdd,
  onCreate,
  onRemove,
  pendingRef,
  inputRef,
  autoFocus,
}: CodeTokenPickerProps) {
  const [query, setQuery] = useState('');
  const stateRef = useRef<ComboBoxState | null>(null);
  const chosenKeys = new Set(chosen.map((c) => c.key));
  const options = codeOptions(entries, query, chosenKeys);
  useEffect(() => {
    if (pendingRef) pendingRef.current = query;
  }, [query, pendingRef]);

  const settle = () => {
    setQuery('');
    // Clearing the input after a pick reopens the list; a token field should settle instead.
    requestAnimationFrame(() => stateRef.current?.close());
  };
  const pick = (key: string) => {
    if (key === CREATE_KEY) {
      const text = query.trim();
      const known = exactEntry(entries, text);
      if (known) onAdd(known);
      else if (text) onCreate(text.replace(/\s+/gu, ' '));
    } else {
      const entry = entries.find((e) => e.key === key);
      if (entry) onAdd(entry);
    }
    settle();
  };

  return (
    <div className="field">
      <ComboBox
        className="combo"
        selectedKey={null}
        inputValue={query}
        onInputChange={setQuery}
        onSelectionChange={(key) => key !== null && pick(String(key))}
        allowsEmptyCollection
        defaultFilter={() => true}
      >
        <StateHandle stateRef={stateRef} />
        <Label className="field-label">{label}</Label>
        <div className="chip-input">
          {chosen.map((token) => (
            <span
              key={token.key}
              className={`actor-chip actor-chip--removable${token.isNew ? ' actor-chip--new' : ''}`}
              style={{ '--actor': token.color ?? 'var(--muted)' } as CSSProperties}
            >
              {token.name}
              {token.isNew && <span className="chip-new">new</span>}
              <button type="button" className="chip-remove" aria-label={`Remove ${token.name}`} onClick={() => onRemove(token.key)}>
                ×
              </button>
            </span>
          ))}
          <Input
            ref={inputRef}
            autoFocus={autoFocus}
            className="chip-input__input"
            placeholder={chosen.length ? 'Add another…' : placeholder}
            onKeyDownCapture={(e) => {
              if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || !query.trim()) return;
              // Typed text and no option highlighted: take the first (create, or the entry being
              // typed). Stops here, so the form never submits with the text thrown away.
              const focused = stateRef.current?.isOpen ? stateRef.current.selectionManager.focusedKey : null;
              if (focused !== null && focused !== undefined) return;
              e.preventDefault();
              e.stopPropagation();
              const first = options[0];
              pick(first ? (first.kind === 'create' ? CREATE_KEY : first.entry.key) : CREATE_KEY);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Backspace' && !query && chosen.length) onRemove((chosen.at(-1) as ChosenToken).key);
            }}
          />
          <Button className="combo-button" aria-label={`Show ${noun}s`}>
            ▾
          </Button>
        </div>
        <Popover className="combo-popover">
          <ListBox className="combo-list" renderEmptyState={() => <div className="combo-empty">Type a name to add a {noun}</div>}>
            {options.map((option) =>
              option.kind === 'create' ? (
                <ListBoxItem
                  key={CREATE_KEY}
                  id={CREATE_KEY}
                  textValue={`Create ${noun} ${option.name}`}
                  className="combo-option combo-option--create"
                >
                  <span aria-hidden="true">+</span> Create {noun} “{option.name}”
                </ListBoxItem>
              ) : (
                <ListBoxItem key={option.entry.key} id={option.entry.key} textValue={option.entry.name} className="combo-option">
                  <span className="stance-dot" style={{ background: option.entry.color ?? 'var(--muted)' }} aria-hidden="true" />
                  {option.entry.name}
                  {option.entry.hint && <span className="combo-option__hint">{option.entry.hint}</span>}
                </ListBoxItem>
              ),
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </div>
  );
}
