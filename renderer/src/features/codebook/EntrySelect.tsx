import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

/** The key of the "none" choice (react-aria keys cannot be null). */
export const NONE = '__none__';

interface EntrySelectProps {
  label: string;
  options: { id: string; name: string }[];
  value: string | null;
  onChange(id: string | null): void;
  /** When given, a first choice meaning "none" with this wording, e.g. "Top level". */
  noneLabel?: string;
  placeholder?: string;
  isDisabled?: boolean;
}

/** Picks one codebook entry from a list, on react-aria's Select (a button with a listbox). */
export function EntrySelect({ label, options, value, onChange, noneLabel, placeholder = 'Choose…', isDisabled }: EntrySelectProps) {
  const items = noneLabel ? [{ id: NONE, name: noneLabel }, ...options] : options;
  return (
    <Select
      className="field entry-select"
      selectedKey={value ?? (noneLabel ? NONE : null)}
      onSelectionChange={(key) => onChange(key === null || key === NONE ? null : String(key))}
      placeholder={placeholder}
      isDisabled={isDisabled}
    >
      <Label className="field-label">{label}</Label>
      <Button className="input entry-select__button">
        <SelectValue className="entry-select__value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="combo-popover">
        <ListBox className="combo-list" items={items}>
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.name} className="combo-option">
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
