import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, type RequestOf } from '../../../shared/api';
import { MAX_IMPORT_BYTES, type NotebookCore } from '../../core';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.import;

type CsvMapping = RequestOf<'importCsv'>['mapping'];

const MAP_FIELDS = ['text', 'title', 'date', 'source', 'author', 'url', 'tags', 'collections'] as const;

/**
 * Parses `--map text=Body,title=Headline,tags=Stance,tags=Topic`: each field names a column
 * (column names may hold commas: a new pair starts only at `, field=`). tags and collections
 * may be given several times.
 * @throws CliError naming the unknown field or the missing text column.
 */
export function parseCsvMap(spec: string): CsvMapping {
  const mapping: Record<string, string | string[]> = {};
  const pairs = spec.split(new RegExp(`,(?=\\s*(?:${MAP_FIELDS.join('|')})=)`));
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    const column = pair.slice(at + 1).trim();
    if (at < 0 || !(MAP_FIELDS as readonly string[]).includes(field) || !column) {
      throw new CliError(
        `--map: "${pair}" is not FIELD=COLUMN with FIELD one of ${MAP_FIELDS.join(', ')}. Example: --map text=Body,title=Headline,tags=Stance`,
        2,
      );
    }
    if (field === 'tags' || field === 'collections') mapping[field] = [...((mapping[field] as string[] | undefined) ?? []), column];
    else if (mapping[field]) throw new CliError(`--map names the ${field} column twice. Give it once.`, 2);
    else mapping[field] = column;
  }
  if (typeof mapping.text !== 'string') throw new CliError('--map must say which column holds the article text: text=COLUMN.', 2);
  return mapping as CsvMapping;
}

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
  const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' }, map: { type: 'string' } }, allowPositionals: true });
  const mapping = values.map === undefined ? null : parseCsvMap(values.map);
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
          throw new UserError(
            'import-failed',
            `${shown} is ${(info.size / 1048576).toFixed(1)} MB; the limit is 50 MB. Split it or import a smaller file.`,
          );
        }
        const data = await readFile(file);
        if (/\.(csv|tsv)$/i.test(file)) {
          failed += await importCsvRows(core, shown, path.basename(file), data, mapping, io);
          continue;
        }
        const result = await call(core, 'importFile', { name: path.basename(file), dataBase64: data.toString('base64') });
        // Printed only now: importFile resolves once the article is durably stored. Every line
        // starts with its outcome and the file it came from, in the order the files were given.
        io.out(`${result.status} ${shown}: ${result.articleId} ${result.title}`);
        for (const note of result.notes ?? []) io.out(`  note: ${note}`);
      } catch (error) {
        failed += 1;
        io.out(`error ${shown}: ${error instanceof Error ? error.message : String(error)}`);
        if ((error instanceof UserError && error.code === 'disk-full') || (error instanceof CliError && error.apiCode === 'disk-full')) {
          // Every later file would be refused the same way: stop, and say which were not tried.
          const rest = files.slice(index + 1);
          if (rest.length)
            io.out(`stopped: the disk is full; ${rest.length} file(s) not imported: ${rest.map((f) => path.relative(io.cwd, f) || f).join(', ')}`);
          failed += rest.length;
          break;
        }
      }
    }
  });
  return failed > 0 ? 1 : 0;
}

/**
 * One CSV file: without --map, the columns and a suggested --map are given in the error and
 * nothing is imported (a mapping is never guessed); with it, one line per row. Returns the rows
 * that failed.
 */
async function importCsvRows(core: NotebookCore, shown: string, name: string, data: Buffer, mapping: CsvMapping | null, io: CliIo): Promise<number> {
  const dataBase64 = data.toString('base64');
  if (!mapping) {
    const preview = await call(core, 'previewCsv', { name, dataBase64 });
    const suggested = Object.entries(preview.suggestedMapping)
      .map(([field, column]) => `${field}=${String(column)}`)
      .join(',');
    throw new UserError(
      'import-failed',
      `${shown} is a table of ${preview.rowCount} rows; say which column is which with --map. Its columns: ${preview.columns.map((c) => `"${c}"`).join(', ')}.${suggested ? ` Suggested: --map ${suggested}` : ' Give at least text=COLUMN.'} Columns you do not map are kept with each article.`,
    );
  }
  const rows = await call(core, 'importCsv', { name, dataBase64, mapping });
  let failed = 0;
  for (const row of rows) {
    if (row.status === 'error') {
      failed += 1;
      io.out(`error ${shown} row ${row.row}: ${row.message ?? 'could not be imported'}`);
    } else io.out(`${row.status} ${shown} row ${row.row}: ${row.articleId ?? ''} ${row.title ?? ''}`);
  }
  return failed;
}
