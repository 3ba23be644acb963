import { rename, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SyncConflictSchema, type SyncConflict } from '../../../shared/api/contract-sync';
import { readTextIfExists, writeFileAtomic } from '../store/fs-durable';
import { CONFLICTS_FILE } from './repository';

/**
 * `conflicts.json` in the notebook folder: the conflicts syncs found and the analyst has not
 * resolved, with both sides' values. Durable and committed, so it survives reopening and reaches
 * teammates (whose syncs merge it as a set: one resolved anywhere is resolved).
 */

const ConflictsDocSchema = z.object({ schemaVersion: z.literal(1), conflicts: z.array(SyncConflictSchema) });

export function parseConflicts(text: string): SyncConflict[] {
  return ConflictsDocSchema.parse(JSON.parse(text)).conflicts;
}

export function serializeConflicts(conflicts: readonly SyncConflict[]): string {
  return JSON.stringify({ schemaVersion: 1, conflicts }, null, 2) + '\n';
}

/**
 * Reads the notebook's conflicts. A file that cannot be read is moved to quarantine/ (never
 * overwritten) and the list starts empty; the bytes stay there and in the Git history.
 */
export async function readConflicts(dir: string, now: () => Date): Promise<SyncConflict[]> {
  const file = path.join(dir, CONFLICTS_FILE);
  const text = await readTextIfExists(file);
  if (text === null) return [];
  try {
    return parseConflicts(text);
  } catch {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    await mkdir(path.join(dir, 'quarantine'), { recursive: true });
    await rename(file, path.join(dir, 'quarantine', `${stamp}-${CONFLICTS_FILE}`));
    return [];
  }
}

export async function writeConflicts(dir: string, conflicts: readonly SyncConflict[]): Promise<void> {
  await writeFileAtomic(path.join(dir, CONFLICTS_FILE), serializeConflicts(conflicts));
}
