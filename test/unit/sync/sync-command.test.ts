import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { openNotebookCore } from '../../../electron/core/bootstrap';
import { CORE_OPTIONS, RESOURCES, ROOT, tempDir } from '../helpers/temp-notebook';
import { startGitServer, type GitServer } from './git-server';

/** `stancebook sync` against a loopback Git server that checks a token. */

async function run(cwd: string, env: NodeJS.ProcessEnv, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    env,
    cwd,
    resourcesDir: RESOURCES,
    rendererDir: path.join(ROOT, 'dist/renderer'),
  };
  const code = await runCli(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

describe('stancebook sync', () => {
  let server: GitServer;
  let work: string;
  const env = { STANCEBOOK_GIT_TOKEN: 'cli-token', STANCEBOOK_GIT_USERNAME: 'ann' };
  beforeEach(async () => {
    server = await startGitServer({ token: 'cli-token', username: 'ann' });
    work = tempDir('stancebook-cli-sync-');
  });
  afterEach(() => server.stop());

  it('shares a notebook with the token from the environment, lists a conflict and resolves it', async () => {
    const a = path.join(work, 'a');
    const b = path.join(work, 'b');
    expect((await run(work, {}, 'init', '--sample', a)).code).toBe(0);
    expect((await run(work, {}, 'init', b)).code).toBe(0);
    const noToken = await run(work, {}, 'sync', '--remote', server.url, '--data', a);
    expect(noToken.code).toBe(1);
    expect(noToken.err).toMatch(/refused the credentials.*STANCEBOOK_GIT_TOKEN/);
    expect((await run(work, env, 'sync', '--data', a)).out).toMatch(/Sent this notebook/);
    const received = await run(work, env, 'sync', '--remote', server.url, '--data', b);
    expect(received.out).toMatch(/received: 1 article change/);

    // The same claim's note changed in both copies.
    for (const [dir, note] of [
      [a, 'from A'],
      [b, 'from B'],
    ] as const) {
      const core = await openNotebookCore(dir, CORE_OPTIONS);
      const [article] = core.store.listArticles();
      const [claim] = await core.store.getClaims(article!.id);
      await core.handlers.updateClaim({ articleId: article!.id, id: claim!.id, patch: { note } });
      await core.close();
    }
    await run(work, env, 'sync', '--data', a);
    expect((await run(work, env, 'sync', '--data', b)).out).toMatch(/1 conflict to review/);
    const listed = await run(work, {}, 'sync', 'conflicts', '--data', b);
    expect(listed.out).toMatch(/note.*both-changed/);
    expect(listed.out).toContain('"from B"');
    expect(listed.out).toContain('"from A"');
    const [conflict] = JSON.parse((await run(work, {}, 'sync', 'conflicts', '--json', '--data', b)).out);
    expect((await run(work, {}, 'sync', 'resolve', conflict.id, 'theirs', '--data', b)).out).toMatch(/0 conflicts left/);
    expect((await run(work, {}, 'sync', 'resolve', 'x', 'maybe', '--data', b)).code).toBe(2);
  });
});
