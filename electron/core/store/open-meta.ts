import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { NOTEBOOK_SCHEMA_VERSION, type NotebookMeta } from '../../../shared/model';
import { createBackup } from './backups';
import { DurableJsonFile } from './durable-json-file';
import { DocumentProblem, NotebookFormatError } from './errors';
import { isErrno, readTextIfExists } from './fs-durable';
import { DIRS, FILES, abs } from './layout';
import { layoutStepsFrom } from './migrations';
import type { Recovery } from './recovery';
import { restoreDocument } from './restore';
import type { OpenReport } from './types';

/** absent: no folder yet; new: create a notebook here; existing: a notebook (maybe damaged) is here. */
export type FolderState = 'absent' | 'new' | 'existing';

/**
 * Decides, without changing anything, whether the folder holds a notebook this version may open.
 * Refuses notebooks from a newer Stancebook and folders that hold something else.
 */
export async function preflight(dir: string, create: boolean): Promise<FolderState> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new NotebookFormatError(dir, `${dir} is a file, not a notebook folder.`);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    if (create) return 'absent';
    throw new NotebookFormatError(dir, `There is no notebook in ${dir}: the folder does not exist.`);
  }
  const hasStoreFiles =
    (await present(abs(dir, FILES.library))) || (await present(abs(dir, DIRS.articles))) || (await present(abs(dir, DIRS.backups)));
  const text = await readTextIfExists(abs(dir, FILES.meta));
  if (text === null) {
    if (hasStoreFiles) return 'existing';
    if (create) return 'new';
    throw new NotebookFormatError(
      dir,
      `There is no Stancebook notebook in ${dir}. Choose the folder that holds notebook.json, or create a new notebook.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    if (hasStoreFiles) return 'existing';
    throw new NotebookFormatError(dir, `${path.join(dir, FILES.meta)} cannot be read and the folder holds nothing to recover it from.`);
  }
  const fields = (raw ?? {}) as Record<string, unknown>;
  const version = fields.schemaVersion;
  if (typeof version === 'number' && version > NOTEBOOK_SCHEMA_VERSION) {
    throw new NotebookFormatError(
      dir,
      `The notebook in ${dir} was made by a newer Stancebook (schema ${version}); this version reads up to ${NOTEBOOK_SCHEMA_VERSION}. Update Stancebook to open it.`,
    );
  }
  if (typeof fields.format === 'string' && fields.format !== 'stancebook') {
    throw new NotebookFormatError(dir, `${path.join(dir, FILES.meta)} belongs to another program ("${fields.format}"), not Stancebook.`);
  }
  return 'existing';
}

export interface MetaContext {
  now: () => Date;
  recovery: Recovery;
  report: OpenReport;
  keepBackups: number;
  existing: boolean;
  name: string | undefined;
}

/**
 * Reads notebook.json, first running the layout migrations an older notebook needs (after a
 * backup labelled "before-migration"); creates it for a new notebook; recovers it when damaged.
 */
export async function loadMeta(dir: string, ctx: MetaContext): Promise<NotebookMeta> {
  const db = new Low<NotebookMeta>(new DurableJsonFile(abs(dir, FILES.meta), (text) => restoreDocument('meta', text), true), freshMeta(dir, ctx));
  if (!ctx.existing) {
    await db.write();
    return db.data;
  }
  const from = await olderVersion(dir);
  if (from !== null) {
    await createBackup(dir, ctx.now(), Number.MAX_SAFE_INTEGER, 'before-migration');
    for (const step of layoutStepsFrom(from)) await step.layout?.(dir);
    const migrated = restoreDocument('meta', (await readTextIfExists(abs(dir, FILES.meta))) ?? '');
    db.data = { ...migrated, schemaVersion: NOTEBOOK_SCHEMA_VERSION };
    await db.write();
    ctx.report.migratedFrom = from;
    return db.data;
  }
  let problem: DocumentProblem | null = null;
  try {
    await db.read();
    if ((await readTextIfExists(abs(dir, FILES.meta))) !== null) return db.data;
  } catch (error) {
    if (!(error instanceof DocumentProblem)) throw error;
    problem = error;
  }
  db.data = await ctx.recovery.recoverDocument('meta', FILES.meta, problem, () => ({
    doc: freshMeta(dir, ctx),
    outcome: 'no backup holds notebook.json; the notebook was given a new id and its folder name as its name',
  }));
  await db.write();
  return db.data;
}

/** The schema version of an older notebook that needs migrating, or null. */
async function olderVersion(dir: string): Promise<number | null> {
  const text = await readTextIfExists(abs(dir, FILES.meta));
  if (text === null) return null;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (raw === null || typeof raw !== 'object') return null;
  // Schema 0 (pre-release) kept everything in notebook.json, without format or version.
  if (raw.format === undefined && raw.schemaVersion === undefined && Array.isArray(raw.articles)) return 0;
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version < NOTEBOOK_SCHEMA_VERSION ? version : null;
}

function freshMeta(dir: string, ctx: MetaContext): NotebookMeta {
  return {
    format: 'stancebook',
    schemaVersion: NOTEBOOK_SCHEMA_VERSION,
    id: randomUUID(),
    name: ctx.name ?? path.basename(dir),
    createdAt: ctx.now().toISOString(),
  };
}

async function present(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
