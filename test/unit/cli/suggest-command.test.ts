import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { RESOURCES, ROOT, tempDir } from '../helpers/temp-notebook';

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    env: {},
    cwd,
    resourcesDir: RESOURCES,
    rendererDir: path.join(ROOT, 'dist/renderer'),
  };
  const code = await runCli(argv, io);
  return { code, out: stdout, err: stderr.join('\n') };
}

describe('stancebook suggest', () => {
  it('prints one JSON object per file, offsets into the text exactly as read (BOM and CRLF kept)', async () => {
    const work = tempDir('stancebook-cli-suggest-');
    const text = '\uFEFFTalks in Vienna\r\n\r\n“We want stable ties,” Wang Yi told reporters.\r\nHe said Taiwan remained a red line.\r\n';
    writeFileSync(path.join(work, 'a.txt'), text, 'utf8');
    writeFileSync(path.join(work, 'b.txt'), 'Nothing is attributed here. The weather was fine.\n', 'utf8');
    const { code, out, err } = await run(work, 'suggest', 'a.txt', 'b.txt', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const [a, b] = out.map((line) => JSON.parse(line));
    expect(b).toEqual({ file: 'b.txt', suggestions: [] });
    expect(a.file).toBe('a.txt');
    expect(Object.keys(a.suggestions[0]).sort()).toEqual(['content', 'cue', 'source', 'speaker']);
    const slices = a.suggestions.map(
      (s: {
        content: { start: number; end: number };
        cue: { start: number; end: number };
        source: { start: number; end: number };
        speaker: string;
      }) => [text.slice(s.content.start, s.content.end), text.slice(s.cue.start, s.cue.end), text.slice(s.source.start, s.source.end), s.speaker],
    );
    expect(slices).toEqual([
      ['“We want stable ties,”', 'told', 'Wang Yi', 'Wang Yi'],
      ['Taiwan remained a red line', 'said', 'He', 'Wang Yi'],
    ]);
  });

  it('names a missing file or one that is not UTF-8, goes on with the rest, and exits 1', async () => {
    const work = tempDir('stancebook-cli-suggest-');
    writeFileSync(path.join(work, 'latin1.txt'), Buffer.from([0x53, 0x61, 0x69, 0x64, 0xe9, 0x0a]));
    writeFileSync(path.join(work, 'ok.txt'), 'The ministry said the talks were useful.\n');
    const { code, out, err } = await run(work, 'suggest', 'missing.txt', 'latin1.txt', 'ok.txt', '--json');
    expect(code).toBe(1);
    expect(err).toMatch(/error missing.txt: no such file/);
    expect(err).toMatch(/error latin1.txt: not UTF-8 text/);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!).suggestions[0].speaker).toBe('ministry');
    expect((await run(work, 'suggest')).code).toBe(2);
  });

  it('--article ID suggests for a stored article', async () => {
    const work = tempDir('stancebook-cli-suggest-');
    const data = path.join(work, 'nb');
    expect((await run(work, 'init', '--sample', data)).code).toBe(0);
    const [article] = JSON.parse((await run(work, 'list', '--json', '--data', data)).out.join('\n'));
    const { code, out } = await run(work, 'suggest', '--article', article.id, '--json', '--data', data);
    expect(code).toBe(0);
    const printed = JSON.parse(out[0]!);
    expect(printed.article).toBe(article.id);
    expect(printed.suggestions.map((s: { speaker: string }) => s.speaker)).toContain('Wang Yi');
    expect((await run(work, 'suggest', '--article', 'art_nope', '--data', data)).err).toMatch(/art_nope/);
  });
});
