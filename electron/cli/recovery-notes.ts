import path from 'node:path';
import type { NotebookCore } from '../core';
import type { CliIo } from './io';

/**
 * Prints the store's recovery notes from `from` on, one line each on stderr, naming the file,
 * what was wrong, where the original bytes are kept and what the notebook holds instead.
 * Every command prints them (at open, and any found while it ran): a recovery is never silent.
 *
 * @returns how many notes there are now, to pass as `from` next time.
 */
export function printRecoveryNotes(io: CliIo, core: NotebookCore, from = 0): number {
  const notes = core.store.openReport.recovered;
  for (const note of notes.slice(from)) {
    const kept = note.quarantinedAs ? path.join(core.store.dir, ...note.quarantinedAs.split('/')) : '(nothing to keep)';
    io.err(`recovered ${note.file}: ${note.problem}; original kept at ${kept}; ${note.outcome}`);
  }
  return notes.length;
}
