import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { tempDir } from '../helpers/temp-notebook';
import { cliIo as io } from './cli-harness';

describe('registry commands: export registry, import-registry, network roll-up', () => {
  let work: string;
  let data: string;
  const run = async (...argv: string[]) => {
    const out = io(work);
    const code = await runCli(argv, out);
    return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
  };
  beforeAll(async () => {
    work = tempDir('stancebook-cli-registry-');
    data = path.join(work, 'nb');
    expect((await run('init', '--sample', data)).code).toBe(0);
  });

  it('imports a registry (dry run first), reports each row, then exports it with parents by name', async () => {
    const file = path.join(work, 'registry.csv');
    writeFileSync(file, 'name,kind,country,parent\nForeign Ministry,government,China,China\nChina,government,China,\n');
    const dry = await run('import-registry', file, '--dry-run', '--data', data);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toBe(
      [
        'row 2: would create "Foreign Ministry"',
        'row 3: would update "China" (kind, country)',
        'dry run, nothing stored: 1 created, 1 updated, 0 skipped',
      ].join('\n'),
    );
    const real = await run('import-registry', file, '--data', data);
    expect(real.out).toContain('1 created, 1 updated, 0 skipped');
    const out = path.join(work, 'out.csv');
    expect((await run('export', 'registry', '--out', out, '--data', data)).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFname,aliases,kind,country,affiliation,parent,wikidata,notes,color');
    expect(lines).toContain('Foreign Ministry,,government,China,,China,,,');
  });

  it('refuses a bad file with the rows and reasons, exit 1, nothing stored', async () => {
    const file = path.join(work, 'bad.csv');
    writeFileSync(file, 'name,kind\nSomeone,nation\n');
    const result = await run('import-registry', file, '--data', data);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/row 2: the kind "nation" is not one of/);
    const out = path.join(work, 'after.csv');
    await run('export', 'registry', '--out', out, '--data', data);
    expect(readFileSync(out, 'utf8')).not.toContain('Someone');
  });

  it('exports a network rolled up and filtered by kind; refuses an unknown kind', async () => {
    const out = path.join(work, 'net.csv');
    const result = await run(
      'export',
      'network',
      '--type',
      'congruence',
      '--format',
      'csv',
      '--roll-up',
      'top',
      '--kind',
      'government',
      '--out',
      out,
      '--data',
      data,
    );
    expect(result.code, result.err).toBe(0);
    // Only China has a kind (government) in this notebook: no pair to draw, no edge rows.
    expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(1);
    const bad = await run(
      'export',
      'network',
      '--type',
      'congruence',
      '--format',
      'csv',
      '--kind',
      'nation',
      '--out',
      path.join(work, 'x.csv'),
      '--data',
      data,
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown --kind "nation": use person, organisation/);
  });
});
