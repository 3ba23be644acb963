import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../../shared/api';
import { MAX_IMPORT_BYTES } from '../../core';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.import;

/** Expands folders into the files below them (sorted, hidden files skipped). */
async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
      entries.sort((a, b) => a.name.localeCompare(b.name));
      files.push(...(await expand(entries.map((e) => path.join(p, e.name)))));
    } else {
      files.push(p);
    }
  }
  return files;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
  if (positionals.length === 0) throw new CliError(`Which files? Usage: ${usage}`, 2);
  const files = await expand(positionals.map((p) => path.resolve(io.cwd, p)));
  let failed = 0;
  await withNotebook(io, values.data, async (core) => {
    for (const [index, file] of files.entries()) {
      const shown = path.relative(io.cwd, file) || file;
      try {
        const info = await stat(file).catch(() => null);
        if (!info) throw new UserError('import-failed', `${shown} does not exist.`);
        if (info.size > MAX_IMPORT_BYTES) {
          throw new UserError('import-failed', `${shown} is ${(info.size / 1048576).toFixed(1)} MB; the limit is 50 MB. Split it or import a smaller file.`);
        }
        const data = await readFile(file);
        const result = await call(core, 'importFile', { name: path.basename(file), dataBase64: data.toString('base64') });
        // Printed only now: importFile resolves once the article is durably stored. Every line
        // starts with its outcome and the file it came from, in the order the files were given.
        io.out(`${result.status} ${shown}: ${result.articleId} ${result.title}`);
      } catch (error) {
        failed += 1;
        io.out(`error ${shown}: ${error instanceof Error ? error.message : String(error)}`);
        if ((error instanceof UserError && error.code === 'disk-full') || (error instanceof CliError && error.apiCode === 'disk-full')) {
          // Every later file would be refused the same way: stop, and say which were not tried.
          const rest = files.slice(index + 1);
          if (rest.length) io.out(`stopped: the disk is full; ${rest.length} file(s) not imported: ${rest.map((f) => path.relative(io.cwd, f) || f).join(', ')}`);
          failed += rest.length;
          break;
        }
      }
    }
  });
  return failed > 0 ? 1 : 0;
}
