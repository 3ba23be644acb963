import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type NotebookChanged } from '../../../../shared/api';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { describeBackup } from '../../../../electron/core/trash/backups';
import { openTempNotebook, RESOURCES, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

describe('trash and backups through the contract', () => {
  let nb: TempNotebook;
  let events: NotebookChanged[];
  beforeEach(async () => {
    nb = await openTempNotebook();
    events = [];
    nb.core.onChanged((e) => events.push(e));
  });
  afterEach(() => nb.cleanup());

  const call = (name: string, request: unknown) => dispatch(nb.core.handlers, name, request);

  it('lists a deleted article, claim and brief; restores each; empties for good', async () => {
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const claim = claims[0]!;
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    const brief = await nb.core.handlers.createBrief({ title: 'Week 35' });
    await nb.core.handlers.deleteBrief({ id: brief.id });

    const trash = await nb.core.handlers.listTrash({});
    expect(trash.map((e) => [e.kind, e.id])).toEqual([
      ['brief', brief.id],
      ['claim', claim.id],
    ]);
    // A claim names its live article, so the Trash view can say where it came from.
    expect(trash[1]).toMatchObject({
      articleId: nb.sampleId,
      articleTitle: expect.stringContaining('China'),
      label: claim.target.quote.exact.slice(0, 200),
    });

    events = [];
    const restored = await nb.core.handlers.restoreFromTrash({ id: claim.id });
    expect(restored.kind).toBe('claim');
    expect(events).toEqual([{ scope: 'claims', articleId: nb.sampleId }]);
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims.map((c) => c.id)).toContain(claim.id);

    await nb.core.handlers.deleteArticle({ id: nb.sampleId });
    expect(nb.core.store.listArticles()).toHaveLength(0);
    const withArticle = await nb.core.handlers.listTrash({});
    expect(withArticle.map((e) => e.kind).sort()).toEqual(['article', 'brief']);

    events = [];
    await nb.core.handlers.restoreFromTrash({ id: nb.sampleId });
    expect(events).toEqual([{ scope: 'articles', articleId: nb.sampleId }]);
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims).toHaveLength(claims.length);

    expect(await nb.core.handlers.emptyTrash({})).toEqual({ removed: 1 });
    expect(await nb.core.handlers.listTrash({})).toEqual([]);
    expect(readdirSync(path.join(nb.dir, 'trash'))).toEqual([]);
  });

  it('refuses to restore what is not in the trash, and a claim whose article is gone, changing nothing', async () => {
    const missing = await call('restoreFromTrash', { id: 'clm_nope' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nothing with id "clm_nope" in the trash') },
    });

    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claims[0]!.id });
    await nb.core.handlers.deleteArticle({ id: nb.sampleId });
    await nb.core.store.backup();
    const before = snapshotFiles(nb.dir);
    const orphan = await call('restoreFromTrash', { id: claims[0]!.id });
    expect(orphan).toMatchObject({ ok: false, error: { message: expect.stringMatching(/restore the article first/i) } });
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });

  it('validates every request', async () => {
    expect(await call('restoreFromTrash', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('id') },
    });
    expect(await call('emptyTrash', { all: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('briefsCiting', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('claimIds or articleId is required') },
    });
    expect(await call('restoreBackup', { name: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('backup name') },
    });
  });

  it('names the briefs citing a claim or any claim of an article', async () => {
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const [a, b] = claims;
    const cite = (...ids: string[]) => ({ type: 'doc', content: ids.map((claimId) => ({ type: 'claimCitation', attrs: { claimId } })) });
    const one = await nb.core.handlers.createBrief({ title: 'Alpha', doc: cite(a!.id, b!.id) });
    await nb.core.handlers.createBrief({ title: 'Beta', doc: cite(b!.id) });
    await nb.core.handlers.createBrief({ title: 'Gamma' });

    expect(await nb.core.handlers.briefsCiting({ claimIds: [a!.id] })).toEqual([{ id: one.id, title: 'Alpha', citations: 1 }]);
    expect((await nb.core.handlers.briefsCiting({ claimIds: [b!.id] })).map((x) => x.title)).toEqual(['Alpha', 'Beta']);
    expect((await nb.core.handlers.briefsCiting({ articleId: nb.sampleId })).map((x) => [x.title, x.citations])).toEqual([
      ['Alpha', 2],
      ['Beta', 1],
    ]);
    expect(await call('briefsCiting', { articleId: 'art_nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists backups newest first, takes one now, and restores one beside the notebook without touching it', async () => {
    const { name } = await nb.core.handlers.backupNow({});
    const list = await nb.core.handlers.listBackups({});
    expect(list[0]).toEqual(describeBackup(name));
    expect(list[0]!.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    // What the backup holds: the sample with all its claims. Then the live notebook changes.
    const claimCount = (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims.length;
    await nb.core.handlers.deleteArticle({ id: nb.sampleId });
    const live = snapshotFiles(nb.dir);

    const { dir } = await nb.core.handlers.restoreBackup({ name });
    expect(path.dirname(dir)).toBe(path.dirname(nb.dir));
    expect(path.basename(dir)).toBe(`notebook-backup-${name.slice(0, 10)}`);
    expect(snapshotFiles(nb.dir)).toEqual(live);
    expect(nb.core.store.listArticles()).toHaveLength(0);

    const copy = await openNotebookCore(dir, { resourcesDir: RESOURCES });
    try {
      expect(copy.store.listArticles().map((a) => a.id)).toEqual([nb.sampleId]);
      expect((await copy.handlers.getArticle({ id: nb.sampleId })).claims).toHaveLength(claimCount);
    } finally {
      await copy.close();
    }

    const unknown = await call('restoreBackup', { name: '2020-01-01T00-00-00-000Z' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no backup called') } });
    expect(existsSync(path.join(path.dirname(nb.dir), 'notebook-backup-2020-01-01'))).toBe(false);
  });

  it('reads labels and counters out of backup names', () => {
    expect(describeBackup('2026-11-28T10-00-00-000Z')).toEqual({ name: '2026-11-28T10-00-00-000Z', takenAt: '2026-11-28T10:00:00.000Z', label: '' });
    expect(describeBackup('2026-11-28T10-00-00-000Z-before-restore-2').label).toBe('before-restore');
    expect(describeBackup('odd').takenAt).toBeNull();
  });
});
