import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toErrorPayload } from '../../shared/api';
import * as archiveCommand from './commands/archive';
import * as backupsCommand from './commands/backups';
import * as exportCommand from './commands/export';
import * as importCommand from './commands/import';
import * as importAnnotationsCommand from './commands/import-annotations';
import * as initCommand from './commands/init';
import * as listCommand from './commands/list';
import * as restoreCommand from './commands/restore';
import * as serveCommand from './commands/serve';
import * as suggestCommand from './commands/suggest';
import * as trashCommand from './commands/trash';
import { CliError, type CliIo } from './io';

interface Command {
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  import: importCommand,
  list: listCommand,
  export: exportCommand,
  'import-annotations': importAnnotationsCommand,
  archive: archiveCommand,
  restore: restoreCommand,
  backups: backupsCommand,
  trash: trashCommand,
  serve: serveCommand,
  suggest: suggestCommand,
};

export function helpText(): string {
  return [
    'Stancebook: an offline notebook for analysts.',
    '',
    'Usage:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
    '',
    'Every command takes --data DIR (default: $STANCEBOOK_DATA, else the per-user data folder).',
  ].join('\n');
}

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
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
