import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { isSafeLink, normaliseLink } from './safe-link';

interface LinkDialogProps {
  initial: string;
  onApply(href: string | null): void;
  onClose(): void;
}

/** Asks for a link's address; an empty address removes the link. Only web and e-mail links are accepted. */
export function LinkDialog({ initial, onApply, onClose }: LinkDialogProps) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return onApply(null);
    const href = normaliseLink(value);
    if (!isSafeLink(href)) {
      setProblem('A link must be a web address (http or https) or an e-mail address.');
      return;
    }
    onApply(href);
  };
  return (
    <Dialog title="Link" size="small" onClose={onClose} testId="link-dialog">
      <form onSubmit={submit}>
        <label className="field">
          <span className="field-label">Address</span>
          <input className="input" autoFocus value={value} onChange={(e) => setValue(e.target.value)} placeholder="https://…" />
        </label>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          {initial && (
            <button type="button" className="button button--quiet button--danger" onClick={() => onApply(null)}>
              Remove link
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Apply
          </button>
        </div>
      </form>
    </Dialog>
  );
}
