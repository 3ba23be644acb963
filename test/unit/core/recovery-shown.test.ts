import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotebookChanged } from '../../../shared/api';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { openNotebookCore } from '../../../electron/core/bootstrap';
import { openTempNotebook, RESOURCES, type TempNotebook } from '../helpers/temp-notebook';

let nb: TempNotebook;
afterEach(() => nb.cleanup());

function cliIo(cwd: string): CliIo & { errLines: string[]; outLines: string[] } {
  const errLines: string[] = [];
  const outLines: string[] = [];
  return { cwd, resourcesDir: RESOURCES, rendererDir: '', env: {}, out: (l) => outLines.push(l), err: (l) => errLines.push(l), errLines, outLines };
}

/** The sample notebook, closed, with its only article file overwritten by garbage (no backup holds it yet). */
async function withDamagedArticle(): Promise<string> {
  nb = await openTempNotebook();
  const id = nb.sampleId;
  await nb.core.close();
  const shard = readdirSync(path.join(nb.dir, 'articles'))[0]!;
  writeFileSync(path.join(nb.dir, 'articles', shard), '{"schemaVersion":1,"rev":1,"arti');
  return id;
}

describe('recovery is never silent', () => {
  it('a damaged article says what was wrong and where the file is kept, not "it may have been deleted"; the app is told', async () => {
    const id = await withDamagedArticle();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const events: NotebookChanged[] = [];
    nb.core.onChanged((event) => events.push(event));
    const error = await nb.core.handlers.getArticle({ id }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/may have been deleted/);
    expect((error as Error).message).toMatch(/This article could not be read: articles\/.*\.json is cut off \(not valid JSON/);
    expect((error as Error).message).toContain(path.join(nb.dir, 'quarantine'));
    // The banner's source: the notebook info lists it, and a change event made the app fetch it again.
    const info = await nb.core.handlers.getNotebookInfo({});
    expect(info.recovered.map((n) => n.file)).toEqual([expect.stringMatching(/^articles\//)]);
    expect(events).toContainEqual({ scope: 'notebook' });
  });

  it('every command prints what was recovered, also when it is found while the command runs', async () => {
    const id = await withDamagedArticle();
    const io = cliIo(path.dirname(nb.dir));
    const code = await runCli(['export', 'brief', '--article', id, '--format', 'md', '--out', 'b.md', '--data', nb.dir], io);
    expect(code).toBe(1);
    expect(io.errLines.join('\n')).toMatch(
      /^recovered articles\/.*\.json: articles\/.*\.json is cut off \(not valid JSON.*; original kept at .*quarantine.*; no backup holds article/m,
    );
    expect(io.errLines.join('\n')).toMatch(/This article could not be read/);
  });

  it('a new notebook is backed up once set up, so a codebook damaged on the first day comes back whole', async () => {
    nb = await openTempNotebook();
    const codebook = nb.core.store.getCodebook();
    expect(codebook.actors.length).toBeGreaterThan(0);
    await nb.core.close();
    // Replaced, not written in place: backups hard-link the files, so an in-place edit would
    // damage the backup's copy too (see the store README).
    writeFileSync(path.join(nb.dir, 'codebook.json.new'), '{"schemaVersion":1,"codebook":{"act');
    renameSync(path.join(nb.dir, 'codebook.json.new'), path.join(nb.dir, 'codebook.json'));
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect(nb.core.store.getCodebook()).toEqual(codebook);
    expect(nb.core.store.openReport.recovered[0]?.outcome).toMatch(/the codebook was rolled back to backup/);
  });

  it('a damaged codebook rolled back to a backup is announced by every command', async () => {
    nb = await openTempNotebook();
    await nb.core.store.backup();
    await nb.core.close();
    writeFileSync(path.join(nb.dir, 'codebook.json'), 'not json');
    const io = cliIo(path.dirname(nb.dir));
    expect(await runCli(['list', '--data', nb.dir], io)).toBe(0);
    expect(io.errLines.join('\n')).toMatch(
      /^recovered codebook\.json: codebook\.json .*original kept at .*quarantine.*the codebook was rolled back to backup /m,
    );
    // Reported once: the next command finds nothing new.
    const again = cliIo(path.dirname(nb.dir));
    expect(await runCli(['list', '--data', nb.dir], again)).toBe(0);
    expect(again.errLines).toEqual([]);
  });
});
