import path from 'node:path';
import { openNotebookCore, notebookExists } from '../core/bootstrap';
import { resolveDataDir } from '../core/data-dir';
import { createChromiumPrinter } from '../core/exchange/chromium-printer';
import type { NotebookCore } from '../core/notebook-core';
import { betterSqlite3Driver } from '../core/search/sqlite/better-sqlite3-driver';
import { NotebookLockedError } from '../core/store';
import { CliError, type CliIo } from './io';

/**
 * Opens the notebook a command works on. Commands other than `init` and `serve` refuse to
 * create one, so a typo in --data never leaves an empty notebook behind.
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
    return await openNotebookCore(dir, {
      resourcesDir: io.resourcesDir,
      create: options.create,
      sample: options.sample,
      // Launches Chromium only when something is printed to PDF.
      pdfPrinter: createChromiumPrinter({ executablePath: io.env.STANCEBOOK_CHROMIUM || undefined }),
      // Node's SQLite binding for the search index (the desktop app passes node:sqlite instead).
      searchDatabase: betterSqlite3Driver(),
    });
  } catch (error) {
    if (error instanceof NotebookLockedError) throw new CliError(error.message);
    throw error;
  }
}

/** Runs work on an open notebook and always closes it (releasing the lock). */
export async function withNotebook<T>(
  io: CliIo,
  dataFlag: string | undefined,
  work: (core: NotebookCore) => Promise<T>,
): Promise<T> {
  const core = await openForCommand(io, dataFlag);
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}
