import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/cli/io';
import { runCli } from '../../../../electron/cli/main';
import { readArchive } from '../../../../electron/core/exchange/archive-read';
import { restoreArchiveStaged } from '../../../../electron/core/exchange/archive-restore';
import { buildArchive } from '../../../../electron/core/exchange/archive-write';
import { openNotebook } from '../../../../electron/core/store';
import type { NotebookStore } from '../../../../electron/core/store/types';
import { openTempNotebook, RESOURCES, tempDir, type TempNotebook } from '../../helpers/temp-notebook';

const MB = 1024 * 1024;

/** A zip of the given files, deflated (level 1: quick to build, still a ~1000:1 bomb for zeros). */
function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 1 }]])));
}

/** Rewrites the declared unpacked size of every entry (local headers and central directory), as a crafted file would. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, size, true);
    else if (sig === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('archive restore against zip bombs', () => {
  it('counts the bytes really inflated, not the sizes the zip declares', async () => {
    const bomb = declareSize(zipOf({ 'manifest.json': new Uint8Array(24 * MB) }), 100);
    await expect(readArchive(bomb, { maxUnpackedBytes: 8 * MB })).rejects.toThrow(/manifest\.json unpacks to more than 8 MB/);
  });

  it('refuses a declared size over 2 GiB (a negative number to 32-bit readers) before inflating anything', async () => {
    const bomb = declareSize(zipOf({ 'articles/000001.json': new Uint8Array(1000) }), 0x90000000);
    await expect(readArchive(bomb)).rejects.toThrow(/articles\/000001\.json declares 2,304 MB unpacked; one file may hold at most 256 MB/);
  });

  it('caps each JSON file before parsing it, whatever room the total leaves', async () => {
    const big = new TextEncoder().encode(`{"pad":"${' '.repeat(3 * MB)}"}`);
    await expect(readArchive(zipOf({ 'codebook.json': big }), { maxFileBytes: 1 * MB })).rejects.toThrow(
      /codebook\.json declares 3 MB unpacked; one file may hold at most 1 MB/,
    );
    const lying = declareSize(zipOf({ 'codebook.json': big }), 100);
    await expect(readArchive(lying, { maxFileBytes: 1 * MB })).rejects.toThrow(
      /codebook\.json unpacks to more than 1 MB, the most one file may hold/,
    );
  });

  it('caps the total over all entries, each under the per-file cap', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let n = 1; n <= 6; n++) files[`articles/${String(n).padStart(6, '0')}.json`] = new Uint8Array(2 * MB);
    await expect(readArchive(zipOf(files), { maxUnpackedBytes: 8 * MB })).rejects.toThrow(/it unpacks to more than 8 MB/);
  });

  it('keeps answering other work while a bomb is unpacked and refused', async () => {
    const bomb = declareSize(zipOf({ 'briefs.json': new Uint8Array(64 * MB) }), 100);
    let settled = false;
    const refusal = readArchive(bomb, { maxUnpackedBytes: 40 * MB }).finally(() => {
      settled = true;
    });
    refusal.catch(() => undefined);
    // Another request's turn of the event loop comes while the archive is still being read.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await expect(refusal).rejects.toThrow(/unpacks to more than 40 MB/);
  });

  it('skips files that are not part of an archive without inflating them', async () => {
    const zip = zipOf({ 'junk.bin': new Uint8Array(64 * MB) });
    await expect(readArchive(zip, { maxUnpackedBytes: 8 * MB })).rejects.toThrow(/manifest\.json is missing/);
  });
});

describe('a crafted archive never leaves a half notebook', () => {
  let nb: TempNotebook;
  let work: string;
  beforeAll(async () => {
    nb = await openTempNotebook();
    work = tempDir();
  });
  afterAll(async () => {
    await nb.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  /** This notebook's archive with a second article whose id is 300 characters long (ENAMETOOLONG as a file name). */
  async function longIdArchive(): Promise<Uint8Array> {
    const { bytes } = await buildArchive(nb.core.context);
    const zip = await JSZip.loadAsync(bytes);
    const first = JSON.parse(await zip.file('articles/000001.json')!.async('string'));
    const id = 'a'.repeat(300);
    zip.file(
      'articles/000002.json',
      JSON.stringify({
        article: { ...first.article, id },
        claims: first.claims.map((c: { id: string }) => ({ ...c, id: `${c.id}-2`, articleId: id })),
      }),
    );
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    manifest.articleFiles.push('articles/000002.json');
    manifest.counts.articles += 1;
    manifest.counts.claims += first.claims.length;
    zip.file('manifest.json', JSON.stringify(manifest));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('refuses ids too long to name a file, before anything is written (command line and app)', async () => {
    const file = path.join(work, 'long-id.zip');
    writeFileSync(file, await longIdArchive());
    const target = path.join(work, 'restored');
    const io: CliIo = { cwd: work, resourcesDir: RESOURCES, rendererDir: '', env: {}, out: () => undefined, err: () => undefined };
    await expect(runCli(['restore', file, target], io)).resolves.toBe(1);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work)).toEqual(['long-id.zip']);

    const parent = path.dirname(nb.dir);
    const before = readdirSync(parent).sort();
    await expect(nb.core.handlers.restoreArchive({ name: 'x.zip', dataBase64: Buffer.from(readFileSync(file)).toString('base64') })).rejects.toThrow(
      /articles\/000002\.json does not match the archive format \(article\.id: ids may be at most 160 characters/,
    );
    expect(readdirSync(parent).sort()).toEqual(before);
  });

  it('a restore that fails part-way (a write the disk refuses) removes everything it wrote', async () => {
    const contents = await readArchive((await buildArchive(nb.core.context)).bytes);
    const parent = path.join(work, 'staged');
    mkdirSync(parent);
    await expect(
      restoreArchiveStaged(parent, contents, async (dir) => {
        const store = await openNotebook(dir, { create: true });
        const failing = Object.create(store) as NotebookStore;
        failing.putClaims = async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
        return { store: failing, close: () => store.close() };
      }),
    ).rejects.toThrow(/ENOSPC|disk full/);
    expect(readdirSync(parent)).toEqual([]);
  });
});
