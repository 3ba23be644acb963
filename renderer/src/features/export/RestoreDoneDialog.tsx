import { Dialog } from '../../ui/Dialog';
import { plural } from '../../components/plural';
import { useStatus } from '../../components/status-context';

export interface RestoreResult {
  name: string;
  dir: string;
  articles: number;
  claims: number;
  briefs: number;
}

/**
 * Quotes a folder for a command line: left bare when it is plain, else in single quotes (POSIX
 * shells take everything inside literally); a Windows path (drive letter) in double quotes.
 */
export function quoted(dir: string): string {
  if (/^[\w./-]+$/.test(dir)) return dir;
  if (/^[A-Za-z]:\\/.test(dir)) return `"${dir}"`;
  return `'${dir.replace(/'/g, `'\\''`)}'`;
}

/**
 * Where a restored archive went: a new notebook in its own folder, this one unchanged, and the
 * command that opens it (the app works on one notebook at a time).
 */
export function RestoreDoneDialog({ result, onClose }: { result: RestoreResult; onClose(): void }) {
  const status = useStatus();
  const command = `npm start -- --data ${quoted(result.dir)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      status.announce('Command copied.');
    } catch {
      status.announce('Copying is not allowed here; select the command and copy it.');
    }
  };
  return (
    <Dialog title={`Restored “${result.name}”`} onClose={onClose} size="medium" testId="restore-done">
      <p data-testid="restore-summary">
        {plural(result.articles, 'article')}, {plural(result.claims, 'claim')} and {plural(result.briefs, 'brief')} are now a new notebook in{' '}
        <code data-testid="restore-dir">{result.dir}</code>. This notebook has not changed.
      </p>
      <label className="field">
        <span className="field-label">To work in the restored notebook, start Stancebook on it:</span>
        <input className="input restore-command" readOnly value={command} onFocus={(e) => e.currentTarget.select()} data-testid="restore-command" />
      </label>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy command
        </button>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </Dialog>
  );
}
