import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { FUSES } = require('../../scripts/after-pack.cjs') as { FUSES: Record<string, boolean> };
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A stand-in Electron distribution (Electron's binary cannot be downloaded here): an "electron"
 * executable carrying a fuse wire with Electron's defaults (version 1, nine fuses), which is
 * what @electron/fuses reads and rewrites in the real binary.
 */
function makeStandIn(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  const wire = Buffer.from([1, defaults.length, ...defaults]);
  writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron 41"\n# '), Buffer.from(SENTINEL), wire, Buffer.from('\n')]),
  );
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT (stand-in)\n');
  writeFileSync(path.join(dir, 'version'), '41.10.0');
}

/** Packages that only development needs: devDependencies no production dependency pulls in. */
function devOnlyPackages(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  let production: string;
  try {
    production = execFileSync('npm', ['ls', '--omit=dev', '--omit=optional', '--all', '--parseable'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // npm ls exits 1 on a tree problem (e.g. an extraneous package) but still lists the tree.
    production = String((error as { stdout?: unknown }).stdout ?? '');
  }
  production += '\n';
  return Object.keys(pkg.devDependencies).filter(
    (name) => !production.includes(`${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}\n`),
  );
}

describe('packaging (electron-builder --dir against a stand-in Electron)', () => {
  let work: string;
  let unpacked: string;
  let files: string[];

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'stancebook-pack-'));
    makeStandIn(path.join(work, 'electron-dist'));
    // The built main, preload and renderer (what `npm run build` makes) must exist first.
    for (const built of ['dist/electron/main.mjs', 'dist/electron/suggest-worker.mjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run "npm run build" before this test.`);
    }
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        `-c.electronDist=${path.join(work, 'electron-dist')}`,
        `-c.directories.output=${path.join(work, 'out')}`,
        // Rebuilding native modules for Electron downloads Electron's headers: not possible here.
        '-c.npmRebuild=false',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    unpacked = path.join(work, 'out', 'linux-unpacked');
    files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('app.asar holds the built main, preload and renderer, the resources and package.json', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.mjs',
      // The workers main.mjs starts from beside it (import, claim suggester).
      '/dist/electron/import-worker.mjs',
      '/dist/electron/suggest-worker.mjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/resources/default-codebook.json',
      '/resources/icon.png',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('and no sources, tests, source maps or dev dependencies', () => {
    const ownSources = files.filter((f) => /^\/(electron|shared|renderer|test|scripts|docs|bin)\//.test(f) || /^\/[^/]+\.(ts|tsx|md)$/.test(f));
    expect(ownSources).toEqual([]);
    expect(files.filter((f) => f.startsWith('/dist/') && (f.endsWith('.map') || /\.tsx?$/.test(f)))).toEqual([]);
    const devOnly = devOnlyPackages();
    expect(devOnly).toEqual(expect.arrayContaining(['vitest', 'eslint', 'typescript', 'electron-builder', '@doyensec/electronegativity']));
    const shipped = devOnly.filter((name) => files.includes(`/node_modules/${name}/package.json`));
    expect(shipped).toEqual([]);
    expect(files).not.toContain('/node_modules/electron/package.json');
  });

  it('the packaged binary has its fuses flipped (afterPack)', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'stancebook'));
    for (const [name, on] of Object.entries(FUSES)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
    }
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });
});
