import { useState } from 'react';
import type { NotebookInfo } from '../../../shared/api';
import { plural } from './plural';
import '../styles/recovery.css';

/** Joins a notebook-relative path onto the notebook folder with the folder's own separator. */
function inNotebook(dir: string, rel: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${rel.split('/').join(sep)}`;
}

/**
 * Says, for as long as the notebook is open, that Stancebook found files it could not read and
 * what it did about each: the damaged originals are never deleted but moved to quarantine/,
 * and the banner names that folder. "Hide" hides it until another recovery happens.
 */
export function RecoveryBanner({ info }: { info: NotebookInfo | undefined }) {
  const [hiddenAt, setHiddenAt] = useState(0);
  const notes = info?.recovered ?? [];
  if (!info || notes.length === 0 || notes.length <= hiddenAt) return null;
  const quarantine = inNotebook(info.dir, 'quarantine');
  const kept = notes.some((note) => note.quarantinedAs);
  return (
    <section className="recovery-banner" role="region" aria-label="Notebook recovery">
      <p className="recovery-banner__summary">
        <strong>Stancebook repaired this notebook:</strong> {plural(notes.length, 'file')} could not be read and {notes.length === 1 ? 'was' : 'were'}{' '}
        recovered.
        {kept && (
          <>
            {' '}
            The originals are kept, unchanged, in <code className="recovery-banner__path">{quarantine}</code>.
          </>
        )}
      </p>
      <details className="recovery-banner__details">
        <summary>What was recovered</summary>
        <ul>
          {notes.map((note, index) => (
            <li key={`${note.file}-${index}`}>
              <span className="recovery-banner__problem">{note.problem}.</span> {note.outcome.charAt(0).toUpperCase() + note.outcome.slice(1)}.
              {note.quarantinedAs && (
                <>
                  {' '}
                  Original: <code className="recovery-banner__path">{inNotebook(info.dir, note.quarantinedAs)}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
      <button type="button" className="button button--small" onClick={() => setHiddenAt(notes.length)}>
        Hide
      </button>
    </section>
  );
}
