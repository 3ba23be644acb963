import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../../shared/api';
import { notebookExists, resolveDataDir, NotebookLockedError, restoreBackup } from '../../core';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.backups;

/**
 * Backups of the notebook: `list` (default), `now` takes one, `restore NAME` puts a backup back
 * (after taking a "before-restore" backup of the current state, so a restore can itself be undone).
 * List and take go through the contract; an in-place restore needs the notebook closed, so it is
 * the one thing done on the folder itself (the app restores a backup as a new notebook instead).
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
  const [action = 'list', name] = positionals;
  if (action === 'list' || action === 'now') {
    await withNotebook(io, values.data, async (core) => {
      if (action === 'now') io.out(`backed up as ${(await call(core, 'backupNow', {})).name}`);
      const backups = await call(core, 'listBackups', {});
      for (const backup of backups) io.out(backup.name);
      io.out(`${backups.length} backup${backups.length === 1 ? '' : 's'} in ${path.join((await call(core, 'getNotebookInfo', {})).dir, 'backups')}`);
    });
    return 0;
  }
  if (action !== 'restore' || !name) throw new CliError(`Usage: ${usage}`, 2);
  const dir = resolveDataDir({ flag: values.data ? path.resolve(io.cwd, values.data) : null, env: io.env });
  if (!notebookExists(dir)) throw new CliError(`There is no notebook in ${dir}.`);
  try {
    const safety = await restoreBackup(dir, name);
    io.out(`restored ${name}; the notebook as it was is kept as backup ${safety}`);
    return 0;
  } catch (error) {
    if (error instanceof NotebookLockedError || error instanceof UserError) throw new CliError(error.message);
    throw error;
  }
}
