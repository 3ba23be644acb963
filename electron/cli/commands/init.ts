import path from 'node:path';
import { parseArgs } from 'node:util';
import { notebookExists } from '../../core';
import { CliError, type CliIo } from '../io';
import { call, openForCommand } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.init;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { sample: { type: 'boolean' }, data: { type: 'string' } }, allowPositionals: true });
  const target = positionals[0] ?? values.data;
  if (!target) throw new CliError(`Which folder? Usage: ${usage}`, 2);
  const dir = path.resolve(io.cwd, target);
  if (notebookExists(dir)) throw new CliError(`${dir} already holds a notebook; nothing was changed.`);
  const core = await openForCommand(io, dir, { create: true, sample: values.sample ?? false });
  let articles: unknown[];
  try {
    articles = await call(core, 'listArticles', {});
  } finally {
    await core.close();
  }
  io.out(`created notebook ${dir} (${articles.length} article${articles.length === 1 ? '' : 's'})`);
  return 0;
}
