import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE['import-annotations'];

const MAX_BYTES = 50 * 1024 * 1024;

/** Exit 0 when every annotation was imported or deliberately skipped, 1 when some could not be placed. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError(`Which file? Usage: ${usage}`, 2);
  const file = path.resolve(io.cwd, positionals[0] as string);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CliError(`${file} does not exist or is not a file.`);
  if (info.size > MAX_BYTES) throw new CliError(`${file} is ${(info.size / 1048576).toFixed(1)} MB; the limit is 50 MB.`);
  const data = await readFile(file);
  const report = await withNotebook(io, values.data, (core) =>
    call(core, 'importAnnotations', { name: path.basename(file), dataBase64: data.toString('base64') }),
  );
  io.out(`imported ${report.imported} claim${report.imported === 1 ? '' : 's'}`);
  for (const miss of report.notAnchored) io.out(`not placed "${miss.quote.slice(0, 80)}": ${miss.reason}`);
  for (const skip of report.skipped) io.out(`skipped ${skip.annotation}: ${skip.reason}`);
  const added = report.addedToCodebook;
  for (const [kind, names] of Object.entries(added)) if (names.length) io.out(`added to the codebook (${kind}): ${names.join(', ')}`);
  return report.notAnchored.length > 0 ? 1 : 0;
}
