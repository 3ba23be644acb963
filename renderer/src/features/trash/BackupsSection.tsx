import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format-date';
import { useStatus } from '../../components/status-context';
import { Dialog } from '../../ui/Dialog';
import { quoted } from '../export/RestoreDoneDialog';
import { trashKeys, useBackups } from './trash-queries';

const LABELS: Record<string, string> = {
  'before-restore': 'before a restore',
  'before-migration': 'before an upgrade',
};

/**
 * The notebook's rolling backups: when each was taken, "Back up now", and restoring one as a
 * new notebook beside this one (the open notebook is never changed under the analyst).
 */
export function BackupsSection() {
  const status = useStatus();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const backups = useBackups(open);
  const [busy, setBusy] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const backUp = async () => {
    setBusy('now');
    try {
      await api.backupNow({});
      await client.invalidateQueries({ queryKey: trashKeys.backups });
      setOpen(true);
      status.announce('Backup taken.');
    } catch (error) {
      status.reportError(error, 'The backup could not be taken');
    } finally {
      setBusy(null);
    }
  };

  const restore = async (name: string) => {
    setBusy(name);
    try {
      setRestored((await api.restoreBackup({ name })).dir);
    } catch (error) {
      status.reportError(error, 'The backup could not be restored');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="trash-section" aria-labelledby="backups-title">
      <div className="trash-section__head">
        <h2 id="backups-title" className="trash-section__title">
          Backups
        </h2>
        <span className="toolbar-spacer" />
        <button type="button" className="button button--small" aria-expanded={open} aria-controls="backups-list" onClick={() => setOpen(!open)}>
          {open ? 'Hide backups' : 'Show backups'}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-disabled={busy !== null || undefined}
          onClick={() => busy === null && void backUp()}
        >
          Back up now
        </button>
      </div>
      <p className="muted trash-section__note">
        One is taken at the first open of each day; the newest 10 are kept. Restoring one makes a new notebook in a folder beside this one; this
        notebook stays as it is.
      </p>
      {open && (
        <ul id="backups-list" className="trash-list" aria-label="Backups">
          {backups.isLoading && <li className="empty-note">Listing the backups…</li>}
          {backups.data?.length === 0 && <li className="empty-note">No backups yet.</li>}
          {backups.data?.map((b) => (
            <li key={b.name} className="trash-item" data-testid="backup-item">
              <span className="trash-item__kind">Backup</span>
              <span className="trash-item__label">
                {b.takenAt ? formatDateTime(b.takenAt) : b.name}
                {b.label && <span className="muted"> · {LABELS[b.label] ?? b.label}</span>}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={`Restore the backup of ${b.takenAt ? formatDateTime(b.takenAt) : b.name} as a new notebook`}
                aria-disabled={busy !== null || undefined}
                onClick={() => busy === null && void restore(b.name)}
              >
                Restore as new notebook
              </button>
            </li>
          ))}
        </ul>
      )}
      {restored && <BackupRestoredDialog dir={restored} onClose={() => setRestored(null)} />}
    </section>
  );
}

/** Where a restored backup went, and the command that opens it (the app holds one notebook at a time). */
function BackupRestoredDialog({ dir, onClose }: { dir: string; onClose(): void }) {
  const command = `npm start -- --data ${quoted(dir)}`;
  return (
    <Dialog
      title="Backup restored as a new notebook"
      onClose={onClose}
      size="medium"
      testId="backup-restored"
      close={{ label: 'Done', primary: true, autoFocus: true }}
    >
      <p>
        The backup is now a notebook of its own in <code data-testid="backup-restored-dir">{dir}</code>. This notebook has not changed.
      </p>
      <label className="field">
        <span className="field-label">To work in it, start Stancebook on it:</span>
        <input className="input restore-command" readOnly value={command} onFocus={(e) => e.currentTarget.select()} />
      </label>
    </Dialog>
  );
}
