import { UserError } from '../../../shared/api/errors';

/** Who holds a notebook's lock, as written in its `.lock` file. */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/**
 * The notebook is open in another process (or another store in this one).
 * The message names the folder, the holder and what the analyst can do.
 */
export class NotebookLockedError extends UserError {
  readonly holder: LockHolder;
  readonly dir: string;
  constructor(dir: string, holder: LockHolder, lockFile: string) {
    super(
      'locked',
      `The notebook in ${dir} is already open in another Stancebook (process ${holder.pid} on ` +
        `${holder.hostname}, since ${holder.startedAt}). Switch to that window, or close it there ` +
        `and try again. If no Stancebook is running on ${holder.hostname}, delete ${lockFile} and retry.`,
    );
    this.name = 'NotebookLockedError';
    this.holder = holder;
    this.dir = dir;
  }
}

/**
 * The folder holds no notebook this version can open: none at all, another format, or one made
 * by a newer Stancebook. Opening changed nothing on disk.
 */
export class NotebookFormatError extends UserError {
  readonly dir: string;
  constructor(dir: string, message: string) {
    super('invalid-request', message);
    this.name = 'NotebookFormatError';
    this.dir = dir;
  }
}

/**
 * A stored file that cannot be used: not JSON, truncated, failing its schema, or written by a
 * newer version. Thrown by the restore path; the store quarantines the file and recovers.
 */
export class DocumentProblem extends Error {
  constructor(
    readonly problem: string,
    /** Set when the file carries a schema version newer than this build reads. */
    readonly futureVersion: number | null = null,
  ) {
    super(problem);
    this.name = 'DocumentProblem';
  }
}
