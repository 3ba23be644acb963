/**
 * The notebook store: a sharded, journalled JSON store over a notebook folder.
 * See README.md in this folder for the layout and the guarantees.
 */
export { openNotebook } from './open-notebook';
export { restoreBackup } from './restore-backup';
export { NotebookLockedError, NotebookFormatError } from './errors';
export type { NotebookStore } from './types';
