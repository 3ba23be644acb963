import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { dispatch } from '../../../../shared/api/dispatch';
import { flushClaimsDigest } from '../../../../electron/core/claims/claim-digests';
import type { Codebook } from '../../../../shared/model';
import { goldClaims, openTempNotebook, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

describe('the positions map', () => {
  let nb: TempNotebook;
  let codebook: Codebook;
  const actor = (name: string) => codebook.actors.find((a) => a.name === name)!.id;
  const issue = (name: string) => codebook.issues.find((i) => i.name === name)!.id;
  const stance = (label: string) => codebook.stances.find((s) => s.label === label)!.id;
  let laterId: string;

  beforeAll(async () => {
    nb = await openTempNotebook();
    codebook = nb.core.store.getCodebook();
    // A later article in which the United States' stance on trade softens.
    const later = await nb.core.handlers.importText({
      title: 'Trade thaw',
      text: 'March 3, 2025\n\nTrade thaw\n\nWashington said it would welcome a new trade framework with Beijing.',
    });
    laterId = later.articleId;
    await nb.core.handlers.updateArticleMeta({ id: laterId, patch: { publishedAt: '2025-03-03', source: 'Wire' } });
    await nb.core.handlers.setArticleCollections({ articleId: laterId, collections: ['Trade watch'] });
    const { article } = await nb.core.handlers.getArticle({ id: laterId });
    const quote = 'it would welcome a new trade framework with Beijing';
    const start = article.text.indexOf(quote);
    await nb.core.handlers.createClaim({
      articleId: laterId,
      start,
      end: start + quote.length,
      coding: {
        actorIds: [actor('United States')],
        issueId: issue('Trade and economic policy'),
        stanceId: stance('supports'),
        proposition: 'A new trade framework',
      },
    });
  });
  afterAll(() => nb.cleanup());

  it('counts every gold claim in its actor × issue cell, with the stances recorded', async () => {
    const map = await nb.core.handlers.getPositions({});
    expect(map.articleCount).toBe(2);
    expect(map.claimCount).toBe(goldClaims().length + 1);
    const expected = new Map<string, number>();
    for (const g of goldClaims())
      for (const a of g.actors) expected.set(`${issue(g.issue)}|${actor(a)}`, (expected.get(`${issue(g.issue)}|${actor(a)}`) ?? 0) + 1);
    expected.set(`${issue('Trade and economic policy')}|${actor('United States')}`, 2);
    const got = new Map(map.cells.map((c) => [`${c.issueId}|${c.actorId}`, c.claimCount]));
    expect(got).toEqual(expected);
    const scs = map.cells.find((c) => c.issueId === issue('South China Sea') && c.actorId === actor('China'))!;
    expect(scs).toMatchObject({
      stanceCounts: { [stance('strongly supports')]: 1 },
      latestStanceId: stance('strongly supports'),
      timeline: [{ period: '2024-12-21', stanceCounts: { [stance('strongly supports')]: 1 }, latestStanceId: stance('strongly supports') }],
    });
    // Actors and issues come in codebook order.
    const rank = new Map(codebook.actors.map((a, i) => [a.id, i]));
    expect(map.actorIds.map((id) => rank.get(id))).toEqual([...map.actorIds.map((id) => rank.get(id))].sort((a, b) => a! - b!));
  });

  it('shows a change of position over time per proposition; the timeline is grouped per period', async () => {
    const map = await nb.core.handlers.getPositions({});
    const trade = map.cells.find((c) => c.issueId === issue('Trade and economic policy') && c.actorId === actor('United States'))!;
    expect(trade.firstDated).toEqual({ date: '2024-12-21', stanceId: stance('opposes') });
    expect(trade.latestStanceId).toBe(stance('supports'));
    expect(trade.stanceCounts).toEqual({ [stance('opposes')]: 1, [stance('supports')]: 1 });
    // Two different propositions: opposing China's trade practices, then welcoming a framework, is no shift.
    expect(trade.shifts).toEqual([]);
    expect(trade.propositions).toEqual([
      { proposition: "China's trade policies and non-market economic practices", claimCount: 1, latestStanceId: stance('opposes'), shift: null },
      { proposition: 'A new trade framework', claimCount: 1, latestStanceId: stance('supports'), shift: null },
    ]);
    expect(trade.propositionCount).toBe(2);
    // 21 December 2024 to 3 March 2025, under three months: by day.
    expect(map.period).toBe('day');
    expect(trade.timeline).toEqual([
      { period: '2024-12-21', stanceCounts: { [stance('opposes')]: 1 }, latestStanceId: stance('opposes') },
      { period: '2025-03-03', stanceCounts: { [stance('supports')]: 1 }, latestStanceId: stance('supports') },
    ]);
  });

  it('names the clashes per proposition: on the sample only the South China Sea, not Taiwan', async () => {
    const map = await nb.core.handlers.getPositions({});
    expect(map.clashes).toEqual([
      {
        issueId: issue('South China Sea'),
        proposition: "China's territorial claims and actions in the South China Sea",
        supporters: [{ actorId: actor('China'), stanceId: stance('strongly supports') }],
        opponents: [{ actorId: actor('United States'), stanceId: stance('opposes') }],
      },
    ]);
  });

  it('filters by date range, collection and source (case ignored, accents count: the one ArticleFilter)', async () => {
    const before2025 = await nb.core.handlers.getPositions({ publishedTo: '2024-12-31' });
    expect(before2025.articleCount).toBe(1);
    expect(before2025.cells.find((c) => c.issueId === issue('Trade and economic policy'))?.latestStanceId).toBe(stance('opposes'));
    const watch = await nb.core.handlers.getPositions({ collection: 'trade WATCH' });
    expect(watch).toMatchObject({ articleCount: 1, claimCount: 1, actorIds: [actor('United States')], clashes: [], period: 'day' });
    expect((await nb.core.handlers.getPositions({ source: 'WIRE' })).articleCount).toBe(1);
    expect((await nb.core.handlers.getPositions({ source: 'wíre' })).articleCount).toBe(0);
    expect((await nb.core.handlers.getPositions({ publishedFrom: '2030-01-01' })).cells).toEqual([]);
  });

  it('lists the claims behind a cell, oldest first, with their articles', async () => {
    const answer = await nb.core.handlers.getPositionClaims({
      issueId: issue('Trade and economic policy'),
      actorId: actor('United States'),
      limit: 500,
    });
    expect(answer.total).toBe(2);
    expect(answer.claims.map((c) => [c.publishedAt, c.stanceId, c.articleId === laterId])).toEqual([
      ['2024-12-21', stance('opposes'), false],
      ['2025-03-03', stance('supports'), true],
    ]);
    expect(answer.claims[1]).toMatchObject({
      articleTitle: 'Trade thaw',
      quote: 'it would welcome a new trade framework with Beijing',
      anchorStatus: 'exact',
    });
    const none = await nb.core.handlers.getPositionClaims({ issueId: null, actorId: actor('China'), limit: 500 });
    expect(none).toEqual({ total: 0, claims: [] });
  });

  it('gives the latest `limit` claims of a cell, and the claims on one proposition', async () => {
    const cell = { issueId: issue('Trade and economic policy'), actorId: actor('United States') };
    const latest = await nb.core.handlers.getPositionClaims({ ...cell, limit: 1 });
    expect(latest.total).toBe(2);
    expect(latest.claims.map((c) => c.articleId)).toEqual([laterId]);
    const onFramework = await nb.core.handlers.getPositionClaims({ ...cell, proposition: 'a new  trade framework.', limit: 50 });
    expect(onFramework).toMatchObject({ total: 1, claims: [{ proposition: 'A new trade framework' }] });
    expect(await nb.core.handlers.getPositionClaims({ ...cell, proposition: 'Something nobody said', limit: 50 })).toEqual({ total: 0, claims: [] });
  });

  it('sends one timeline entry per period, however many claims fall in it', async () => {
    const many = await nb.core.handlers.importText({ title: 'Many', text: 'One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten.' });
    await nb.core.handlers.updateArticleMeta({ id: many.articleId, patch: { publishedAt: '2025-03-03' } });
    for (let i = 0; i < 10; i++) {
      await nb.core.handlers.createClaim({
        articleId: many.articleId,
        start: i * 6,
        end: i * 6 + 3,
        coding: { actorIds: [actor('Experts')], issueId: issue('Ukraine war'), stanceId: stance(i % 2 ? 'supports' : 'opposes'), proposition: 'P' },
      });
    }
    const map = await nb.core.handlers.getPositions({});
    const cell = map.cells.find((c) => c.actorId === actor('Experts') && c.issueId === issue('Ukraine war'))!;
    expect(cell.timeline).toEqual([
      { period: '2025-03-03', stanceCounts: { [stance('supports')]: 5, [stance('opposes')]: 5 }, latestStanceId: stance('supports') },
    ]);
    // Same day: no shift, though the stance changed within the article.
    expect(cell.shifts).toEqual([]);
    await nb.core.handlers.deleteArticle({ id: many.articleId });
  });

  it('follows changes: an edited stance, a deleted claim and a new date show in the next map', async () => {
    const cellOf = async () =>
      (await nb.core.handlers.getPositions({})).cells.find(
        (c) => c.issueId === issue('Trade and economic policy') && c.actorId === actor('United States'),
      );
    expect((await cellOf())?.claimCount).toBe(2);
    const { claims } = await nb.core.handlers.getArticle({ id: laterId });
    await nb.core.handlers.updateClaim({ articleId: laterId, id: claims[0]!.id, patch: { stanceId: stance('strongly supports') } });
    expect((await cellOf())?.latestStanceId).toBe(stance('strongly supports'));
    await nb.core.handlers.updateArticleMeta({ id: laterId, patch: { publishedAt: '2025-04-04' } });
    // Now more than three months after the sample: the timeline is by month.
    expect((await cellOf())?.timeline.at(-1)).toEqual({
      period: '2025-04',
      stanceCounts: { [stance('strongly supports')]: 1 },
      latestStanceId: stance('strongly supports'),
    });
    await nb.core.handlers.deleteClaim({ articleId: laterId, id: claims[0]!.id });
    expect(await cellOf()).toMatchObject({ claimCount: 1, latestStanceId: stance('opposes') });
    await nb.core.handlers.undo({});
    expect((await cellOf())?.claimCount).toBe(2);
  });

  it('exports the map as CSV: a row per actor and issue, clashes marked, formulas neutralised', async () => {
    const file = await nb.core.handlers.exportPositions({});
    expect(file).toMatchObject({ filename: 'positions.csv', mimeType: 'text/csv; charset=utf-8' });
    const rows = Papa.parse<string[]>(file.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'issue',
      'actor',
      'latest stance',
      'latest stance value',
      'claims',
      'stances recorded',
      'propositions',
      'shifts',
      'first dated stance',
      'first date',
      'last date',
      'clashes on',
    ]);
    const map = await nb.core.handlers.getPositions({});
    expect(rows).toHaveLength(map.cells.length + 1);
    const scsClaim = "China's territorial claims and actions in the South China Sea";
    expect(rows).toContainEqual([
      'South China Sea',
      'China',
      'strongly supports',
      '2',
      '1',
      '1 strongly supports',
      `${scsClaim}: strongly supports`,
      '',
      'strongly supports',
      '2024-12-21',
      '2024-12-21',
      scsClaim,
    ]);
    expect(rows).toContainEqual([
      'South China Sea',
      'United States',
      'opposes',
      '-1',
      '1',
      '1 opposes',
      `${scsClaim}: opposes`,
      '',
      'opposes',
      '2024-12-21',
      '2024-12-21',
      scsClaim,
    ]);
    // Taiwan: two propositions, no clash (the CSV uses the map's one definition).
    const taiwan = rows.filter((row) => row[0] === 'Taiwan');
    expect(taiwan.map((row) => [row[1], row[6], row[11]])).toEqual([
      ['United States', 'Peace and stability across the Taiwan Strait: supports', ''],
      ['China', 'Taiwan independence: strongly opposes', ''],
    ]);
    // Every clash the CSV names is one of the map's.
    expect(rows.slice(1).filter((row) => row[11] !== '').length).toBe(map.clashes.reduce((n, c) => n + c.supporters.length + c.opponents.length, 0));
    // Opposing stances have negative values, which stay numbers a spreadsheet can sort.
    const negative = rows.slice(1).filter((row) => row[3]?.startsWith('-') || row[3]?.startsWith("'"));
    expect(negative.length).toBeGreaterThan(0);
    for (const row of negative) expect(row[3]).toMatch(/^-\d+$/);
    // An actor named like a formula stays text.
    await nb.core.handlers.updateActor({ id: actor('Experts'), patch: { name: '=HYPERLINK("http://x")' } });
    const again = await nb.core.handlers.exportPositions({});
    expect(again.content).toContain(`'=HYPERLINK`);
  });

  it('refuses a reversed date range or a malformed date, changing nothing', async () => {
    // The digest's own delayed write must not land between the two snapshots.
    await flushClaimsDigest(nb.core.context);
    const before = snapshotFiles(nb.dir);
    await expect(nb.core.handlers.getPositions({ publishedFrom: '2025-01-01', publishedTo: '2024-01-01' })).rejects.toThrow(/reversed.*Swap/);
    expect(await dispatch(nb.core.handlers, 'getPositions', { publishedFrom: 'last week' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'The request to getPositions was not valid: publishedFrom: expected a date as YYYY-MM-DD.' },
    });
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });
});

describe('one definition of clash for the map, the CSV and the generated brief', () => {
  it('all three name the same single clash on the sample notebook', async () => {
    const nb = await openTempNotebook();
    try {
      const map = await nb.core.handlers.getPositions({});
      expect(map.clashes.map((c) => c.proposition)).toEqual(["China's territorial claims and actions in the South China Sea"]);
      const csv = Papa.parse<string[]>((await nb.core.handlers.exportPositions({})).content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect([
        ...new Set(
          csv
            .slice(1)
            .map((row) => row[11])
            .filter((x) => x),
        ),
      ]).toEqual(map.clashes.map((c) => c.proposition));
      const brief = await nb.core.handlers.generateBrief({ articleIds: [nb.sampleId] });
      const text = JSON.stringify(brief.doc);
      expect(text.match(/"Clash"/g)).toHaveLength(1);
      expect(text).toContain("China's territorial claims and actions in the South China Sea");
    } finally {
      await nb.cleanup();
    }
  });
});
