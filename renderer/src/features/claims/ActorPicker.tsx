import { useContext, useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { Button, ComboBox, ComboBoxStateContext, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { Actor } from '../../../../shared/model';

interface ActorPickerProps {
  actors: Actor[];
  value: string[];
  onChange(ids: string[]): void;
  suggested: Actor[];
}

function matches(actor: Actor, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [actor.name, ...actor.aliases].some((n) => n.toLowerCase().includes(q));
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
 * Picks the claim's actors: a combobox adds one at a time (matching names and aliases, so
 * "Wang Yi" finds China), the chosen ones sit beside it as removable chips.
 */
export function ActorPicker({ actors, value, onChange, suggested }: ActorPickerProps) {
  const [query, setQuery] = useState('');
  const chosen = value.map((id) => actors.find((a) => a.id === id)).filter((a): a is Actor => !!a);
  const options = actors.filter((a) => !value.includes(a.id) && matches(a, query));
  const stateRef = useRef<ComboBoxState | null>(null);
  const add = (id: string) => {
    if (!value.includes(id)) onChange([...value, id]);
    setQuery('');
    // Clearing the input after a pick reopens the list; a token field should settle instead.
    requestAnimationFrame(() => stateRef.current?.close());
  };
  return (
    <div className="field">
      <ComboBox
        className="combo"
        selectedKey={null}
        inputValue={query}
        onInputChange={setQuery}
        onSelectionChange={(key) => key !== null && add(String(key))}
        defaultFilter={() => true}
      >
        <StateHandle stateRef={stateRef} />
        <Label className="field-label">Actors</Label>
        <div className="chip-input">
          {chosen.map((actor) => (
            <span key={actor.id} className="actor-chip actor-chip--removable" style={{ '--actor': actor.color ?? '#777' } as CSSProperties}>
              {actor.name}
              <button type="button" className="chip-remove" aria-label={`Remove ${actor.name}`} onClick={() => onChange(value.filter((id) => id !== actor.id))}>
                ×
              </button>
            </span>
          ))}
          <Input
            className="chip-input__input"
            placeholder={chosen.length ? 'Add another…' : 'Type a name or alias…'}
            onKeyDown={(e) => {
              // Backspace in an empty field takes back the last actor, as in any token field.
              if (e.key === 'Backspace' && !query && value.length) onChange(value.slice(0, -1));
            }}
          />
          <Button className="combo-button" aria-label="Show actors">▾</Button>
        </div>
        <Popover className="combo-popover">
          <ListBox className="combo-list" renderEmptyState={() => <div className="combo-empty">No actor by that name</div>}>
            {options.map((actor) => (
              <ListBoxItem key={actor.id} id={actor.id} textValue={actor.name} className="combo-option">
                <span className="stance-dot" style={{ background: actor.color ?? '#777' }} aria-hidden="true" />
                {actor.name}
                {actor.aliases.length > 0 && <span className="combo-option__hint">{actor.aliases.slice(0, 4).join(', ')}</span>}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </ComboBox>
      {suggested.filter((a) => !value.includes(a.id)).length > 0 && (
        <div className="suggestions">
          <span className="suggestions__label">Named nearby:</span>
          {suggested
            .filter((a) => !value.includes(a.id))
            .map((a) => (
              <button key={a.id} type="button" className="button button--small button--quiet" onClick={() => add(a.id)}>
                + {a.name}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
