import path from 'node:path';
import { dispatch, type MethodName, type RequestOf, type ResponseOf } from '../../shared/api';
import {
  openNotebookCore,
  notebookExists,
  resolveDataDir,
  createChromiumPrinter,
  betterSqlite3Driver,
  type NotebookCore,
  NotebookLockedError,
} from '../core';
import { CliError, type CliIo } from './io';
import { printRecoveryNotes } from './recovery-notes';

/**
 * Opens the notebook a command works on and prints what the store recovered at open (stderr).
 * Commands other than `init` and `serve` refuse to create one, so a typo in --data never
 * leaves an empty notebook behind.
 */
export async function openForCommand(
  io: CliIo,
  dataFlag: string | undefined,
  options: { create?: boolean; sample?: boolean } = {},
): Promise<NotebookCore> {
  const dir = resolveDataDir({ flag: dataFlag ? path.resolve(io.cwd, dataFlag) : null, env: io.env });
  if (!options.create && !notebookExists(dir)) {
    throw new CliError(`There is no notebook in ${dir}. Create one with "stancebook init ${dir}" or pass --data DIR.`);
  }
  try {
    const core = await openNotebookCore(dir, {
      resourcesDir: io.resourcesDir,
      create: options.create,
      sample: options.sample,
      // Launches Chromium only when something is printed to PDF.
      pdfPrinter: createChromiumPrinter({ executablePath: io.env.STANCEBOOK_CHROMIUM || undefined }),
      // Node's SQLite binding for the search index (the desktop app passes node:sqlite instead).
      searchDatabase: betterSqlite3Driver(),
    });
    printRecoveryNotes(io, core);
    return core;
  } catch (error) {
    if (error instanceof NotebookLockedError) throw new CliError(error.message);
    throw error;
  }
}

/** Runs work on an open notebook and always closes it (releasing the lock). */
export async function withNotebook<T>(io: CliIo, dataFlag: string | undefined, work: (core: NotebookCore) => Promise<T>): Promise<T> {
  const core = await openForCommand(io, dataFlag);
  const printed = core.store.openReport.recovered.length;
  try {
    return await work(core);
  } finally {
    // Files found damaged while the command ran (article files are read when needed).
    printRecoveryNotes(io, core, printed);
    await core.close();
  }
}

/**
 * Calls one contract method on an open notebook the way every host does: the request is
 * validated against the method's schema first, and a refusal becomes a CliError carrying the
 * core's message (exit code 1).
 */
export async function call<K extends MethodName>(core: NotebookCore, method: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await dispatch(core.handlers, method, request);
  if (!result.ok) throw new CliError(result.error.message, 1, result.error.code);
  return result.value as ResponseOf<K>;
}
