import { parseArgs } from 'node:util';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.trash;

/** The trash: what was deleted, putting an item back, or emptying it for good. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
  const [action = 'list', id] = positionals;
  if (!['list', 'restore', 'empty'].includes(action) || (action === 'restore' && !id)) throw new CliError(`Usage: ${usage}`, 2);
  await withNotebook(io, values.data, async (core) => {
    const entries = await call(core, 'listTrash', {});
    if (action === 'restore') {
      if (!entries.some((e) => e.id === id)) throw new CliError(`Nothing with id ${id} is in the trash. "stancebook trash list" shows what is.`);
      const entry = await call(core, 'restoreFromTrash', { id: id! });
      io.out(`restored ${entry.kind} ${entry.id} ${entry.label}`);
    } else if (action === 'empty') {
      const { removed } = await call(core, 'emptyTrash', {});
      io.out(`emptied the trash (${removed} item${removed === 1 ? '' : 's'} removed for good)`);
    } else {
      for (const e of entries) io.out([e.id, e.kind, e.deletedAt, e.label].join('  '));
      io.out(`${entries.length} item${entries.length === 1 ? '' : 's'} in the trash`);
    }
  });
  return 0;
}
