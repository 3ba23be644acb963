import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from '../../browser-host/server';
import type { NotebookCore } from '../../core';
import { CliError, type CliIo } from '../io';
import { startStallReport } from '../stall-report';

/** Resolves at the first SIGINT or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Starts the browser mode and resolves when it is stopped (SIGINT/SIGTERM). A data folder
 * without a notebook gets one with the sample, as the desktop app's first start does.
 *
 * Listens first, opens meanwhile (decision 0026): the URL is printed and the page served as soon
 * as the host listens, before the core is loaded and the notebook opened, so the page's own start
 * overlaps the open. API requests wait for the open; if it fails, each waiting request gets its
 * error, the error is printed as before, and the command fails.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, data: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port takes a port number, not "${values.port}".`, 2);
  // Heard from before the URL is printed: a stop asked for as soon as it is (or while the notebook
  // opens) closes the notebook once it is open, rather than killing the process in the middle of it.
  const stopped = stopSignal();
  // Benchmarks only (STANCEBOOK_STALL_REPORT=<ms>): event-loop stalls on stderr, from the start on.
  const stopStallReport = startStallReport(io.env, io.err);
  let opened!: (core: NotebookCore) => void;
  let failed!: (error: unknown) => void;
  const opening = new Promise<NotebookCore>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  const host = await startBrowserHost({ core: opening, rendererDir: io.rendererDir, port }).catch((error) => {
    stopStallReport?.();
    throw new CliError(error instanceof Error ? error.message : String(error));
  });
  io.out(`Stancebook (browser mode) on ${host.url}`);
  let core: NotebookCore;
  let dir: string;
  try {
    // Loaded after the host listens: the core and the store are most of what this process loads.
    const [{ resolveDataDir }, { openForCommand }] = await Promise.all([import('../../core'), import('../open')]);
    dir = resolveDataDir({ flag: values.data ? path.resolve(io.cwd, values.data) : null, env: io.env });
    core = await openForCommand(io, dir, { create: true, sample: true });
  } catch (error) {
    failed(error);
    // The requests that waited are answered with the error before the host goes.
    await new Promise((resolve) => setImmediate(resolve));
    await host.close();
    stopStallReport?.();
    throw error;
  }
  opened(core);
  // The first search and the first Positions map find the index and the digest ready.
  void core.warmUp();
  io.out(`notebook: ${dir}`);
  await stopped;
  await host.close();
  await core.close();
  stopStallReport?.();
  return 0;
}
