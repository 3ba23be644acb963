import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { claimsDigest, flushClaimsDigest } from '../../../../electron/core/claims/claim-digests';
import { DIGEST_FILE } from '../../../../electron/core/claims/claim-digest-file';
import { openTempNotebook, RESOURCES, type TempNotebook } from '../../helpers/temp-notebook';

/**
 * The claims digest behind positions and codebook usage: persisted beside the notebook, read
 * back at the next start, re-read per article when the article's storage signature moved,
 * rebuilt when missing or damaged, and never part of backups or archives.
 */
describe('the claims digest', () => {
  let nb: TempNotebook;
  afterEach(() => nb.cleanup());

  const reopen = async () => {
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    return nb.core;
  };
  const digestFile = () => path.join(nb.dir, DIGEST_FILE);

  it('is written beside the notebook and read back at the next start, giving the same map and usage', async () => {
    nb = await openTempNotebook();
    const map = await nb.core.handlers.getPositions({});
    const usage = await nb.core.handlers.getCodebookUsage({});
    await flushClaimsDigest(nb.core.context);
    expect(existsSync(digestFile())).toBe(true);
    const core = await reopen();
    expect(await core.handlers.getPositions({})).toEqual(map);
    expect((await claimsDigest(core.context)).report).toEqual({ source: 'file', reason: null, articlesRead: 0 });
    expect(await core.handlers.getCodebookUsage({})).toEqual(usage);
  });

  it('re-reads only the article whose storage revision moved while another process held the notebook', async () => {
    nb = await openTempNotebook();
    const codebook = nb.core.store.getCodebook();
    const other = await nb.core.handlers.importText({
      title: 'Second',
      text: 'Washington said it would welcome a new trade framework with Beijing.',
    });
    const us = codebook.actors.find((a) => a.name === 'United States')!.id;
    const trade = codebook.issues.find((i) => i.name === 'Trade and economic policy')!.id;
    const supports = codebook.stances.find((s) => s.label === 'supports')!.id;
    await nb.core.handlers.createClaim({
      articleId: other.articleId,
      start: 0,
      end: 20,
      coding: { actorIds: [us], issueId: trade, stanceId: supports },
    });
    await nb.core.handlers.getPositions({});
    // Close writes the digest.
    let core = await reopen();
    // This core edits a claim and never computes a map: its digest is not loaded, so the file stays as it was.
    const { claims } = await core.handlers.getArticle({ id: nb.sampleId });
    const scs = claims.find((c) => c.target.quote.exact.startsWith('Sullivan expressed concerns'))!;
    const neutral = codebook.stances.find((s) => s.label === 'neutral')!.id;
    await core.handlers.updateClaim({ articleId: nb.sampleId, id: scs.id, patch: { stanceId: neutral } });
    core = await reopen();
    const map = await core.handlers.getPositions({});
    expect((await claimsDigest(core.context)).report).toEqual({ source: 'file', reason: null, articlesRead: 1 });
    // The edit shows: the United States is now neutral on the South China Sea, and nothing clashes.
    expect(map.cells.find((c) => c.actorId === us && c.issueId === claims.find((c) => c.id === scs.id)!.issueId)?.latestStanceId).toBe(neutral);
    expect(map.clashes).toEqual([]);
  });

  it.each([
    ['cut off', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['not JSON at all', () => '\u0000\u0001garbage'],
    ['an index out of its table', (text: string) => text.replace(/"stance":\[(\d+)/, '"stance":[99999')],
    ['columns of different lengths', (text: string) => text.replace(/"issue":\[(-?\d+),/, '"issue":[')],
    ['from another notebook', (text: string) => text.replace(/"notebookId":"[^"]+"/, '"notebookId":"someone-else"')],
  ])('is rebuilt from the articles when damaged (%s), with the same map', async (_what, damage) => {
    nb = await openTempNotebook();
    const map = await nb.core.handlers.getPositions({});
    await flushClaimsDigest(nb.core.context);
    await nb.core.close();
    writeFileSync(digestFile(), damage(readFileSync(digestFile(), 'utf8')));
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect(await nb.core.handlers.getPositions({})).toEqual(map);
    const { report } = await claimsDigest(nb.core.context);
    expect(report.source).toBe('rebuilt');
    expect(report.reason).toMatch(/digest file/);
    expect(report.articlesRead).toBe(1);
    // The rebuilt digest replaces the damaged file.
    await flushClaimsDigest(nb.core.context);
    const core = await reopen();
    await core.handlers.getPositions({});
    expect((await claimsDigest(core.context)).report.source).toBe('file');
  });

  it('is rebuilt when missing, and drops articles that were deleted', async () => {
    nb = await openTempNotebook();
    await nb.core.handlers.getPositions({});
    await nb.core.handlers.deleteArticle({ id: nb.sampleId });
    const map = await nb.core.handlers.getPositions({});
    expect(map.cells).toEqual([]);
    await flushClaimsDigest(nb.core.context);
    expect(JSON.parse(readFileSync(digestFile(), 'utf8')).articleIds).toEqual([]);
  });

  it('serves concurrent callers from one catch-up, and an edit made meanwhile shows in the next map', async () => {
    nb = await openTempNotebook();
    const codebook = nb.core.store.getCodebook();
    const neutral = codebook.stances.find((s) => s.label === 'neutral')!.id;
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const scs = claims.find((c) => c.target.quote.exact.startsWith('Sullivan expressed concerns'))!;
    // No digest file yet: both maps and the usage wait for the same reading of the one article.
    const [a, b, usage] = await Promise.all([
      nb.core.handlers.getPositions({}),
      nb.core.handlers.getPositions({}),
      nb.core.handlers.getCodebookUsage({}),
      nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: scs.id, patch: { stanceId: neutral } }),
    ]);
    expect(b).toEqual(a);
    expect(usage.claimCount).toBe(10);
    expect((await claimsDigest(nb.core.context)).report.articlesRead).toBeLessThanOrEqual(2);
    // Whatever the maps above saw, the next one has the edit: the United States is neutral, no clash is left.
    expect((await nb.core.handlers.getPositions({})).clashes).toEqual([]);
  });

  it('after a map that found every article current, sees each later change: claim edit, delete, new article', async () => {
    nb = await openTempNotebook();
    const codebook = nb.core.store.getCodebook();
    const neutral = codebook.stances.find((s) => s.label === 'neutral')!.id;
    const first = await nb.core.handlers.getPositions({});
    expect(await nb.core.handlers.getPositions({})).toEqual(first); // the unchanged library's check is skipped
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const scs = claims.find((c) => c.target.quote.exact.startsWith('Sullivan expressed concerns'))!;
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: scs.id, patch: { stanceId: neutral } });
    const edited = await nb.core.handlers.getPositions({});
    expect(edited.clashes).toEqual([]);
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claims[0]!.id });
    expect((await nb.core.handlers.getPositions({})).claimCount).toBe(first.claimCount - 1);
    const added = await nb.core.handlers.importText({ text: 'A second article. China said it opposes the plan.', title: 'Second' });
    const { article } = await nb.core.handlers.getArticle({ id: added.articleId });
    const quote = 'China said it opposes the plan';
    const at = article.text.indexOf(quote);
    await nb.core.handlers.createClaim({
      articleId: article.id,
      start: at,
      end: at + quote.length,
      coding: { actorIds: [codebook.actors[0]!.id], issueId: codebook.issues[0]!.id, stanceId: neutral },
    });
    const after = await nb.core.handlers.getPositions({});
    expect(after.claimCount).toBe(first.claimCount);
    expect(after.articleCount).toBe(first.articleCount + 1);
  });

  it('stays out of backups and archives', async () => {
    nb = await openTempNotebook();
    await nb.core.handlers.getPositions({});
    await flushClaimsDigest(nb.core.context);
    expect(existsSync(digestFile())).toBe(true);
    const backup = await nb.core.store.backup();
    expect(readdirSync(path.join(nb.dir, 'backups', backup))).not.toContain(DIGEST_FILE);
    const archive = await JSZip.loadAsync(Buffer.from((await nb.core.handlers.exportArchive({})).content, 'base64'));
    expect(Object.keys(archive.files).some((name) => name.includes('digest'))).toBe(false);
  });
});
