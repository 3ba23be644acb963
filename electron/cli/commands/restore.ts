import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { moveRestoredInto, openNotebookCore, readArchive, restoreArchiveStaged } from '../../core';
import { CliError, type CliIo } from '../io';
import { USAGE } from '../usage';

const usage = USAGE.restore;

/**
 * Restores into an empty or missing folder only: restoring over a notebook could mix two
 * notebooks' records. The archive is read and validated in full before the folder is touched,
 * and written into a staging folder that becomes DIR only when complete.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length !== 2) throw new CliError(`Usage: ${usage}`, 2);
  const file = path.resolve(io.cwd, positionals[0] as string);
  const dir = path.resolve(io.cwd, positionals[1] as string);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CliError(`${file} does not exist or is not a file.`);
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new CliError(`${dir} cannot be used: ${error.message}`);
  });
  if (existing.length > 0) throw new CliError(`${dir} is not empty; restore into a new or empty folder so nothing is overwritten.`);
  const contents = await readArchive(new Uint8Array(await readFile(file)));
  // Restored in a staging folder beside DIR, moved into DIR only once every record is written.
  const parent = path.dirname(dir);
  await mkdir(parent, { recursive: true });
  const { staging, counts } = await restoreArchiveStaged(parent, contents, (stagingDir) =>
    openNotebookCore(stagingDir, { resourcesDir: io.resourcesDir, create: true }),
  );
  try {
    await moveRestoredInto(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  io.out(`restored ${counts.articles} articles, ${counts.claims} claims, ${counts.briefs} briefs into ${dir}`);
  return 0;
}
