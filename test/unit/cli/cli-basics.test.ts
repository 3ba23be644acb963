import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { goldClaims, tempDir } from '../helpers/temp-notebook';
import { cliIo as io } from './cli-harness';

describe('stancebook command line', () => {
  let work: string;
  let data: string;
  beforeAll(async () => {
    work = tempDir('stancebook-cli-');
    data = path.join(work, 'nb');
    const out = io(work);
    expect(await runCli(['init', '--sample', data], out)).toBe(0);
    expect(out.stdout[0]).toMatch(/created notebook .*\(1 article\)/);
  });

  it('refuses to init over an existing notebook', async () => {
    const out = io(work);
    expect(await runCli(['init', data], out)).toBe(1);
    expect(out.stderr.join('\n')).toMatch(/already holds a notebook/);
  });

  it('takes --data before the command as well as after it', async () => {
    for (const argv of [
      ['--data', data, 'list', '--json'],
      [`--data=${data}`, 'list', '--json'],
      ['list', '--data', data, '--json'],
    ]) {
      const out = io(work);
      expect(await runCli(argv, out), `${argv.join(' ')}: ${out.stderr.join('\n')}`).toBe(0);
      expect(JSON.parse(out.stdout.join('\n'))).toHaveLength(1);
    }
    const dangling = io(work);
    expect(await runCli(['--data'], dangling)).toBe(2);
    expect(dangling.stderr.join('\n')).toMatch(/--data needs a value/);
  });

  it('lists every command in help, and names an unknown one', async () => {
    const help = io(work);
    expect(await runCli(['help'], help)).toBe(0);
    for (const name of ['init', 'import', 'list', 'export', 'import-annotations', 'archive', 'restore', 'backups', 'trash', 'serve']) {
      expect(help.stdout.join('\n')).toContain(`stancebook ${name} `);
    }
    const unknown = io(work);
    expect(await runCli(['--data', data, 'frob'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toMatch(/Unknown command "frob"/);
  });

  it('lists the library as JSON with id, title, source, date and claim count', async () => {
    const out = io(work);
    expect(await runCli(['list', '--json', '--data', data], out)).toBe(0);
    const list = JSON.parse(out.stdout.join('\n'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ publishedAt: '2024-12-21', claimCount: 10 });
    for (const key of ['id', 'title', 'source', 'publishedAt', 'claimCount']) expect(list[0]).toHaveProperty(key);
  });

  it('exports the sample brief as Markdown and HTML with every sample quote', async () => {
    const id = JSON.parse(
      await (async () => {
        const o = io(work);
        await runCli(['list', '--json', '--data', data], o);
        return o.stdout.join('\n');
      })(),
    )[0].id;
    for (const format of ['md', 'html']) {
      const file = path.join(work, `brief.${format}`);
      const out = io(work);
      expect(await runCli(['export', 'brief', '--article', id, '--format', format, '--out', file, '--data', data], out), out.stderr.join()).toBe(0);
      const text = readFileSync(file, 'utf8');
      const plain =
        format === 'html'
          ? text
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, '&')
          : text;
      for (const gold of goldClaims()) expect(plain, gold.exact).toContain(gold.exact);
      // Never overwrite without being told to.
      const again = io(work);
      expect(await runCli(['export', 'brief', '--article', id, '--format', format, '--out', file, '--data', data], again)).toBe(1);
      expect(again.stderr.join()).toMatch(/--force/);
    }
  });

  it('imports files with one result line each, and exits 1 when any failed', async () => {
    const good = path.join(work, 'note.md');
    writeFileSync(good, '# Brussels agrees sanctions\n\nThe ministers met on Monday and agreed new measures.\n');
    const empty = path.join(work, 'empty.txt');
    writeFileSync(empty, '');
    const out = io(work);
    expect(await runCli(['import', good, empty, good, '--data', data], out)).toBe(1);
    expect(out.stdout[0]).toMatch(/^imported note\.md: \S+ Brussels agrees sanctions$/);
    expect(out.stdout[1]).toMatch(/^error empty\.txt: .*empty/i);
    expect(out.stdout[2]).toMatch(/^duplicate note\.md: \S+ Brussels agrees sanctions$/);
  });

  it('says where there is no notebook instead of creating one', async () => {
    const missing = path.join(work, 'nothing-here');
    const out = io(work);
    expect(await runCli(['list', '--data', missing], out)).toBe(1);
    expect(out.stderr.join()).toMatch(/no notebook in .*nothing-here.*stancebook init/);
    expect(existsSync(missing)).toBe(false);
  });

  it('explains unknown commands and bad flags with usage', async () => {
    const unknown = io(work);
    expect(await runCli(['frobnicate'], unknown)).toBe(2);
    expect(unknown.stderr.join()).toMatch(/Unknown command "frobnicate"/);
    const badFlag = io(work);
    expect(await runCli(['list', '--colour'], badFlag)).toBe(2);
    expect(badFlag.stderr.join()).toMatch(/Usage: stancebook list/);
  });
});
