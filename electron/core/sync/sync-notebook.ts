import fs from 'node:fs';
import nodeHttp from 'node:http';
import nodeHttps from 'node:https';
import git, { Errors, type HttpClient } from 'isomorphic-git';
import gitHttp from 'isomorphic-git/http/node';
import { UserError } from '../../../shared/api';
import type { SyncPhase, SyncResult } from '../../../shared/api/contract-sync';
import { getCoder } from '../coders/coder-settings';
import type { CoreContext } from '../context';
import { applyMerge } from './apply-merge';
import { writeConflicts } from './conflicts-file';
import { readSides, writeMergeCommit } from './git-sides';
import { mergeNotebooks } from './merge-records';
import { BRANCH, REMOTE, commitLocal, getRemote, headOid, isRepository, type CommitAuthor } from './repository';

/**
 * One sync: commit local changes, fetch, merge record by record, push, and only then write the
 * merge into the notebook. Until the push is accepted nothing in the notebook folder changes
 * (the merge commit is built from Git objects alone), so a network failure, a refused push or a
 * cancel leaves the notebook as it was. A push refused because the remote moved fetches and
 * merges again, at most MAX_ATTEMPTS times.
 */

export const MAX_ATTEMPTS = 4;

// Agents of our own: Node's global agent drops a socket after 5 s without bytes, and a server
// packing a large notebook can think longer than that before it answers.
const AGENTS = { 'http:': new nodeHttp.Agent({ keepAlive: true }), 'https:': new nodeHttps.Agent({ keepAlive: true }) };
/**
 * The HTTP client for one sync. A cancel is honoured here, before each request, where
 * isomorphic-git awaits the failure: an error thrown from its onProgress callback would escape
 * as an unhandled rejection (its progress loop is not awaited) and could take the process down.
 */
function httpClient(signal: AbortSignal | undefined): HttpClient {
  return {
    request: (request) => {
      checkCancel(signal);
      return gitHttp.request({ ...request, agent: AGENTS[new URL(request.url).protocol as 'http:' | 'https:'] } as Parameters<
        HttpClient['request']
      >[0]);
    },
  };
}
const OUTGOING_REF = 'refs/stancebook/outgoing';

export interface SyncCredentials {
  username?: string;
  token?: string;
}

export interface SyncOptions {
  credentials?: SyncCredentials;
  signal?: AbortSignal;
  onProgress?: (phase: SyncPhase, loaded: number, total: number | null) => void;
  /** The commit author; defaults from the notebook's coder, else a neutral name. */
  author?: CommitAuthor;
}

const NEUTRAL_AUTHOR: CommitAuthor = { name: 'Stancebook', email: 'stancebook@localhost' };

/** This copy's coder (coders/coder-settings.ts, kept out of the repository) as the commit author, else a neutral one. */
export async function authorOf(ctx: CoreContext): Promise<CommitAuthor> {
  const coder = await getCoder(ctx);
  if (coder && coder.name.trim()) {
    const id = coder.id.replace(/[^\w.-]/g, '') || 'coder';
    return { name: coder.name.trim(), email: `${id}@stancebook.local` };
  }
  return NEUTRAL_AUTHOR;
}

class Cancelled extends Error {}

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled('cancelled');
}

function networkError(error: unknown, remote: string): UserError {
  if (error instanceof UserError) return error;
  const e = error as { code?: string; message?: string; data?: { statusCode?: number } };
  if (e.code === Errors.HttpError.code && (e.data?.statusCode === 401 || e.data?.statusCode === 403)) {
    return new UserError(
      'invalid-request',
      `The remote ${remote} refused the credentials (HTTP ${e.data.statusCode}). Check the token (command line: STANCEBOOK_GIT_TOKEN) and try again. Nothing local changed.`,
    );
  }
  return new UserError(
    'conflict',
    `Could not reach the remote ${remote}: ${e.message ?? String(error)}. Nothing local changed; sync again when the remote can be reached.`,
  );
}

function emptyCounts(): SyncResult['applied'] {
  return { articles: 0, claims: 0, briefs: 0, codebook: false };
}

/** Runs one sync. Throws a UserError for what the analyst must fix; cancels answer `cancelled`. */
export async function syncNotebook(ctx: CoreContext, options: SyncOptions = {}): Promise<SyncResult> {
  const dir = ctx.store.dir;
  const { signal, onProgress = () => {} } = options;
  const author = options.author ?? (await authorOf(ctx));
  const stamp = (): CommitAuthor & { timestamp: number } => ({ ...author, timestamp: Math.floor(ctx.now().getTime() / 1000) });
  const at = (): string => ctx.now().toISOString();
  if (!isRepository(dir))
    throw new UserError('invalid-request', 'This notebook is not shared yet: set a remote first (Sync panel, or `stancebook sync --remote URL`).');
  const remote = await getRemote(dir);
  if (!remote) throw new UserError('invalid-request', 'This notebook has no remote: set one first (Sync panel, or `stancebook sync --remote URL`).');
  const cache = {};
  const { username = 'token', token } = options.credentials ?? {};
  const onAuth = token ? () => ({ username, password: token }) : undefined;
  const http = httpClient(signal);
  // Never throws: a cancel takes effect at the next request or step (see httpClient).
  const progress = (phase: SyncPhase) => (p: { loaded: number; total?: number }) => {
    if (!signal?.aborted) onProgress(phase, p.loaded, p.total ?? null);
  };
  let committed = false;
  let retries = 0;
  let lastRefusal = '';
  try {
    checkCancel(signal);
    onProgress('committing', 0, null);
    // The shards hold every acknowledged change once the store has settled; the journal and the
    // library index are not committed (open rebuilds the index from the shards).
    await ctx.store.settle();
    const local = await commitLocal(dir, stamp(), 'Stancebook: local changes', cache);
    committed = local.committed;
    const ours = local.oid;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      checkCancel(signal);
      onProgress('fetching', 0, null);
      let theirs: string | null;
      try {
        // Not singleBranch: isomorphic-git then offers only the local branch as "have", and a local commit
        // the remote does not know yet makes the remote send the whole history again (every shard).
        // With all refs offered, origin/main (the remote's last known tip) is among them.
        const fetched = await git.fetch({
          fs,
          http,
          dir,
          remote: REMOTE,
          ref: BRANCH,
          singleBranch: false,
          tags: false,
          onAuth,
          onProgress: progress('fetching'),
          cache,
        });
        theirs = fetched.fetchHead;
      } catch (error) {
        if (error instanceof Cancelled || signal?.aborted) throw new Cancelled('cancelled');
        // An empty remote (no branch yet) is not an error: the first sync creates it.
        if ((error as { code?: string }).code === Errors.NotFoundError.code && !(await remoteHasBranches(remote, onAuth))) theirs = null;
        else throw networkError(error, remote);
      }
      checkCancel(signal);
      if (theirs === ours) return done('up-to-date', 'Up to date: nothing to send or receive.', emptyCounts(), 0, ours);
      const theirsIsOlder = theirs !== null && (await git.isDescendent({ fs, dir, oid: ours, ancestor: theirs, depth: -1, cache }));
      if (theirs === null || theirsIsOlder) {
        if (await push(ours)) return done('pushed', "Sent this notebook's changes to the remote.", emptyCounts(), 0, ours);
        retries++;
        continue;
      }
      onProgress('merging', 0, null);
      const oursIsOlder = await git.isDescendent({ fs, dir, oid: theirs, ancestor: ours, depth: -1, cache });
      const base = oursIsOlder ? ours : ((await git.findMergeBase({ fs, dir, oids: [ours, theirs], cache }))[0] ?? null);
      const sides = await readSides(dir, { base, ours, theirs }, cache);
      const merged = mergeNotebooks({ base: sides.base, ours: sides.ours, theirs: sides.theirs, articleIds: sides.articleIds, now: at() });
      let head = theirs;
      if (!oursIsOlder) {
        head = await writeMergeCommit(
          dir,
          sides,
          merged,
          ctx.store.meta.schemaVersion,
          { ours, theirs, message: 'Stancebook: merge', author: stamp() },
          cache,
        );
        checkCancel(signal);
        if (!(await push(head))) {
          retries++;
          continue;
        }
      }
      // Accepted: from here the sync finishes even if cancelled, so the notebook matches the remote.
      onProgress('applying', 0, null);
      const applied = await applyMerge(ctx, sides.ours, merged, sides.articleIds);
      if (applied.conflicts.length > 0 || sides.ours.conflicts.length > 0 || merged.conflicts.length > 0)
        await writeConflicts(dir, applied.conflicts);
      await ctx.store.settle();
      await git.writeRef({ fs, dir, ref: `refs/heads/${BRANCH}`, value: head, force: true });
      const newConflicts = merged.newConflicts.length + applied.extraConflicts;
      const message = `Merged the remote's changes${newConflicts > 0 ? `; ${newConflicts} conflict${newConflicts === 1 ? '' : 's'} to review (this notebook's version is shown until resolved)` : ''}.`;
      return done('merged', message, applied.counts, newConflicts, head);
    }
    throw new UserError(
      'conflict',
      `The remote refused the push ${MAX_ATTEMPTS} times (last: ${lastRefusal}); it kept changing while syncing, or refuses this branch. Nothing local changed; sync again.`,
    );
  } catch (error) {
    if (error instanceof Cancelled) return done('cancelled', 'Sync cancelled: nothing local changed.', emptyCounts(), 0, await headOid(dir));
    if (error instanceof UserError) throw error;
    throw networkError(error, remote);
  }

  function done(
    outcome: SyncResult['outcome'],
    message: string,
    applied: SyncResult['applied'],
    newConflicts: number,
    head: string | null,
  ): SyncResult {
    onProgress(outcome === 'cancelled' ? 'cancelled' : 'done', 0, null);
    return { outcome, message, at: at(), committed, applied, newConflicts, retries, head };
  }

  /** Pushes `oid` as the remote's main; false if refused because the remote moved. */
  async function push(oid: string): Promise<boolean> {
    onProgress('pushing', 0, null);
    // Pushed from a ref of its own: the branch moves only once the remote has accepted the commit.
    await git.writeRef({ fs, dir, ref: OUTGOING_REF, value: oid, force: true });
    // isomorphic-git leaves out of the pack only what the merge base holds, plus what the ref
    // origin/HEAD points to (the remote's main, fetched just before): without it a merge of
    // unrelated histories (a first receive) would send every shard back to the remote.
    await git.writeRef({ fs, dir, ref: `refs/remotes/${REMOTE}/HEAD`, value: `refs/remotes/${REMOTE}/${BRANCH}`, symbolic: true, force: true });
    try {
      const result = await git.push({
        fs,
        http,
        dir,
        remote: REMOTE,
        ref: OUTGOING_REF,
        remoteRef: `refs/heads/${BRANCH}`,
        onAuth,
        onProgress: progress('pushing'),
        signal,
        cache,
      });
      if (result.ok) return true;
      const why = Object.values(result.refs ?? {})
        .map((r) => r.error)
        .filter(Boolean)
        .join('; ');
      // A ref the remote would not move (it moved meanwhile, or a hook refused): fetch and merge
      // again; after MAX_ATTEMPTS the sync says why.
      lastRefusal = why || result.error || 'no reason given';
      return false;
    } catch (error) {
      if (error instanceof Cancelled || signal?.aborted) throw new Cancelled('cancelled');
      const code = (error as { code?: string }).code;
      if (code === Errors.PushRejectedError.code || code === Errors.GitPushError.code) {
        lastRefusal = (error as Error).message;
        return false;
      }
      throw networkError(error, remote!);
    }
  }
}

/** Whether the remote answers and lists any branch (an empty repository lists none). */
async function remoteHasBranches(url: string, onAuth: (() => { username: string; password: string }) | undefined): Promise<boolean> {
  const info = await git.getRemoteInfo({ http: httpClient(undefined), url, onAuth });
  return Object.keys(info.heads ?? {}).length > 0;
}
