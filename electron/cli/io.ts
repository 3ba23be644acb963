/** Where a command writes; tests pass buffers, the bin passes the process streams. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  resourcesDir: string;
  rendererDir: string;
}

/** A failure the user can fix: printed as is, exit code 2 (usage) or 1 (failure). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** The API error code when the failure came from the core (e.g. 'disk-full'). */
    readonly apiCode: string | null = null,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
