import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorText, useStatus } from '../../components/status-context';
import { coderKeys } from './coder-queries';

/**
 * The first-run question, "Who is coding?", while this copy has no coder: a small card in a
 * corner, not a modal, so the notebook works meanwhile (claims made then carry no coder).
 * "Later" hides it for the session; the app bar's coder button asks again at any time.
 */
export function CoderPrompt({ onLater }: { onLater(): void }) {
  const status = useStatus();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    if (!name.trim()) {
      setProblem('Type your name, as your team knows you.');
      return;
    }
    try {
      const coder = await api.setCoder({ name: name.trim() });
      client.setQueryData(coderKeys.coder, coder);
      status.announce(`You code as ${coder.name}.`);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <section className="coder-prompt" role="region" aria-labelledby="coder-prompt-title" data-testid="coder-prompt">
      <h2 id="coder-prompt-title" className="coder-prompt__title">
        Who is coding?
      </h2>
      <p className="coder-prompt__text">Claims record who made and changed them, so a team can compare coding. Asked once for this copy.</p>
      <form
        className="coder-prompt__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="visually-hidden" htmlFor="coder-prompt-name">
          Your name
        </label>
        <input
          id="coder-prompt-name"
          className="input"
          placeholder="Your name"
          value={name}
          maxLength={200}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'coder-prompt-problem' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="button button--small button--primary">
          Save
        </button>
        <button type="button" className="button button--small" onClick={onLater}>
          Later
        </button>
      </form>
      {problem && (
        <p id="coder-prompt-problem" className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
