import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNotebookCore, type OpenOptions } from '../../../electron/core/bootstrap';
import { betterSqlite3Driver } from '../../../electron/core/search/sqlite/better-sqlite3-driver';
import { nodeSqliteDriver } from '../../../electron/core/search/sqlite/node-sqlite-driver';
import type { NotebookCore } from '../../../electron/core/notebook-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RESOURCES = path.join(ROOT, 'resources');

/** The sample's gold claims, as the analyst marked them. */
export interface GoldClaim {
  exact: string;
  actors: string[];
  speaker: string | null;
  issue: string;
  proposition: string;
  stance: string;
}

export function goldClaims(): GoldClaim[] {
  return JSON.parse(readFileSync(path.join(RESOURCES, 'sample/us-china-talks-2024.claims.json'), 'utf8')).claims;
}

/**
 * What the tests' cores are opened with: the resources, and the SQLite binding for search:
 * better-sqlite3, or node:sqlite (the desktop app's) with STANCEBOOK_TEST_SQLITE=node:sqlite on a
 * Node that has it (22.13+), so the search suites can run over either driver.
 */
export const CORE_OPTIONS: OpenOptions = {
  resourcesDir: RESOURCES,
  searchDatabase: process.env.STANCEBOOK_TEST_SQLITE === 'node:sqlite' ? nodeSqliteDriver() : betterSqlite3Driver(),
};

export function tempDir(prefix = 'stancebook-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempNotebook {
  dir: string;
  core: NotebookCore;
  /** The sample article's id (when opened with the sample). */
  sampleId: string;
  cleanup(): Promise<void>;
}

/** A fresh notebook on disk, with the default codebook and (by default) the sample. */
export async function openTempNotebook(options: { sample?: boolean } = {}): Promise<TempNotebook> {
  const dir = path.join(tempDir(), 'notebook');
  const core = await openNotebookCore(dir, { ...CORE_OPTIONS, create: true, sample: options.sample ?? true });
  const sampleId = core.store.listArticles()[0]?.id ?? '';
  const notebook: TempNotebook = {
    dir,
    core,
    sampleId,
    // Closes whichever core the test left open (tests may reopen the notebook).
    cleanup: async () => {
      await notebook.core.close().catch(() => undefined);
      rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
  return notebook;
}

/**
 * Every file of the notebook with its bytes, taken once the store has settled (no background
 * shard write left that could land between two snapshots), to prove a failed call wrote nothing.
 */
export async function settledSnapshot(nb: TempNotebook): Promise<Map<string, string>> {
  await nb.core.store.settle();
  return snapshotFiles(nb.dir);
}

/** Every file of a folder with its bytes (see settledSnapshot for a notebook that is open). */
export function snapshotFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'backups') walk(full);
      } else if (entry.name !== '.lock') {
        out.set(path.relative(dir, full), readFileSync(full).toString('base64'));
      }
    }
  };
  walk(dir);
  return out;
}
