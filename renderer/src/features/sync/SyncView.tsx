import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncConflict } from '../../../../shared/api/contract-sync';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format-date';
import { plural } from '../../components/plural';
import { errorText, useStatus } from '../../components/status-context';
import './sync.css';

export const syncKeys = { status: ['sync', 'status'] as const, conflicts: ['sync', 'conflicts'] as const };

const PHASE: Record<string, string> = {
  idle: 'Ready',
  committing: 'Saving this copy’s changes…',
  fetching: 'Receiving…',
  merging: 'Merging record by record…',
  pushing: 'Sending…',
  applying: 'Writing the merge into this notebook…',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const REASON: Record<SyncConflict['reason'], string> = {
  'both-changed': 'changed on both sides',
  'deleted-and-edited': 'deleted on one side, edited on the other',
  'text-revised-on-both': 'text revised on both sides (both revisions kept)',
  'deleted-but-used': 'deleted on one side, still used on the other',
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '(deleted)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  const text = (value as { text?: unknown }).text;
  if (typeof text === 'string') return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  return JSON.stringify(value, null, 1);
}

/**
 * Sharing the notebook through Git: the remote, a token for this session (browser mode keeps it
 * in memory only, never in the notebook), Sync with progress and Cancel, the last result, and
 * the Conflicts list, each conflict with both sides and who made them, resolved with buttons.
 */
export function SyncView() {
  const client = useQueryClient();
  const status = useStatus();
  const [running, setRunning] = useState(false);
  const sync = useQuery({ queryKey: syncKeys.status, queryFn: () => api.getSyncStatus({}), refetchInterval: running ? 400 : false });
  const conflicts = useQuery({ queryKey: syncKeys.conflicts, queryFn: () => api.listConflicts({}) });
  const [remote, setRemote] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['sync'] });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.configureSync({ remote: (remote ?? sync.data?.remote ?? '').trim() || null, ...(token ? { token } : {}) });
      setToken('');
      status.announce('Remote saved.');
      refresh();
    } catch (error) {
      status.reportError(error, 'The remote could not be set');
    }
  };

  const run = async () => {
    setRunning(true);
    try {
      const result = await api.sync({});
      status.announce(result.message);
    } catch (error) {
      status.reportError(error, 'Sync failed');
    } finally {
      setRunning(false);
      refresh();
    }
  };

  const resolve = async (conflict: SyncConflict, pick: 'ours' | 'theirs') => {
    setBusy(conflict.id);
    try {
      const { remaining } = await api.resolveConflict({ id: conflict.id, pick });
      status.announce(`Resolved. ${plural(remaining, 'conflict')} left.`);
      refresh();
    } catch (error) {
      status.reportError(error, 'The conflict could not be resolved');
    } finally {
      setBusy(null);
    }
  };

  const data = sync.data;
  const last = data?.lastResult;
  return (
    <div className="sync-view">
      <section className="sync-section" aria-labelledby="sync-title">
        <h1 id="sync-title" className="sync-section__title">
          Sync through Git
        </h1>
        <p className="sync-section__note">
          Share this notebook with your team through any Git server (company Git, GitHub, GitLab, Gitea). Sync saves this copy’s changes, receives the
          others’, merges them claim by claim, and sends the result. Backups, the trash and the search index stay on this computer.
        </p>
        <form className="sync-form" onSubmit={save}>
          <label className="sync-form__field">
            <span>Remote (https://…)</span>
            <input
              type="url"
              name="remote"
              value={remote ?? data?.remote ?? ''}
              placeholder="https://git.example.org/team/notebook.git"
              onChange={(e) => setRemote(e.target.value)}
            />
          </label>
          <label className="sync-form__field">
            <span>Access token {data?.hasToken ? '(one is held for this session)' : ''}</span>
            <input type="password" name="token" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
            <small>Kept in memory for this session only: never written into the notebook or its Git history.</small>
          </label>
          <button type="submit" className="button">
            Save remote
          </button>
        </form>
        <div className="sync-actions">
          <button type="button" className="button button--primary" onClick={run} disabled={running || !data?.remote}>
            Sync now
          </button>
          {running && (
            <button type="button" className="button" onClick={() => void api.cancelSync({})}>
              Cancel
            </button>
          )}
          <p className="sync-progress" role="status" aria-live="polite">
            {running
              ? PHASE[data?.phase ?? 'committing']
              : last
                ? `Last sync ${formatDateTime(last.at)}: ${last.message}`
                : data?.remote
                  ? 'Not synced yet in this session.'
                  : 'Set a remote to share this notebook.'}
          </p>
        </div>
      </section>

      <section className="sync-section" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title" className="sync-section__title">
          Conflicts {conflicts.data ? `(${conflicts.data.length})` : ''}
        </h2>
        <p className="sync-section__note">
          Where both sides changed the same thing, both versions are kept here. The notebook shows the version marked “shown now” until you choose.
        </p>
        {conflicts.error ? <p role="alert">{errorText(conflicts.error)}</p> : null}
        {conflicts.data?.length === 0 && <p>No conflicts to review.</p>}
        <ul className="conflict-list">
          {conflicts.data?.map((c) => (
            <li key={c.id} className="conflict">
              <h3 className="conflict__title">
                {c.kind} “{c.label.slice(0, 120)}” — {c.field === '(record)' ? 'the record' : c.field}: {REASON[c.reason]}
              </h3>
              <div className="conflict__sides">
                {(['ours', 'theirs'] as const).map((side) => (
                  <div key={side} className="conflict__side" data-side={side}>
                    <h4>
                      {side === 'ours' ? 'This side' : 'Other side'} ({(side === 'ours' ? c.oursBy : c.theirsBy) ?? 'unknown coder'})
                      {c.applied === side ? ' — shown now' : ''}
                    </h4>
                    <pre className="conflict__value">{show(side === 'ours' ? c.ours : c.theirs)}</pre>
                    <button type="button" className="button" disabled={busy === c.id} onClick={() => void resolve(c, side)}>
                      Keep {side === 'ours' ? 'this side' : 'other side'}
                    </button>
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
