import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Coder } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { errorText, useStatus } from '../../components/status-context';
import { coderKeys } from './coder-queries';

interface CoderDialogProps {
  coder: Coder | null;
  onClose(): void;
}

/**
 * Asks who codes in this copy of the notebook (first run) or changes the name. The id is made
 * once and kept, so a new name is the same coder.
 */
export function CoderDialog({ coder, onClose }: CoderDialogProps) {
  const status = useStatus();
  const client = useQueryClient();
  const [name, setName] = useState(coder?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!name.trim()) {
      setError('Type your name, as your team knows you: it is shown on the claims you make.');
      return;
    }
    setSaving(true);
    try {
      const saved = await api.setCoder({ name: name.trim() });
      client.setQueryData(coderKeys.coder, saved);
      status.announce(`You code as ${saved.name}.`);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title={coder ? 'Change your coder name' : 'Who is coding?'} onClose={onClose} size="small" testId="coder-dialog">
      <form
        className="coder-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          {coder
            ? 'Your claims keep your coder id; only the name changes.'
            : 'Each claim records who made and changed it, so a team can compare coding and settle differences. Asked once for this copy of the notebook.'}
        </p>
        <label className="field">
          <span className="field-label">Your name</span>
          <input
            className="input"
            autoFocus
            value={name}
            maxLength={200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'coder-error' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p id="coder-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        {coder && <p className="muted coder-form__id">Coder id: {coder.id}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {coder ? 'Cancel' : 'Later'}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
