import type { NotebookChanged } from '../../shared/api';
import type { PdfPrinter } from './documents/pdf-printer';
import type { SqliteDriver } from './search/sqlite/sql-database';
import type { NotebookStore } from './store/types';

/**
 * What every core function is given: the open store and the host's capabilities.
 * Nothing in the core reaches for globals such as the clock or a random source directly,
 * so tests can pin them.
 */
export interface CoreContext {
  store: NotebookStore;
  now: () => Date;
  newId: (prefix: string) => string;
  /** Tells every client what changed, after the change is durable. */
  emit: (event: NotebookChanged) => void;
  /** Lets a part of the core follow changes (e.g. the search index); returns the unsubscribe. */
  subscribe: (listener: (event: NotebookChanged) => void) => () => void;
  /** Prints HTML to PDF for PDF exports; hosts without one leave it out and PDF export says so. */
  pdfPrinter?: PdfPrinter;
  /** The host's SQLite binding for the search index (better-sqlite3 in Node, node:sqlite in Electron). */
  searchDatabase?: SqliteDriver;
}

export function isoNow(ctx: Pick<CoreContext, 'now'>): string {
  return ctx.now().toISOString();
}
