import { parseArgs } from 'node:util';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.list;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, data: { type: 'string' } }, allowPositionals: true });
  const what = positionals[0] ?? 'articles';
  if (positionals.length > 1 || !['articles', 'briefs'].includes(what)) throw new CliError(`List what? Usage:\n  ${usage}`, 2);
  if (what === 'briefs') {
    const briefs = await withNotebook(io, values.data, async (core) => call(core, 'listBriefs', {}));
    if (values.json) io.out(JSON.stringify(briefs, null, 2));
    else {
      for (const b of briefs) io.out([b.id, b.updatedAt.slice(0, 10), String(b.citationCount).padStart(4), b.title].join('  '));
      io.out(`${briefs.length} brief${briefs.length === 1 ? '' : 's'}`);
    }
    return 0;
  }
  const articles = await withNotebook(io, values.data, async (core) => call(core, 'listArticles', {}));
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
