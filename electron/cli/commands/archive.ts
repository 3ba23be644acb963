import { parseArgs } from 'node:util';
import { buildArchive } from '../../core';
import { CliError, type CliIo } from '../io';
import { withNotebook } from '../open';
import { outputPath, writeOutput } from './export';
import { USAGE } from '../usage';

const usage = USAGE.archive;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, force: { type: 'boolean' }, data: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length) throw new CliError(`Unexpected ${positionals.join(' ')}. Usage: ${usage}`, 2);
  if (!values.out) throw new CliError(`--out FILE is required. Usage: ${usage}`, 2);
  const out = outputPath(io, values.out, values.force);
  const { bytes, manifest } = await withNotebook(io, values.data, (core) => buildArchive(core.context));
  await writeOutput(out, bytes, values.force);
  const c = manifest.counts;
  io.out(`archived ${c.articles} articles, ${c.claims} claims, ${c.briefs} briefs to ${out}`);
  return 0;
}
