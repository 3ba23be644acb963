import type { CliIo } from '../io';
import type { CommandName } from '../usage';

/** A command's entry: parses its arguments and returns the exit code. */
export type RunCommand = (args: string[], io: CliIo) => Promise<number>;

/**
 * Every command's module, loaded only when that command runs, so that `stancebook help` and a
 * mistyped command load no core and no document library.
 */
export const COMMANDS: Record<CommandName, () => Promise<{ run: RunCommand }>> = {
  init: () => import('./init'),
  import: () => import('./import'),
  list: () => import('./list'),
  export: () => import('./export'),
  'import-annotations': () => import('./import-annotations'),
  'import-registry': () => import('./import-registry'),
  archive: () => import('./archive'),
  restore: () => import('./restore'),
  backups: () => import('./backups'),
  trash: () => import('./trash'),
  serve: () => import('./serve'),
  suggest: () => import('./suggest'),
  coder: () => import('./coder'),
  agreement: () => import('./agreement'),
  sync: () => import('./sync'),
};
