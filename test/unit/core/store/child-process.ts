import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { builtChild } from '../../built-child';

const CHILD = path.resolve(__dirname, 'store-child.ts');

/** A running store-child with its stdout collected line by line. */
export interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves when a line satisfying `test` has been printed. */
  waitFor(test: (line: string) => boolean): Promise<void>;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
}

export function startChild(args: string[]): Child {
  const child = spawn(process.execPath, [builtChild(CHILD), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: () => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    process: child,
    lines,
    exited,
    waitFor: (test) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some(test)) return resolve();
        waiters.push({ test, resolve });
        void exited.then(() => reject(new Error(`child exited before the expected line; stderr:\n${stderr}`)));
      }),
  };
}
