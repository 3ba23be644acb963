import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SuggestedAttribution } from '../../../shared/model/suggestion';
import { suggestAttributions, suggestionsForArticle } from '../../core';
import { CliError, type CliIo } from '../io';
import { withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.suggest;

/** One suggestion as the command prints it: offsets are UTF-16 indices into the text as read. */
function shape(s: SuggestedAttribution): {
  content: { start: number; end: number };
  cue: { start: number; end: number } | null;
  source: { start: number; end: number } | null;
  speaker: string;
} {
  return { content: s.content, cue: s.cue, source: s.source, speaker: s.speaker };
}

function printHuman(io: CliIo, name: string, text: string, suggestions: SuggestedAttribution[]): void {
  io.out(`${name}: ${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}`);
  for (const s of suggestions) {
    const quote = text.slice(s.content.start, s.content.end).replace(/\s+/g, ' ');
    io.out(`  ${s.content.start}-${s.content.end}  ${s.speaker}: ${quote.length > 100 ? `${quote.slice(0, 99)}…` : quote}`);
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, article: { type: 'string' }, data: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.article !== undefined) {
    if (positionals.length > 0) throw new CliError(`Give files or --article ID, not both. Usage:\n  ${usage}`, 2);
    const articleId = values.article;
    const { article, suggestions } = await withNotebook(io, values.data, (core) =>
      // eslint-disable-next-line no-restricted-syntax -- every suggestion of the stored text, coded or not (the contract's getSuggestions gives the pending ones): read-only, no contract method returns it
      suggestionsForArticle(core.context, articleId),
    );
    if (values.json) io.out(JSON.stringify({ article: article.id, suggestions: suggestions.map(shape) }));
    else printHuman(io, `${article.id} ${article.title}`, article.text, suggestions);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`Which files? Usage:\n  ${usage}`, 2);
  let failed = 0;
  for (const file of positionals) {
    let text: string;
    try {
      const bytes = await readFile(path.resolve(io.cwd, file));
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (error) {
      failed++;
      const reason =
        error instanceof TypeError
          ? 'not UTF-8 text (convert it to UTF-8, or import it into a notebook, which reads other encodings)'
          : error instanceof Error && 'code' in error && error.code === 'ENOENT'
            ? 'no such file'
            : error instanceof Error && 'code' in error && error.code === 'EISDIR'
              ? 'a folder, not a text file'
              : String(error instanceof Error ? error.message : error);
      io.err(`error ${file}: ${reason}`);
      continue;
    }
    // The text exactly as read (a byte-order mark stays: offsets count it, as a JavaScript string does).
    const suggestions = suggestAttributions(text);
    if (values.json) io.out(JSON.stringify({ file, suggestions: suggestions.map(shape) }));
    else printHuman(io, file, text, suggestions);
  }
  return failed > 0 ? 1 : 0;
}
