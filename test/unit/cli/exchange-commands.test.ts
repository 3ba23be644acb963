import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { defaultChromiumPath } from '../../../electron/core/documents/chromium-printer';
import { openNotebookCore } from '../../../electron/core/bootstrap';
import { goldClaims, RESOURCES, tempDir } from '../helpers/temp-notebook';
import { cliIo as io } from './cli-harness';

describe('exchange commands', () => {
  let work: string;
  let data: string;
  let articleId: string;
  const run = async (...argv: string[]) => {
    const out = io(work);
    const code = await runCli(argv, out);
    return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
  };
  beforeAll(async () => {
    work = tempDir('stancebook-cli-x-');
    data = path.join(work, 'nb');
    expect((await run('init', '--sample', data)).code).toBe(0);
    articleId = JSON.parse((await run('list', '--json', '--data', data)).out)[0].id;
  });

  it('exports brief and article as DOCX and every format writes a file; refuses to overwrite without --force', async () => {
    for (const [kind, format] of [
      ['brief', 'docx'],
      ['brief', 'md'],
      ['brief', 'html'],
      ['article', 'html'],
      ['article', 'docx'],
    ] as const) {
      const file = path.join(work, `${kind}.${format}`);
      const result = await run('export', kind, '--article', articleId, '--format', format, '--out', file, '--data', data);
      expect(result.code, result.err).toBe(0);
      expect(existsSync(file)).toBe(true);
    }
    const zip = await JSZip.loadAsync(readFileSync(path.join(work, 'brief.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(goldClaims()[1]!.exact.slice(0, 40));
    const again = await run('export', 'brief', '--article', articleId, '--format', 'docx', '--out', path.join(work, 'brief.docx'), '--data', data);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists; pass --force/);
    expect(
      (await run('export', 'brief', '--article', articleId, '--format', 'docx', '--out', path.join(work, 'brief.docx'), '--force', '--data', data))
        .code,
    ).toBe(0);
  });

  it.skipIf(!existsSync(defaultChromiumPath()))(
    'exports brief and article as PDF through headless Chromium (skipped without Chromium)',
    async () => {
      for (const kind of ['brief', 'article']) {
        const file = path.join(work, `${kind}.pdf`);
        const result = await run('export', kind, '--article', articleId, '--format', 'pdf', '--out', file, '--data', data);
        expect(result.code, result.err).toBe(0);
        expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      }
    },
    60_000,
  );

  it('exports annotations (w3c, csv, qdpx) and the codebook (json, qdc)', async () => {
    for (const format of ['w3c', 'csv', 'qdpx']) {
      const file = path.join(work, `claims.${format}`);
      const result = await run('export', 'annotations', '--format', format, '--out', file, '--data', data);
      expect(result.code, result.err).toBe(0);
    }
    expect(JSON.parse(readFileSync(path.join(work, 'claims.w3c'), 'utf8')).total).toBe(10);
    expect(readFileSync(path.join(work, 'claims.qdpx')).subarray(0, 2).toString()).toBe('PK');
    for (const format of ['json', 'qdc']) {
      expect((await run('export', 'codebook', '--format', format, '--out', path.join(work, `codebook.${format}`), '--data', data)).code).toBe(0);
    }
  });

  it('lists briefs and exports a brief written in the app (--brief) in every format', async () => {
    // Briefs are written in the app; here one is drafted through the core, as the app would,
    // in a notebook of its own so the archive test below still sees none.
    const data = path.join(work, 'nb-briefs');
    expect((await run('init', '--sample', data)).code).toBe(0);
    const core = await openNotebookCore(data, { resourcesDir: RESOURCES });
    const brief = await core.handlers.generateBrief({ articleIds: [core.store.listArticles()[0]!.id], title: 'Talks brief' });
    await core.close();
    const listed = await run('list', 'briefs', '--data', data);
    expect(listed.out).toMatch(new RegExp(`^${brief.id}  \\d{4}-\\d\\d-\\d\\d    10  Talks brief$`, 'm'));
    for (const format of ['md', 'html', 'docx', ...(existsSync(defaultChromiumPath()) ? ['pdf'] : [])]) {
      const file = path.join(work, `written.${format}`);
      const result = await run('export', 'brief', '--brief', brief.id, '--format', format, '--out', file, '--data', data);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toBe(`exported ${file}`);
    }
    const md = readFileSync(path.join(work, 'written.md'), 'utf8');
    for (const gold of goldClaims()) expect(md.replace(/\\/g, '')).toContain(gold.exact);
    expect(readFileSync(path.join(work, 'written.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(await run('export', 'brief', '--brief', 'brf_nope', '--out', path.join(work, 'n.md'), '--data', data)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/brief/i),
    });
    expect(await run('export', 'brief', '--brief', brief.id, '--article', 'art_x', '--out', path.join(work, 'n.md'), '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/not both/),
    });
    expect(await run('export', 'article', '--brief', brief.id, '--out', path.join(work, 'n.md'), '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/only applies to "export brief"/),
    });
    expect(existsSync(path.join(work, 'n.md'))).toBe(false);
  }, 60_000);

  it('exports networks (GraphML, CSV, DL) and names a bad type, normalisation or date clearly', async () => {
    const graphml = path.join(work, 'congruence.graphml');
    expect(await run('export', 'network', '--type', 'congruence', '--format', 'graphml', '--out', graphml, '--data', data)).toMatchObject({
      code: 0,
    });
    expect(readFileSync(graphml, 'utf8')).toMatch(/<graphml xmlns="http:\/\/graphml\.graphdrawing\.org\/xmlns"/);
    const conflict = path.join(work, 'conflict.csv');
    expect(
      await run('export', 'network', '--type', 'conflict', '--format', 'csv', '--normalization', 'jaccard', '--out', conflict, '--data', data),
    ).toMatchObject({ code: 0 });
    expect(readFileSync(conflict, 'utf8')).toMatch(/China,United States,0\.\d+,South China Sea/);
    const dl = path.join(work, 'twomode.dl');
    expect(
      await run(
        'export',
        'network',
        '--type',
        'twomode',
        '--format',
        'dl',
        '--from',
        '2024-01-01',
        '--to',
        '2024-12-31',
        '--out',
        dl,
        '--data',
        data,
      ),
    ).toMatchObject({ code: 0 });
    expect(readFileSync(dl, 'utf8')).toMatch(/^DL NR=3 NC=\d+/);
    expect(await run('export', 'network', '--type', 'friendship', '--format', 'csv', '--out', path.join(work, 'y'), '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown type "friendship".*congruence, conflict, subtract, twomode/),
    });
    expect(
      await run('export', 'network', '--type', 'conflict', '--format', 'csv', '--normalization', 'z', '--out', path.join(work, 'y'), '--data', data),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown normalization "z"/) });
    expect(
      await run('export', 'network', '--type', 'conflict', '--format', 'csv', '--from', '2024-13', '--out', path.join(work, 'y'), '--data', data),
    ).toMatchObject({ code: 1, err: expect.stringMatching(/YYYY-MM-DD/) });
    expect(existsSync(path.join(work, 'y'))).toBe(false);
  });

  it('usage errors exit 2 with a clear message; a missing article exits 1', async () => {
    expect(await run('export', 'annotations', '--format', 'xlsx', '--out', path.join(work, 'x'), '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown format "xlsx".*w3c, csv, qdpx/),
    });
    expect(await run('export', 'brief', '--format', 'pdf', '--out', path.join(work, 'x'), '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--article ID or --brief ID is required/),
    });
    expect(await run('export', 'poster', '--data', data)).toMatchObject({ code: 2 });
    expect(await run('export', 'codebook', '--format', 'json', '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--out FILE is required/),
    });
    expect(await run('export', 'brief', '--article', 'nope', '--format', 'md', '--out', path.join(work, 'nope.md'), '--data', data)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no article with id "nope"/),
    });
    expect(await run('restore', 'only-one-arg')).toMatchObject({ code: 2 });
  });

  it('import-annotations reports what it placed and what it could not', async () => {
    const other = path.join(work, 'other');
    expect((await run('init', '--sample', other)).code).toBe(0);
    const file = path.join(work, 'import.jsonld');
    const collection = JSON.parse(readFileSync(path.join(work, 'claims.w3c'), 'utf8'));
    collection.first.items.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.net/a/9',
      type: 'Annotation',
      target: { source: 'http://example.net/p', selector: { type: 'TextQuoteSelector', exact: 'a sentence that appears nowhere at all' } },
    });
    writeFileSync(file, JSON.stringify(collection));
    const result = await run('import-annotations', file, '--data', other);
    // The sample's own claims are already there: the ten are skipped, the stray one is not placed.
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/imported 0 claims/);
    expect(result.out).toMatch(/not placed "a sentence that appears nowhere at all": no article in this notebook holds this quote/);
    expect(result.out.match(/^skipped /gm)).toHaveLength(10);
    expect(await run('import-annotations', path.join(work, 'missing.json'), '--data', other)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/does not exist/),
    });
  });

  it('archive and restore: a round trip into an empty folder; a non-empty folder is refused', async () => {
    const archive = path.join(work, 'nb.zip');
    const made = await run('archive', '--out', archive, '--data', data);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/archived 1 articles, 10 claims, 0 briefs/);
    const restored = path.join(work, 'restored');
    const result = await run('restore', archive, restored);
    expect(result.code, result.err).toBe(0);
    // Exported W3C annotations carry ids, quotes, positions, coding and times: equal files, equal claims.
    expect((await run('export', 'annotations', '--format', 'w3c', '--out', path.join(work, 'a.json'), '--data', data)).code).toBe(0);
    expect((await run('export', 'annotations', '--format', 'w3c', '--out', path.join(work, 'b.json'), '--data', restored)).code).toBe(0);
    const items = (file: string) => JSON.parse(readFileSync(path.join(work, file), 'utf8')).first.items;
    expect(items('b.json')).toEqual(items('a.json'));

    const busy = path.join(work, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'keep.txt'), 'mine');
    expect(await run('restore', archive, busy)).toMatchObject({ code: 1, err: expect.stringMatching(/is not empty/) });
    expect(readFileSync(path.join(busy, 'keep.txt'), 'utf8')).toBe('mine');
    writeFileSync(path.join(work, 'junk.zip'), 'not a zip');
    expect(await run('restore', path.join(work, 'junk.zip'), path.join(work, 'r2'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not a zip file/),
    });
    expect(existsSync(path.join(work, 'r2'))).toBe(false);
  });
});
