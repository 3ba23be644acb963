import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/cli/io';
import { runCli } from '../../../../electron/cli/main';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { injectWriteFault } from '../../../../electron/core/store/fs-durable';
import { openTempNotebook, RESOURCES, type TempNotebook } from '../../helpers/temp-notebook';

const DISK_FULL =
  /Disk full: free space on the disk that holds the notebook, then try again\. Nothing saved was lost; reading and exporting still work\./;

/** Every store write from now on fails as on a full disk (ENOSPC from write(2)). */
function fillDisk(): void {
  injectWriteFault(() => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
}

let nb: TempNotebook;
beforeEach(async () => {
  nb = await openTempNotebook();
});
afterEach(async () => {
  injectWriteFault(null);
  await nb.cleanup();
});

describe('a full disk', () => {
  it('says "disk full", loses nothing, keeps reading and exporting possible, and writes again once there is space', async () => {
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    fillDisk();
    const create = nb.core.handlers.createClaim({ articleId: nb.sampleId, start: 0, end: 10, coding: {} });
    await expect(create).rejects.toThrow(DISK_FULL);
    await expect(create).rejects.toMatchObject({ code: 'disk-full' });
    await expect(nb.core.handlers.importText({ text: 'A new article that cannot be saved. It says so.' })).rejects.toThrow(DISK_FULL);
    await expect(nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: 'x' } })).rejects.toThrow(DISK_FULL);

    // Reading and exporting still work.
    expect(await nb.core.handlers.listArticles({})).toHaveLength(1);
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims).toHaveLength(claims.length);
    expect((await nb.core.handlers.exportAnnotations({ format: 'csv' })).content).toContain(claims[0]!.target.quote.exact.slice(0, 20));
    expect((await nb.core.handlers.exportArchive({})).content.length).toBeGreaterThan(100);

    // Space again: the next save works without reopening, and nothing refused came back.
    injectWriteFault(null);
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: 'after' } });
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const reopened = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(reopened.claims).toHaveLength(claims.length);
    expect(reopened.claims.find((c) => c.id === claims[0]!.id)?.note).toBe('after');
    expect(nb.core.store.listArticles()).toHaveLength(1);
  });

  it('the command line still lists the notebook, and an import batch stops at the first refusal', async () => {
    await nb.core.close();
    const work = path.dirname(nb.dir);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(work, name), `Article ${name}. Someone said something about ${name}.`);
    const lines: string[] = [];
    const io: CliIo = { cwd: work, resourcesDir: RESOURCES, rendererDir: '', env: {}, out: (l) => lines.push(l), err: (l) => lines.push(l) };
    fillDisk();
    expect(await runCli(['list', '--data', nb.dir], io)).toBe(0);
    expect(lines.join('\n')).toMatch(/US, China agree to expand military contact/);
    lines.length = 0;
    expect(await runCli(['import', 'a.txt', 'b.txt', 'c.txt', '--data', nb.dir], io)).toBe(1);
    expect(lines[0]).toMatch(/^error a\.txt: Disk full: free space/);
    expect(lines[1]).toBe('stopped: the disk is full; 2 file(s) not imported: b.txt, c.txt');
    expect(lines).toHaveLength(2);
  });
});
