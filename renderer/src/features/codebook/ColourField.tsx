import { useId, useState } from 'react';

const HEX = /^#[0-9a-f]{6}$/i;

interface ColourFieldProps {
  label: string;
  value: string | null;
  onChange(colour: string | null): void;
  /** Actors and tags may go without a colour (an empty field); stances always have one. */
  allowNone?: boolean;
  /** Shown when the text is not a colour, so the form can refuse to save. */
  onValidity?(valid: boolean): void;
}

/**
 * A colour as the system picker and as #rrggbb text side by side: the picker for the eye, the
 * text for keyboards, screen readers and pasting a house colour.
 */
export function ColourField({ label, value, onChange, allowNone = false, onValidity }: ColourFieldProps) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const valid = HEX.test(text) || (allowNone && text.trim() === '');

  const takeText = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    const ok = HEX.test(trimmed) || (allowNone && trimmed === '');
    onValidity?.(ok);
    if (HEX.test(trimmed)) onChange(trimmed.toLowerCase());
    else if (allowNone && trimmed === '') onChange(null);
  };

  return (
    <div className="field colour-field">
      <label className="field-label" htmlFor={`${id}-hex`}>
        {label} <span className="field-hint">(#rrggbb{allowNone ? ', or empty for none' : ''})</span>
      </label>
      <div className="colour-field__row">
        <input
          type="color"
          className="colour-field__picker"
          aria-label={`${label}: pick from the system colour picker`}
          value={value ?? '#777777'}
          onChange={(e) => takeText(e.target.value)}
        />
        <input
          id={`${id}-hex`}
          className="input colour-field__hex"
          value={text}
          spellCheck={false}
          aria-invalid={!valid || undefined}
          aria-describedby={valid ? undefined : `${id}-problem`}
          placeholder={allowNone ? 'none' : '#3b6ea5'}
          onChange={(e) => takeText(e.target.value)}
        />
      </div>
      {!valid && (
        <span id={`${id}-problem`} className="colour-field__problem">
          Write the colour as # and six hex digits, e.g. #3b6ea5.
        </span>
      )}
    </div>
  );
}
