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

/** Every file of a folder with its bytes, to prove a failed call wrote nothing. */
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

/**
 * Waits until the store has written its pending article shards (the sample's claims are written
 * in the background), so a snapshot taken now cannot catch a `.tmp-` file mid-write (issue 15).
 */
export async function storeIdle(nb: TempNotebook): Promise<void> {
  // The pending-shard writer is the store's own; tests reach it to wait on it, not to change it.
  await (nb.core.store as unknown as { p: { pending: { flushAll(): Promise<void> } } }).p.pending.flushAll();
}
