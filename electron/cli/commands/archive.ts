import { parseArgs } from 'node:util';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { outputPath, writeExported } from './export';
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
  const { exported, articles, claims, briefs } = await withNotebook(io, values.data, async (core) => {
    const library = await call(core, 'listArticles', {});
    return {
      exported: await call(core, 'exportArchive', {}),
      articles: library.length,
      claims: library.reduce((sum, a) => sum + a.claimCount, 0),
      briefs: (await call(core, 'listBriefs', {})).length,
    };
  });
  await writeExported(out, exported, values.force);
  io.out(`archived ${articles} articles, ${claims} claims, ${briefs} briefs to ${out}`);
  return 0;
}
