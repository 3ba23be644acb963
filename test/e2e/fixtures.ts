import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

export interface RunningApp {
  /** The URL with its launch token, as printed by `stancebook serve`. */
  url: string;
  /** The server's origin without the token. */
  origin: string;
  token: string;
  dataDir: string;
  /** Stops the server (SIGTERM) and waits for it to exit; the data folder stays. */
  stop(): Promise<void>;
}

/**
 * Starts `stancebook serve` on a free port over `dataDir` and waits for its printed URL and for the
 * notebook's open ("notebook: DIR"; serve listens and prints its URL before it opens the notebook,
 * decision 0026), so a test's own timeouts measure the page, not a busy machine's notebook open.
 */
export async function startApp(dataDir: string): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/stancebook.mjs'), 'serve', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, STANCEBOOK_DATA: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print a URL and open the notebook in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/);
      if (match?.[1] && /^notebook: /m.test(output)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing a URL and opening the notebook:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls an API method over the browser mode's HTTP bridge, as the app's page would. */
export async function call<T>(page: Page, app: RunningApp, method: string, request: unknown): Promise<T> {
  const response = await page.request.post(`${app.origin}/api/${method}`, {
    headers: { 'X-Stancebook-Token': app.token, 'Content-Type': 'application/json' },
    data: request,
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** axe-core's serious and critical WCAG 2 A/AA violations on the page, as readable lines (none: []). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n  ')}`,
    );
}

/** A fresh temp data folder per test, removed afterwards. */
export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'stancebook-e2e-'));
}

/**
 * `app`: a running browser-mode Stancebook over a fresh notebook holding the sample,
 * with `page` already open on it.
 */
export const test = base.extend<{ app: RunningApp }>({
  app: async ({ page }, use) => {
    const dataDir = makeDataDir();
    const app = await startApp(dataDir);
    await page.goto(app.url);
    await use(app);
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
