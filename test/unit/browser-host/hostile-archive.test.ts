import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { openTempNotebook, tempDir, type TempNotebook } from '../helpers/temp-notebook';

/**
 * A zip whose manifest.json inflates to `megabytes` MB of zeros while declaring 100 bytes: one
 * deflated megabyte (flushed to a byte boundary, not final) repeated, then an empty final block.
 * Built in milliseconds; the zip is ~1 KB per MB.
 */
function zeroBomb(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 1, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
  const name = Buffer.from('manifest.json');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(100, 22); // the lie
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(100, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

function post(host: BrowserHost, method: string, body: unknown): Promise<{ status: number; json: { ok: boolean; error?: { message: string } } }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-stancebook-token': host.token },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('a zip bomb sent to the app', () => {
  let nb: TempNotebook;
  let host: BrowserHost;
  beforeAll(async () => {
    nb = await openTempNotebook();
    const rendererDir = path.join(tempDir(), 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    host = await startBrowserHost({ core: nb.core, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await nb.cleanup();
  });

  it('is refused alone: another request is answered while it is being unpacked and refused', async () => {
    const bomb = zeroBomb(300); // one file of 300 MB: over the 256 MB a file in an archive may hold
    const order: string[] = [];
    const restore = post(host, 'restoreArchive', { name: 'bomb.zip', dataBase64: Buffer.from(bomb).toString('base64') }).then((r) => {
      order.push('restore');
      return r;
    });
    const info = post(host, 'getNotebookInfo', {}).then((r) => {
      order.push('info');
      return r;
    });
    expect((await info).json.ok).toBe(true);
    const refused = await restore;
    expect(order).toEqual(['info', 'restore']);
    expect(refused.status).toBe(422);
    expect(refused.json.error?.message).toMatch(/manifest\.json unpacks to more than 256 MB, the most one file may hold/);
    // Nothing was made beside the notebook.
    expect((await post(host, 'listArticles', {})).json.ok).toBe(true);
  });
});
