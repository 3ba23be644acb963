import type { CSSProperties } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { Stance } from '../../../../shared/model';

interface StancePickerProps {
  scale: Stance[];
  value: string | null;
  onChange(id: string | null): void;
}

/** The stance scale as one row of radio chips, numbered for the 1–5 keys. */
export function StancePicker({ scale, value, onChange }: StancePickerProps) {
  return (
    <RadioGroup className="field stance-picker" value={value ?? ''} onChange={(v) => onChange(v || null)} orientation="horizontal">
      <Label className="field-label">
        Stance <span className="field-hint">(keys 1–{scale.length})</span>
      </Label>
      <div className="stance-scale">
        {scale.map((stance, index) => (
          <Radio key={stance.id} value={stance.id} className="stance-option" style={{ '--stance': stance.color } as CSSProperties}>
            <kbd aria-hidden="true">{index + 1}</kbd>
            <span className="stance-dot" aria-hidden="true" />
            {stance.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
