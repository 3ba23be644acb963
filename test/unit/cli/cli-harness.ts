import path from 'node:path';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { RESOURCES, ROOT } from '../helpers/temp-notebook';

/** The command line's I/O for a test: lines collected, no environment, the project's resources. */
export function cliIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    env: {},
    cwd,
    resourcesDir: RESOURCES,
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
  };
}

/** Runs one command in `cwd`, in process, and gives its exit code and output. */
export async function runIn(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = cliIo(cwd);
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
