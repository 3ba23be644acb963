import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../electron/core/bootstrap';
import type { Claim } from '../../../shared/model';
import { CORE_OPTIONS, openTempNotebook, snapshotFiles, tempDir, type TempNotebook } from '../helpers/temp-notebook';
import { startGitServer, type GitServer } from './git-server';

/**
 * Two or three notebook copies syncing through a real Git server on loopback
 * (git http-backend behind a CGI shim, see git-server.ts).
 */

let server: GitServer;
const copies: TempNotebook[] = [];

async function copy(sample: boolean): Promise<TempNotebook> {
  const nb = await openTempNotebook({ sample });
  copies.push(nb);
  await nb.core.handlers.configureSync({ remote: server.url });
  return nb;
}

async function claimsOf(nb: TempNotebook, articleId: string): Promise<Claim[]> {
  return (await nb.core.handlers.getArticle({ id: articleId })).claims;
}

/** The notebook's own files (not .git), to prove a failed sync changed nothing. */
function notebookFiles(nb: TempNotebook): Map<string, string> {
  const all = snapshotFiles(nb.dir);
  for (const key of [...all.keys()]) if (key.startsWith('.git' + path.sep) || key === '.git') all.delete(key);
  return all;
}

/** A shared notebook: A holds the sample and pushes it, B starts empty and receives it. */
async function twoCopies(): Promise<{ a: TempNotebook; b: TempNotebook; articleId: string; claims: Claim[] }> {
  const a = await copy(true);
  expect((await a.core.handlers.sync({})).outcome).toBe('pushed');
  const b = await copy(false);
  const first = await b.core.handlers.sync({});
  expect(first.outcome).toBe('merged');
  await a.core.handlers.sync({});
  return { a, b, articleId: a.sampleId, claims: await claimsOf(a, a.sampleId) };
}

beforeEach(async () => {
  server = await startGitServer();
});
afterEach(async () => {
  for (const nb of copies.splice(0)) await nb.cleanup();
  await server.stop();
});

describe('sync through Git', () => {
  it('shares a notebook: a second copy receives every article, claim and codebook entry', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    expect(claims.length).toBeGreaterThan(3);
    expect(await claimsOf(b, articleId)).toEqual(claims);
    expect(b.core.store.getCodebook()).toEqual(a.core.store.getCodebook());
    expect(server.head()).toMatch(/^[0-9a-f]{40}$/);
    // The durable state only: no journal, index, lock, backups or search index in the repository.
    const files = execFileSync('git', ['-C', server.repo, 'ls-tree', '-r', '--name-only', 'main'], { encoding: 'utf8' }).trim().split('\n');
    expect(files.filter((f) => !f.startsWith('articles/')).sort()).toEqual(['.gitignore', 'briefs.json', 'codebook.json', 'notebook.json']);
    expect(files.filter((f) => f.startsWith('articles/'))).toHaveLength(1);
    expect(await b.core.handlers.listConflicts({})).toEqual([]);
  });

  it('merges changes to different claims and to different fields of one claim silently', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    const [one, two] = claims;
    const stance = a.core.store.getCodebook().stances.find((s) => s.id !== one!.stanceId)!;
    await a.core.handlers.updateClaim({ articleId, id: one!.id, patch: { note: 'A reads this as a hedge' } });
    await b.core.handlers.updateClaim({ articleId, id: one!.id, patch: { stanceId: stance.id } });
    await b.core.handlers.updateClaim({ articleId, id: two!.id, patch: { note: 'B: check the source' } });
    expect((await a.core.handlers.sync({})).outcome).toBe('pushed');
    const merged = await b.core.handlers.sync({});
    expect(merged).toMatchObject({ outcome: 'merged', newConflicts: 0 });
    await a.core.handlers.sync({});
    for (const nb of [a, b]) {
      const now = await claimsOf(nb, articleId);
      expect(now.find((c) => c.id === one!.id)).toMatchObject({ note: 'A reads this as a hedge', stanceId: stance.id });
      expect(now.find((c) => c.id === two!.id)!.note).toBe('B: check the source');
      expect(await nb.core.handlers.listConflicts({})).toEqual([]);
    }
  });

  it('keeps both values of a field changed on both sides; the conflict survives reopening, reaches the teammate and resolves as an undoable step', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    const claim = claims[0]!;
    await a.core.handlers.updateClaim({ articleId, id: claim.id, patch: { note: 'note from A' } });
    await b.core.handlers.updateClaim({ articleId, id: claim.id, patch: { note: 'note from B' } });
    await a.core.handlers.sync({});
    const result = await b.core.handlers.sync({});
    expect(result.newConflicts).toBe(1);
    // The notebook opens normally with ours (B's) applied provisionally.
    expect((await claimsOf(b, articleId)).find((c) => c.id === claim.id)!.note).toBe('note from B');
    const [conflict] = await b.core.handlers.listConflicts({});
    expect(conflict).toMatchObject({
      kind: 'claim',
      recordId: claim.id,
      field: 'note',
      ours: 'note from B',
      theirs: 'note from A',
      base: claim.note,
      applied: 'ours',
      reason: 'both-changed',
    });

    // Reopen B: the conflict is durable.
    await b.core.close();
    b.core = await openNotebookCore(b.dir, CORE_OPTIONS);
    expect(await b.core.handlers.listConflicts({})).toHaveLength(1);

    // It reaches A with the next syncs, and A holds the same provisional value.
    await b.core.handlers.sync({});
    await a.core.handlers.sync({});
    expect(await a.core.handlers.listConflicts({})).toHaveLength(1);
    expect((await claimsOf(a, articleId)).find((c) => c.id === claim.id)!.note).toBe('note from B');

    // Resolving on A (taking the other side) is an undoable write; the conflict leaves both lists.
    const { remaining } = await a.core.handlers.resolveConflict({ id: conflict!.id, pick: 'theirs' });
    expect(remaining).toBe(0);
    expect((await claimsOf(a, articleId)).find((c) => c.id === claim.id)!.note).toBe('note from A');
    expect((await a.core.handlers.getHistory({})).undoLabel).toBe('Resolve sync conflict');
    await a.core.handlers.sync({});
    await b.core.handlers.sync({});
    expect(await b.core.handlers.listConflicts({})).toEqual([]);
    expect((await claimsOf(b, articleId)).find((c) => c.id === claim.id)!.note).toBe('note from A');
  });

  it('a claim deleted on one side and edited on the other: the edit wins, the claim is restored, a conflict records it', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    const [x, y] = claims;
    // x: deleted on B, edited on A (A syncs first, so B is the deleting side when it merges).
    await a.core.handlers.updateClaim({ articleId, id: x!.id, patch: { note: 'A edited x' } });
    await b.core.handlers.deleteClaim({ articleId, id: x!.id });
    // y: deleted on A, edited on B.
    await a.core.handlers.deleteClaim({ articleId, id: y!.id });
    await b.core.handlers.updateClaim({ articleId, id: y!.id, patch: { note: 'B edited y' } });
    await a.core.handlers.sync({});
    await b.core.handlers.sync({});
    await a.core.handlers.sync({});
    for (const nb of [a, b]) {
      const now = await claimsOf(nb, articleId);
      expect(now.find((c) => c.id === x!.id)!.note).toBe('A edited x');
      expect(now.find((c) => c.id === y!.id)!.note).toBe('B edited y');
      // Restored claims left the trash.
      expect((await nb.core.handlers.listTrash({})).map((e) => e.id)).not.toContain(x!.id);
    }
    const conflicts = await b.core.handlers.listConflicts({});
    expect(conflicts.map((c) => [c.recordId, c.reason, c.applied]).sort()).toEqual(
      [
        [x!.id, 'deleted-and-edited', 'theirs'],
        [y!.id, 'deleted-and-edited', 'ours'],
      ].sort(),
    );
  });

  it('an article revised on both sides keeps both revisions and re-anchors every claim against the kept text', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    const { article } = await a.core.handlers.getArticle({ id: articleId });
    await a.core.handlers.reviseArticleText({ articleId, text: `Editor's note from A.\n${article.text}` });
    await b.core.handlers.reviseArticleText({ articleId, text: `${article.text}\nCorrection appended by B.` });
    await a.core.handlers.sync({});
    const result = await b.core.handlers.sync({});
    expect(result.newConflicts).toBeGreaterThanOrEqual(1);
    const { article: merged, claims: mergedClaims } = await b.core.handlers.getArticle({ id: articleId });
    expect(merged.text).toBe(`${article.text}\nCorrection appended by B.`);
    expect(merged.revisions.map((r) => r.text)).toContain(`Editor's note from A.\n${article.text}`);
    expect(merged.revisions.map((r) => r.text)).toContain(article.text);
    expect(mergedClaims.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort());
    for (const c of mergedClaims) {
      if (c.anchor.status !== 'orphaned') expect(merged.text.slice(c.target.position.start, c.target.position.end)).toBe(c.target.quote.exact);
    }
    const textConflict = (await b.core.handlers.listConflicts({})).find((c) => c.field === 'text')!;
    expect(textConflict).toMatchObject({ kind: 'article', reason: 'text-revised-on-both', applied: 'ours' });
    // Taking theirs makes A's text current again, as a new revision (undoable).
    await b.core.handlers.resolveConflict({ id: textConflict.id, pick: 'theirs' });
    expect((await b.core.handlers.getArticle({ id: articleId })).article.text).toBe(`Editor's note from A.\n${article.text}`);
  });

  it('dedupes a codebook entry both sides created with one name and remaps the claims', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    const nato = await a.core.handlers.createActor({ name: 'NATO' });
    const natoB = await b.core.handlers.createActor({ name: 'Nato' });
    await a.core.handlers.updateClaim({ articleId, id: claims[0]!.id, patch: { actorIds: [nato.id] } });
    await a.core.handlers.sync({});
    await b.core.handlers.sync({});
    await a.core.handlers.sync({});
    for (const nb of [a, b]) {
      const natos = nb.core.store.getCodebook().actors.filter((x) => x.name.toLowerCase() === 'nato');
      expect(natos.map((x) => x.id)).toEqual([natoB.id]);
      expect((await claimsOf(nb, articleId)).find((c) => c.id === claims[0]!.id)!.actorIds).toEqual([natoB.id]);
    }
  });

  it('an actor renamed on one side and merged away on the other comes back renamed; choosing the merge sends it where the other side did', async () => {
    const { a, b, articleId } = await twoCopies();
    const codebook = a.core.store.getCodebook();
    const used = (await claimsOf(a, articleId)).flatMap((c) => c.actorIds);
    const from = codebook.actors.find((x) => used.includes(x.id))!;
    const into = codebook.actors.find((x) => x.id !== from.id)!;
    await a.core.handlers.updateActor({ id: from.id, patch: { name: `${from.name} (renamed)` } });
    await b.core.handlers.mergeActors({ fromId: from.id, intoId: into.id });
    await a.core.handlers.sync({});
    await b.core.handlers.sync({});
    // The rename (an edit) wins over the merge (a delete): the entry is back, renamed; the claims
    // B moved stay with the entry they went to.
    expect(b.core.store.getCodebook().actors.find((x) => x.id === from.id)?.name).toBe(`${from.name} (renamed)`);
    expect((await claimsOf(b, articleId)).some((c) => c.actorIds.includes(from.id))).toBe(false);
    const conflict = (await b.core.handlers.listConflicts({})).find((c) => c.recordId === from.id)!;
    expect(conflict).toMatchObject({ kind: 'actor', reason: 'deleted-and-edited', applied: 'theirs', mergedInto: into.id, ours: null });
    await b.core.handlers.resolveConflict({ id: conflict.id, pick: 'ours' });
    expect(b.core.store.getCodebook().actors.some((x) => x.id === from.id)).toBe(false);
  });

  it('a push refused because the remote moved fetches, merges and pushes again', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    await a.core.handlers.updateClaim({ articleId, id: claims[0]!.id, patch: { note: 'A' } });
    await b.core.handlers.updateClaim({ articleId, id: claims[1]!.id, patch: { note: 'B' } });
    let moved = false;
    server.before = async ({ method, url }) => {
      if (!moved && method === 'POST' && url.endsWith('git-receive-pack')) {
        moved = true;
        // Another copy pushes between A's fetch and A's push.
        expect((await b.core.handlers.sync({})).outcome).toBe('pushed');
      }
    };
    const result = await a.core.handlers.sync({});
    expect(result.retries).toBeGreaterThanOrEqual(1);
    expect(result.outcome).toBe('merged');
    const now = await claimsOf(a, articleId);
    expect(now.find((c) => c.id === claims[0]!.id)!.note).toBe('A');
    expect(now.find((c) => c.id === claims[1]!.id)!.note).toBe('B');
    expect(server.head()).toBe(result.head);
  });

  it('a network failure mid-sync (the connection cut at the push) changes nothing local', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    await b.core.handlers.updateClaim({ articleId, id: claims[0]!.id, patch: { note: 'from B' } });
    await b.core.handlers.sync({});
    await a.core.handlers.updateClaim({ articleId, id: claims[1]!.id, patch: { note: 'from A' } });
    await a.core.store.settle();
    const before = notebookFiles(a);
    const headBefore = server.head();
    server.before = ({ method, url }) => (method === 'POST' && url.endsWith('git-receive-pack') ? 'drop' : undefined);
    await expect(a.core.handlers.sync({})).rejects.toThrow(/Nothing local changed/);
    await a.core.store.settle();
    expect(notebookFiles(a)).toEqual(before);
    expect(server.head()).toBe(headBefore);
    expect((await claimsOf(a, articleId)).find((c) => c.id === claims[0]!.id)!.note).not.toBe('from B');
    expect((await a.core.handlers.getSyncStatus({})).lastResult?.outcome).toBe('failed');
    // Once the network is back the same sync goes through.
    server.before = null;
    expect((await a.core.handlers.sync({})).outcome).toBe('merged');
    expect((await claimsOf(a, articleId)).find((c) => c.id === claims[0]!.id)!.note).toBe('from B');
  });

  it('an unreachable remote (a closed port) changes nothing local', async () => {
    const a = await copy(true);
    await a.core.handlers.configureSync({ remote: 'http://127.0.0.1:9/closed.git' });
    await a.core.store.settle();
    const before = notebookFiles(a);
    await expect(a.core.handlers.sync({})).rejects.toThrow(/Could not reach the remote http:\/\/127\.0\.0\.1:9\/closed\.git.*Nothing local changed/);
    expect(notebookFiles(a)).toEqual(before);
  });

  it('a cancel during the fetch stops the sync before anything local changes', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    await b.core.handlers.updateClaim({ articleId, id: claims[0]!.id, patch: { note: 'from B' } });
    await b.core.handlers.sync({});
    await a.core.store.settle();
    const before = notebookFiles(a);
    server.before = async () => {
      server.before = null;
      expect(await a.core.handlers.cancelSync({})).toEqual({ cancelled: true });
    };
    expect((await a.core.handlers.sync({})).outcome).toBe('cancelled');
    expect(notebookFiles(a)).toEqual(before);
  });

  it('a fresh clone (with the git binary) opens as a working notebook: articles, claims, codebook, search', async () => {
    const { a, articleId, claims } = await twoCopies();
    const dir = path.join(tempDir('stancebook-clone-'), 'notebook');
    // Async: the server answering the clone runs in this process.
    await promisify(execFile)('git', ['clone', '--quiet', server.url, dir]);
    const clone = await openNotebookCore(dir, CORE_OPTIONS);
    try {
      expect(clone.store.openReport.recovered).toEqual([]);
      expect(clone.store.listArticles().map((x) => x.id)).toEqual([articleId]);
      expect((await clone.handlers.getArticle({ id: articleId })).claims).toEqual(claims);
      expect(clone.store.getCodebook()).toEqual(a.core.store.getCodebook());
      const hits = await clone.handlers.search({ query: claims[0]!.target.quote.exact.split(/\s+/).slice(0, 2).join(' '), limit: 20, offset: 0 });
      expect(JSON.stringify(hits)).toContain(articleId);
    } finally {
      await clone.close();
    }
  });

  it('sends the token only as HTTP credentials: refused without it, and it is nowhere in the notebook folder', async () => {
    await server.stop();
    server = await startGitServer({ token: 'secret-token-4321' });
    const a = await copy(true);
    await expect(a.core.handlers.sync({})).rejects.toThrow(/refused the credentials|401/);
    const result = await a.core.handlers.sync({ token: 'secret-token-4321' });
    expect(result.outcome).toBe('pushed');
    expect((await a.core.handlers.getSyncStatus({})).hasToken).toBe(true);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
    for (const file of walk(a.dir)) expect(readFileSync(file).includes('secret-token-4321'), file).toBe(false);
  });

  it('refuses remotes that are not http(s), or carry credentials, with a clear message', async () => {
    const a = await copy(true);
    await expect(a.core.handlers.configureSync({ remote: 'git@example.org:team/notebook.git' })).rejects.toThrow(/https:\/\//);
    await expect(a.core.handlers.configureSync({ remote: 'https://user:tok@example.org/n.git' })).rejects.toThrow(/no user name or token in the URL/);
  });
});

/** Objects in the remote repository, loose and packed. */
function remoteObjects(repo = server.repo): number {
  const out = execFileSync('git', ['-C', repo, 'count-objects', '-v'], { encoding: 'utf8' });
  return Number(/^count: (\d+)/m.exec(out)![1]) + Number(/^in-pack: (\d+)/m.exec(out)![1]);
}

describe('sync commits only what changed', () => {
  it('a first receive (unrelated histories) sends back only its merge, not the notebook it received', async () => {
    const a = await copy(true);
    expect((await a.core.handlers.sync({})).outcome).toBe('pushed');
    const objectsBefore = remoteObjects();
    const b = await copy(false);
    expect((await b.core.handlers.sync({})).outcome).toBe('merged');
    // The merge commit, its root tree, and B's own codebook/briefs/notebook files at most: no shard
    // differs from what A pushed (main^2).
    const sent = remoteObjects() - objectsBefore;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(5);
    const shards = execFileSync('git', ['-C', server.repo, 'diff', '--name-only', 'main^2', 'main'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.startsWith('articles/'));
    expect(shards).toEqual([]);
  });

  it('a sync after a receive or a merge commits nothing, and the next change commits one shard', async () => {
    const { a, b, articleId, claims } = await twoCopies();
    // B received everything through the store (every shard rewritten with B's own storage rev).
    const again = await b.core.handlers.sync({});
    expect(again).toMatchObject({ outcome: 'up-to-date', committed: false });
    await a.core.handlers.updateClaim({ articleId, id: claims[0]!.id, patch: { note: 'A edits' } });
    await b.core.handlers.updateClaim({ articleId, id: claims[1]!.id, patch: { note: 'B edits' } });
    expect((await a.core.handlers.sync({})).outcome).toBe('pushed');
    expect((await b.core.handlers.sync({})).outcome).toBe('merged');
    const headAfterMerge = server.head()!;
    // The store wrote the merge with its own rev: no record changed, so nothing is committed or sent.
    expect(await b.core.handlers.sync({})).toMatchObject({ outcome: 'up-to-date', committed: false });
    expect(server.head()).toBe(headAfterMerge);
    expect((await a.core.handlers.sync({})).outcome).toBe('merged');
    expect(await a.core.handlers.sync({})).toMatchObject({ outcome: 'up-to-date', committed: false });
    // The storage rev is never committed.
    const shard = execFileSync(
      'git',
      ['-C', server.repo, 'show', `main:articles/${readdirSync(path.join(a.dir, 'articles')).find((n) => n.endsWith('.json'))}`],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(shard).rev).toBe(0);
    // One more change: one commit touching one file, and the push sends just that (commit, root
    // tree, articles tree, shard), not the notebook.
    const objectsBefore = remoteObjects();
    const localBefore = remoteObjects(b.dir);
    await b.core.handlers.updateClaim({ articleId, id: claims[2]!.id, patch: { note: 'B again' } });
    expect(await b.core.handlers.sync({})).toMatchObject({ outcome: 'pushed', committed: true });
    expect(remoteObjects() - objectsBefore).toBe(4);
    // The fetch before the push offers what the remote knows, so it receives nothing back: the
    // local repository grows by the same 4 objects, not by the notebook's history once more.
    expect(remoteObjects(b.dir) - localBefore).toBe(4);
    const changed = execFileSync('git', ['-C', server.repo, 'diff', '--name-only', headAfterMerge, 'main'], { encoding: 'utf8' }).trim().split('\n');
    expect(changed).toEqual([`articles/${readdirSync(path.join(b.dir, 'articles')).find((n) => n.endsWith('.json'))}`]);
  });
});
