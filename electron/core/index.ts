/**
 * The core's one door for the hosts (Electron main, the browser host, the command line): what a
 * host may use to open a notebook and serve the contract. Hosts import from here only (a lint
 * rule); everything else in electron/core is the core's own business.
 */
export { openNotebookCore, notebookExists } from './bootstrap';
export { resolveDataDir } from './data-dir';
export type { NotebookCore } from './notebook-core';
export { NotebookLockedError, restoreBackup } from './store';
export type { PdfPrinter } from './exchange/pdf-printer';
export { createChromiumPrinter } from './exchange/chromium-printer';
export { MAX_IMPORT_BYTES } from './import/host';
export { readArchive } from './exchange/archive-read';
export { moveRestoredInto, restoreArchiveStaged } from './exchange/archive-restore';
export { suggestAttributions } from './suggest/suggest';
export { suggestionsForArticle } from './suggest/handlers';
export { betterSqlite3Driver } from './search/sqlite/better-sqlite3-driver';
export { nodeSqliteDriver } from './search/sqlite/node-sqlite-driver';
