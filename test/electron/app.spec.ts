import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { METHOD_NAMES } from '../../shared/api/contract';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/** Electron's binary path, or why there is none (require('electron') throws without it). */
function electronBinary(): { path?: string; missing?: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' ? { path: binary } : { missing: 'require("electron") returned no path' };
  } catch (error) {
    return { missing: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
  }
}

const binary = electronBinary();
let app: ElectronApplication;
let dataDir: string;

test.beforeAll(() => {
  if (!binary.path) console.log(`Electron suite skipped: Electron's binary is not installed here (${binary.missing}).`);
});

test.beforeEach(async () => {
  test.skip(!binary.path, `Electron's binary is not installed on this machine (${binary.missing}); this suite runs where it is.`);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'stancebook-electron-'));
  app = await electron.launch({ executablePath: binary.path, args: [ROOT, '--data', dataDir] });
});

test.afterEach(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the window is isolated, sandboxed and has no Node', async () => {
  const page = await app.firstWindow();
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  // contextIsolation: the preload's ipcRenderer never reaches the page's world.
  expect(await page.evaluate(() => typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer)).toBe('undefined');
  expect(await page.evaluate(() => Object.isFrozen((window as unknown as { stancebook: object }).stancebook))).toBe(true);
});

test('the preload exposes exactly the contract', async () => {
  const page = await app.firstWindow();
  const keys = await page.evaluate(() => Object.keys((window as unknown as { stancebook: object }).stancebook).sort());
  expect(keys).toEqual([...METHOD_NAMES, 'onChanged'].sort());
});

test('the first start shows the sample notebook with its claims', async () => {
  const page = await app.firstWindow();
  const info = await page.evaluate(() =>
    (window as unknown as { stancebook: { listArticles(r: object): Promise<{ claimCount: number }[]> } }).stancebook.listArticles({}),
  );
  expect(info).toHaveLength(1);
  expect(info[0]?.claimCount).toBe(10);
});

test('navigation away and new windows are refused', async () => {
  const page = await app.firstWindow();
  const before = page.url();
  await page.evaluate(() => window.open('https://example.com/'));
  await page.evaluate(() => (window.location.href = 'https://example.com/'));
  // Asserting that nothing happens has no event to wait on: give a navigation time to start.
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});

test('the renderer comes from app://stancebook, and file: URLs are refused', async () => {
  const page = await app.firstWindow();
  expect(page.url()).toBe('app://stancebook/index.html');
  const fileRead = await page.evaluate(() =>
    fetch('file:///etc/hostname').then(
      () => 'read',
      () => 'refused',
    ),
  );
  expect(fileRead).toBe('refused');
  // Fuses are flipped only in packaged builds; spellcheck is off where it would download dictionaries.
  const spellcheck = await app.evaluate(({ session }) => session.defaultSession.isSpellCheckerEnabled());
  expect(spellcheck).toBe(process.platform === 'darwin' || process.platform === 'win32');
});
