/**
 * The core's one door for the hosts (Electron main, the browser host, the command line): what a
 * host may use to open a notebook and serve the contract. Hosts import from here only (a lint
 * rule); everything else in electron/core is the core's own business.
 */
export { openNotebookCore, notebookExists, sourceResourcesDir, type OpenOptions } from './bootstrap';
export { resolveDataDir, defaultDataDir } from './data-dir';
export type { NotebookCore } from './notebook-core';
export { NotebookLockedError, NotebookFormatError, restoreBackup, type LockHolder } from './store';
export type { PdfPrinter } from './exchange/pdf-printer';
export { createChromiumPrinter } from './exchange/chromium-printer';
export { MAX_IMPORT_BYTES } from './import/host';
export { readArchive } from './exchange/archive-read';
export { moveRestoredInto, restoreArchiveInto, restoreArchiveStaged } from './exchange/archive-restore';
export { suggestAttributions } from './suggest/suggest';
export { suggestionsForArticle } from './suggest/handlers';
export type { SqliteDriver } from './search/sqlite/sql-database';
export { betterSqlite3Driver } from './search/sqlite/better-sqlite3-driver';
export { nodeSqliteDriver } from './search/sqlite/node-sqlite-driver';
