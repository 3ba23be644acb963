import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toErrorPayload } from '../../shared/api/errors';
import { COMMANDS } from './commands';
import { CliError, type CliIo } from './io';
import { USAGE, type CommandName } from './usage';

/** Options every command takes, accepted before the command's name as well as after it. */
const GLOBAL_OPTIONS = new Set(['--data']);

/**
 * Moves global options given before the command (`stancebook --data DIR import FILE`) to after
 * it, where each command's own parser reads them; `--data=DIR` is kept whole.
 */
export function hoistGlobalOptions(argv: string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    const name = arg.split('=')[0]!;
    if (!GLOBAL_OPTIONS.has(name)) break;
    if (arg.includes('=')) {
      leading.push(arg);
      i += 1;
    } else {
      if (i + 1 >= argv.length) throw new CliError(`${arg} needs a value: ${arg} DIR`, 2);
      leading.push(arg, argv[i + 1]!);
      i += 2;
    }
  }
  return [...argv.slice(i), ...leading];
}

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

export function helpText(): string {
  return [
    'Stancebook: an offline notebook for analysts.',
    '',
    'Usage:',
    ...Object.values(USAGE).map((usage) => `  ${usage}`),
    '',
    'Every command takes --data DIR (default: $STANCEBOOK_DATA, else the per-user data folder).',
  ].join('\n');
}

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let name: string | undefined;
  let args: string[];
  try {
    [name, ...args] = hoistGlobalOptions(argv);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  if (!isCommand(name)) {
    io.err(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  try {
    const command = await COMMANDS[name]();
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\nUsage: ${USAGE[name]}`);
      return 2;
    }
    io.err(toErrorPayload(error).message);
    return 1;
  }
}

/** The process entry: real streams, resources beside the source tree. */
export async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    resourcesDir: path.join(root, 'resources'),
    rendererDir: path.join(root, 'dist', 'renderer'),
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
