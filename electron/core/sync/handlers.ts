import type { ApiHandlers } from '../../../shared/api';
import { UserError } from '../../../shared/api';
import type { SyncPhase, SyncResult, SyncStatus, syncMethods } from '../../../shared/api/contract-sync';
import type { CoreContext } from '../context';
import type { SyncCredentials } from './sync-notebook';

/**
 * The sync's own modules, loaded with the first sync call rather than with the core: they bring
 * isomorphic-git and its dependencies (~110 modules), which no other request needs, and which
 * took ~80 ms of every browser-mode start before the notebook could open (decision 0026).
 */
const syncModules = async () => {
  const [{ getRemote, initRepository, isRepository }, { syncNotebook }, { readConflicts }, { resolveConflict }] = await Promise.all([
    import('./repository'),
    import('./sync-notebook'),
    import('./conflicts-file'),
    import('./resolve-conflict'),
  ]);
  return { getRemote, initRepository, isRepository, syncNotebook, readConflicts, resolveConflict };
};

/**
 * The session's sync state: the running sync (one at a time), its progress, the last result,
 * and the credentials given this session. The token lives in this object only: never in the
 * notebook folder, its Git config or history (browser mode: per session; the desktop app keeps
 * it in the system keychain through safeStorage and passes it with each sync).
 */
class SyncSession {
  running: AbortController | null = null;
  phase: SyncPhase = 'idle';
  progress: { loaded: number; total: number | null } | null = null;
  lastResult: SyncResult | null = null;
  credentials: SyncCredentials = {};
}

/** Handlers for shared/api/contract-sync.ts. */
export function createSyncHandlers(ctx: CoreContext): Pick<ApiHandlers, keyof typeof syncMethods> {
  const session = new SyncSession();
  const dir = (): string => ctx.store.dir;

  const status = async (): Promise<SyncStatus> => {
    const { isRepository, getRemote, readConflicts } = await syncModules();
    return {
      repository: isRepository(dir()),
      remote: await getRemote(dir()),
      running: session.running !== null,
      phase: session.phase,
      progress: session.progress,
      hasToken: Boolean(session.credentials.token),
      lastResult: session.lastResult,
      openConflicts: (await readConflicts(dir(), ctx.now)).length,
    };
  };

  const remember = (token: string | undefined, username: string | undefined): void => {
    if (token !== undefined) session.credentials = { token, username: username ?? session.credentials.username };
    else if (username !== undefined) session.credentials = { ...session.credentials, username };
  };

  return {
    getSyncStatus: () => status(),
    configureSync: async ({ remote, token, username }) => {
      if (session.running) throw new UserError('conflict', 'A sync is running: wait for it or cancel it, then change the remote.');
      await (await syncModules()).initRepository(dir(), remote);
      remember(token, username);
      return status();
    },
    sync: async ({ token, username }) => {
      // Loaded before the check: no await between the check and taking the running slot.
      const { syncNotebook } = await syncModules();
      if (session.running) throw new UserError('conflict', 'A sync is already running; wait for it to finish or cancel it.');
      remember(token, username);
      const controller = new AbortController();
      session.running = controller;
      session.progress = null;
      try {
        const result = await syncNotebook(ctx, {
          credentials: session.credentials,
          signal: controller.signal,
          onProgress: (phase, loaded, total) => {
            session.phase = phase;
            session.progress = { loaded, total };
          },
        });
        session.lastResult = result;
        return result;
      } catch (error) {
        session.phase = 'failed';
        const message = error instanceof Error ? error.message : String(error);
        session.lastResult = {
          outcome: 'failed',
          message,
          at: ctx.now().toISOString(),
          committed: false,
          applied: { articles: 0, claims: 0, briefs: 0, codebook: false },
          newConflicts: 0,
          retries: 0,
          head: null,
        };
        throw error;
      } finally {
        session.running = null;
        session.progress = null;
        ctx.emit({ scope: 'notebook' });
      }
    },
    cancelSync: async () => {
      if (!session.running) return { cancelled: false };
      session.running.abort();
      return { cancelled: true };
    },
    listConflicts: async () => (await syncModules()).readConflicts(dir(), ctx.now),
    resolveConflict: async ({ id, pick, value }) => {
      if (session.running) throw new UserError('conflict', 'A sync is running: resolve conflicts once it has finished.');
      const remaining = await (await syncModules()).resolveConflict(ctx, id, pick, value ?? null);
      return { resolved: true as const, remaining };
    },
  };
}
