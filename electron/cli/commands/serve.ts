import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from '../../browser-host/server';
import { resolveDataDir } from '../../core';
import { CliError, type CliIo } from '../io';
import { openForCommand } from '../open';
import { startStallReport } from '../stall-report';

/**
 * Starts the browser mode and resolves when it is stopped (SIGINT/SIGTERM). A data folder
 * without a notebook gets one with the sample, as the desktop app's first start does.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, data: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port takes a port number, not "${values.port}".`, 2);
  const dir = resolveDataDir({ flag: values.data ? path.resolve(io.cwd, values.data) : null, env: io.env });
  // Benchmarks only (STANCEBOOK_STALL_REPORT=<ms>): event-loop stalls on stderr, from the open on.
  const stopStallReport = startStallReport(io.env, io.err);
  const core = await openForCommand(io, dir, { create: true, sample: true });
  const host = await startBrowserHost({ core, rendererDir: io.rendererDir, port }).catch(async (error) => {
    await core.close();
    throw new CliError(error instanceof Error ? error.message : String(error));
  });
  io.out(`Stancebook (browser mode) on ${host.url}`);
  // The first search and the first Positions map find the index and the digest ready.
  void core.warmUp();
  io.out(`notebook: ${dir}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await core.close();
  stopStallReport?.();
  return 0;
}
