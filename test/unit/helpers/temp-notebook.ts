import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNotebookCore } from '../../../electron/core/bootstrap';
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
  const core = await openNotebookCore(dir, { resourcesDir: RESOURCES, create: true, sample: options.sample ?? true });
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
