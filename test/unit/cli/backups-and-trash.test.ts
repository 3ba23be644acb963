import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RESOURCES, tempDir } from '../helpers/temp-notebook';
import { runIn as run } from './cli-harness';

describe('backups and trash from the command line', () => {
  let work: string;
  let data: string;
  beforeEach(async () => {
    work = tempDir('stancebook-cli-bt-');
    data = path.join(work, 'nb');
    expect((await run(work, 'init', '--sample', data)).code).toBe(0);
  });

  it('deletes to the trash, lists it, restores from it and empties it', async () => {
    const [article] = JSON.parse((await run(work, 'list', '--json', '--data', data)).out);
    const { openNotebookCore } = await import('../../../electron/core/bootstrap');
    const core = await openNotebookCore(data, { resourcesDir: RESOURCES });
    await core.handlers.deleteArticle({ id: article.id });
    await core.close();

    const listed = await run(work, 'trash', '--data', data);
    expect(listed.out).toContain(article.id);
    expect(listed.out).toMatch(/1 item in the trash/);
    expect((await run(work, 'trash', 'restore', article.id, '--data', data)).out).toMatch(/^restored article/);
    expect(JSON.parse((await run(work, 'list', '--json', '--data', data)).out)[0]).toMatchObject({ id: article.id, claimCount: 10 });
    expect((await run(work, 'trash', 'restore', 'nope', '--data', data)).err).toMatch(/Nothing with id nope/);
    expect((await run(work, 'trash', 'empty', '--data', data)).out).toMatch(/emptied the trash \(0 items/);
  });

  it('takes a backup, and restoring it brings back what was deleted since', async () => {
    const taken = await run(work, 'backups', 'now', '--data', data);
    expect(taken.code).toBe(0);
    const name = taken.out.match(/backed up as (\S+)/)?.[1];
    expect(name).toBeTruthy();
    const [article] = JSON.parse((await run(work, 'list', '--json', '--data', data)).out);
    const { openNotebookCore } = await import('../../../electron/core/bootstrap');
    const core = await openNotebookCore(data, { resourcesDir: RESOURCES });
    await core.handlers.deleteArticle({ id: article.id });
    await core.close();
    expect(JSON.parse((await run(work, 'list', '--json', '--data', data)).out)).toHaveLength(0);

    const restored = await run(work, 'backups', 'restore', name!, '--data', data);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/kept as backup/);
    expect(JSON.parse((await run(work, 'list', '--json', '--data', data)).out)).toHaveLength(1);
    expect((await run(work, 'backups', 'restore', 'no-such-backup', '--data', data)).code).toBe(1);
  });
});
