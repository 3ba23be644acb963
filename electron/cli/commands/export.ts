import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExportFormatSchema } from '../../../shared/api';
import { CliError, type CliIo } from '../io';
import { withNotebook } from '../open';

export const usage =
  'stancebook export brief --article ID --format md|html --out FILE [--force] [--data DIR]    annotated brief of one article';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      article: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      data: { type: 'string' },
    },
    allowPositionals: true,
  });
  const what = positionals[0];
  if (what !== 'brief') throw new CliError(`Export what? Usage: ${usage}`, 2);
  if (!values.article || !values.out) throw new CliError(`--article and --out are required. Usage: ${usage}`, 2);
  const format = ExportFormatSchema.safeParse(values.format ?? 'md');
  if (!format.success) throw new CliError(`Unknown format "${values.format}": use md or html.`, 2);
  const out = path.resolve(io.cwd, values.out);
  if (existsSync(out) && !values.force) throw new CliError(`${out} exists; pass --force to overwrite it.`);
  const file = await withNotebook(io, values.data, (core) =>
    core.handlers.exportBrief({ articleId: values.article as string, format: format.data }),
  );
  await writeFile(out, file.content, 'utf8');
  io.out(`exported ${out}`);
  return 0;
}
