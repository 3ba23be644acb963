import { parseArgs } from 'node:util';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

/** Shows or sets this copy's coder; every write made from the command line then carries it. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { name: { type: 'string' }, id: { type: 'string' }, data: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliError(`Usage: ${USAGE.coder}`, 2);
  if (values.id !== undefined && values.name === undefined) throw new CliError('--id needs --name: give the name to go with the id.', 2);
  await withNotebook(io, values.data, async (core) => {
    if (values.name !== undefined) {
      const coder = await call(core, 'setCoder', { name: values.name, ...(values.id !== undefined ? { id: values.id } : {}) });
      io.out(`coder set: ${coder.name} (${coder.id})`);
      return;
    }
    const coder = await call(core, 'getCoder', {});
    io.out(coder ? `${coder.name} (${coder.id})` : 'No coder is set in this copy. Set one with: stancebook coder --name NAME');
  });
  return 0;
}
