import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../../shared/api';
import { notebookExists, resolveDataDir, NotebookLockedError, restoreBackup } from '../../core';
import { CliError, type CliIo } from '../io';
import { withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.backups;

/**
 * Backups of the notebook: `list` (default), `now` takes one, `restore NAME` puts a backup back
 * (after taking a "before-restore" backup of the current state, so a restore can itself be undone).
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
  const [action = 'list', name] = positionals;
  if (action === 'list' || action === 'now') {
    await withNotebook(io, values.data, async (core) => {
      if (action === 'now') io.out(`backed up as ${await core.store.backup()}`);
      const names = core.store.listBackups();
      for (const backup of names) io.out(backup);
      io.out(`${names.length} backup${names.length === 1 ? '' : 's'} in ${path.join(core.store.dir, 'backups')}`);
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
