import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_REGISTRY_CSV_CHARS } from '../../../shared/api/contract-registry';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE['import-registry'];

/**
 * Imports an actor registry CSV: one line per created, updated and skipped row. A refused file
 * (any bad row) changes nothing; the core's message lists the rows, and the exit code is 1.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError(`Which file? Usage: ${usage}`, 2);
  const file = path.resolve(io.cwd, positionals[0] as string);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CliError(`${file} does not exist or is not a file.`);
  if (info.size > MAX_REGISTRY_CSV_CHARS) throw new CliError(`${file} is ${(info.size / 1048576).toFixed(1)} MB; the limit is 20 MB. Split it.`);
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not UTF-8 text. Save it as "CSV UTF-8" and import again.`);
  }
  const dryRun = values['dry-run'] === true;
  const report = await withNotebook(io, values.data, (core) => call(core, 'importRegistry', { text, dryRun }));
  const verb = dryRun ? 'would ' : '';
  for (const c of report.created) io.out(`row ${c.row}: ${verb}create "${c.name}"`);
  for (const u of report.updated) io.out(`row ${u.row}: ${verb}update "${u.name}" (${u.fields.join(', ')})`);
  for (const s of report.skipped) io.out(`row ${s.row}: skipped${s.name ? ` "${s.name}"` : ''}: ${s.reason}`);
  if (report.ignoredColumns.length) io.out(`columns not read: ${report.ignoredColumns.join(', ')}`);
  io.out(
    `${dryRun ? 'dry run, nothing stored: ' : ''}${report.created.length} created, ${report.updated.length} updated, ${report.skipped.length} skipped`,
  );
  return 0;
}
