import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportedFile } from '../../../shared/api';
import { AnnotationFormatSchema, CodebookFormatSchema, DocumentFormatSchema } from '../../../shared/api/contract-exchange';
import { DuplicateRuleSchema, NetworkFormatSchema, NetworkTypeSchema, NormalizationSchema } from '../../../shared/api/contract-networks';
import { ACTOR_KINDS, RollUpSchema, type ActorFilter } from '../../../shared/model';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.export;

/** The output path, refusing to overwrite an existing file unless --force was given. */
export function outputPath(io: CliIo, out: string | undefined, force: boolean | undefined): string {
  if (!out) throw new CliError(`--out FILE is required.\nUsage: ${usage}`, 2);
  const file = path.resolve(io.cwd, out);
  if (existsSync(file) && !force) throw new CliError(`${file} exists; pass --force to overwrite it.`);
  return file;
}

/**
 * Writes an output file. Without --force the file is created exclusively, so one that appeared
 * while the export ran (a PDF takes seconds) is still not overwritten.
 */
export async function writeOutput(file: string, data: string | Uint8Array, force: boolean | undefined): Promise<void> {
  try {
    await writeFile(file, data, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(`${file} appeared while exporting; nothing was written. Pass --force to overwrite it.`);
    throw error;
  }
}

/** Writes an exported file: text as UTF-8, binary formats decoded from base64. */
export async function writeExported(file: string, exported: ExportedFile, force: boolean | undefined): Promise<void> {
  await writeOutput(file, exported.encoding === 'base64' ? Buffer.from(exported.content, 'base64') : exported.content, force);
}

function pick<T extends string>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: string | undefined,
  what: string,
  allowed: readonly string[],
  option = '--format',
): T {
  if (!value) throw new CliError(`${option} is required for ${what}: use ${allowed.join(', ')}.`, 2);
  const parsed = schema.safeParse(value);
  if (!parsed.success || !allowed.includes(value))
    throw new CliError(`Unknown ${option.slice(2)} "${value}" for ${what}: use ${allowed.join(', ')}.`, 2);
  return parsed.data;
}

/** --kind, --country, --affiliation as the network's actor filter (comma-separated lists); undefined when none is given. */
function actorFilterOf(values: { kind?: string; country?: string; affiliation?: string }): ActorFilter | undefined {
  const list = (text: string | undefined) =>
    text
      ?.split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  const kinds = list(values.kind);
  const bad = kinds?.find((k) => !(ACTOR_KINDS as readonly string[]).includes(k));
  if (bad) throw new CliError(`Unknown --kind "${bad}": use ${ACTOR_KINDS.join(', ')} (several separated by commas).`, 2);
  const filter: ActorFilter = { kinds: kinds as ActorFilter['kinds'], countries: list(values.country), affiliations: list(values.affiliation) };
  return filter.kinds || filter.countries || filter.affiliations ? filter : undefined;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      article: { type: 'string' },
      brief: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      data: { type: 'string' },
      type: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      normalization: { type: 'string' },
      duplicates: { type: 'string' },
      'roll-up': { type: 'string' },
      kind: { type: 'string' },
      country: { type: 'string' },
      affiliation: { type: 'string' },
    },
    allowPositionals: true,
  });
  const what = positionals[0];
  if (!what || !['brief', 'article', 'annotations', 'codebook', 'network', 'registry'].includes(what) || positionals.length > 1) {
    throw new CliError(`Export what? Usage:\n  ${usage}`, 2);
  }
  let exported: ExportedFile;
  if (values.brief !== undefined && what !== 'brief') throw new CliError(`--brief ID only applies to "export brief".\nUsage:\n  ${usage}`, 2);
  if (what === 'brief' && values.brief !== undefined) {
    if (values.article)
      throw new CliError('Give --article ID (the annotated brief of an article) or --brief ID (a brief written in the app), not both.', 2);
    const format = pick(DocumentFormatSchema, values.format ?? 'md', 'a brief', ['md', 'html', 'pdf', 'docx']);
    const out = outputPath(io, values.out, values.force);
    const briefId = values.brief;
    exported = await withNotebook(io, values.data, (core) => call(core, 'exportBriefDocument', { briefId, format }));
    await writeExported(out, exported, values.force);
  } else if (what === 'brief' || what === 'article') {
    if (!values.article) throw new CliError(`--article ID${what === 'brief' ? ' or --brief ID' : ''} is required.\nUsage:\n  ${usage}`, 2);
    // Markdown is kept for articles too, for the API's sake; the brief names the common ones.
    const format = pick(DocumentFormatSchema, values.format ?? (what === 'brief' ? 'md' : undefined), what, ['md', 'html', 'pdf', 'docx']);
    const out = outputPath(io, values.out, values.force);
    const articleId = values.article;
    exported = await withNotebook(io, values.data, (core) => call(core, 'exportDocument', { articleId, kind: what, format }));
    await writeExported(out, exported, values.force);
  } else if (what === 'annotations') {
    const format = pick(AnnotationFormatSchema, values.format, 'annotations', ['w3c', 'csv', 'qdpx']);
    const out = outputPath(io, values.out, values.force);
    exported = await withNotebook(io, values.data, (core) => call(core, 'exportAnnotations', { format, articleId: values.article }));
    await writeExported(out, exported, values.force);
  } else if (what === 'network') {
    if (values.article) throw new CliError('A network is drawn over the whole notebook (or a date range); --article does not apply.', 2);
    const type = pick(NetworkTypeSchema, values.type, 'a network', NetworkTypeSchema.options, '--type');
    const format = pick(NetworkFormatSchema, values.format, 'a network', NetworkFormatSchema.options);
    const normalization = pick(NormalizationSchema, values.normalization ?? 'none', 'a network', NormalizationSchema.options, '--normalization');
    const duplicates = pick(DuplicateRuleSchema, values.duplicates ?? 'article', 'a network', DuplicateRuleSchema.options, '--duplicates');
    const out = outputPath(io, values.out, values.force);
    const rollUp =
      values['roll-up'] === undefined ? undefined : pick(RollUpSchema, values['roll-up'], 'a network', RollUpSchema.options, '--roll-up');
    const request = {
      type,
      format,
      normalization,
      duplicates,
      publishedFrom: values.from,
      publishedTo: values.to,
      rollUp,
      actorFilter: actorFilterOf(values),
    };
    exported = await withNotebook(io, values.data, (core) => call(core, 'exportNetwork', request));
    await writeExported(out, exported, values.force);
  } else if (what === 'registry') {
    if (values.article) throw new CliError('The actor registry belongs to the whole notebook; --article does not apply.', 2);
    if (values.format && values.format !== 'csv')
      throw new CliError(`The registry is exported as CSV only; leave out --format or give --format csv.`, 2);
    const out = outputPath(io, values.out, values.force);
    exported = await withNotebook(io, values.data, (core) => call(core, 'exportRegistry', {}));
    await writeExported(out, exported, values.force);
  } else {
    if (values.article) throw new CliError('The codebook belongs to the whole notebook; --article does not apply.', 2);
    const format = pick(CodebookFormatSchema, values.format, 'codebook', ['json', 'qdc']);
    const out = outputPath(io, values.out, values.force);
    exported = await withNotebook(io, values.data, (core) => call(core, 'exportCodebook', { format }));
    await writeExported(out, exported, values.force);
  }
  io.out(`exported ${path.resolve(io.cwd, values.out as string)}`);
  return 0;
}
