import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RESOURCES, tempDir } from '../helpers/temp-notebook';
import { runIn as run } from './cli-harness';

describe('coder and agreement from the command line', () => {
  let work: string;
  let data: string;
  beforeEach(async () => {
    work = tempDir('stancebook-cli-coder-');
    data = path.join(work, 'nb');
    expect((await run(work, 'init', '--sample', data)).code).toBe(0);
  });

  /** Creates a claim over [start, end) as whoever the copy's coder is now (as the app would). */
  async function claimAs(start: number, end: number, stanceId: string) {
    const { openNotebookCore } = await import('../../../electron/core/bootstrap');
    const core = await openNotebookCore(data, { resourcesDir: RESOURCES });
    const [article] = core.store.listArticles();
    const claim = await core.handlers.createClaim({ articleId: article!.id, start, end, coding: { stanceId } });
    await core.close();
    return claim;
  }

  it('shows, sets and renames the coder; claims then carry it; the agreement report reads them', async () => {
    expect((await run(work, 'coder', '--data', data)).out).toMatch(/No coder is set in this copy/);
    expect((await run(work, 'coder', '--id', 'x', '--data', data)).err).toMatch(/--id needs --name/);
    expect((await run(work, 'coder', '--name', 'Ann', '--id', 'coder-a', '--data', data)).out).toBe('coder set: Ann (coder-a)');
    expect((await claimAs(100, 140, 'stance-supports')).createdBy).toBe('coder-a');
    expect((await run(work, 'coder', '--name', 'Bob', '--id', 'coder-b', '--data', data)).out).toBe('coder set: Bob (coder-b)');
    expect((await run(work, 'coder', '--name', 'Bob Builder', '--data', data)).out).toBe('coder set: Bob Builder (coder-b)');
    expect((await run(work, 'coder', '--data', data)).out).toBe('Bob Builder (coder-b)');
    await claimAs(105, 140, 'stance-opposes');
    await claimAs(400, 420, 'stance-opposes');

    const text = await run(work, 'agreement', '--data', data);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^1 article coded by two or more coders; 10 claims without a coder left out/);
    expect(text.out).toContain('Ann (coder-a): 1 claims, 1 matched');
    expect(text.out).toContain('Bob Builder (coder-b): 2 claims, 1 matched');
    expect(text.out).toMatch(/1 matched span coded differently:\n.*differs in stance/);
    expect(text.out).toMatch(/1 unmatched span:\n {2}Bob Builder/);

    const json = JSON.parse((await run(work, 'agreement', '--json', '--data', data)).out);
    expect(json.units).toHaveLength(1);
    expect(json.alpha.stance.level).toBe('ordinal');
    expect((await run(work, 'agreement', '--collection', 'None', '--data', data)).err).toMatch(/No article is in a collection called "None"/);
  });
});
