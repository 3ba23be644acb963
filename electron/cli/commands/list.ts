import { parseArgs } from 'node:util';
import type { CliIo } from '../io';
import { withNotebook } from '../open';

export const usage = 'stancebook list [--json] [--data DIR]    the library: id, date, claims, title';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, data: { type: 'string' } } });
  const articles = await withNotebook(io, values.data, async (core) => core.handlers.listArticles({}));
  if (values.json) {
    io.out(JSON.stringify(articles, null, 2));
    return 0;
  }
  for (const a of articles) {
    io.out([a.id, a.publishedAt ?? '----------', String(a.claimCount).padStart(4), a.source ?? '-', a.title].join('  '));
  }
  io.out(`${articles.length} article${articles.length === 1 ? '' : 's'}`);
  return 0;
}
