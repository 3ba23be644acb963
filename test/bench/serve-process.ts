// `stancebook serve` as a child process for benchmarks that drive the app in Chromium: the server
// runs from the built JavaScript in a process of its own, as an analyst runs it, so its event-loop
// stalls and CPU time are its own and not the bench's or Playwright's (which share a process with
// a browser host started in the bench). Its stalls come from STANCEBOOK_STALL_REPORT
// (electron/cli/stall-report.ts), its CPU time from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STALL_LINE_PREFIX } from '../../electron/cli/stall-report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/stancebook.mjs');

/** One event-loop stall the server reported: when it ended (epoch ms), how long, the CPU time it used meanwhile. */
export interface Stall {
  at: number;
  ms: number;
  cpuMs: number;
}

/** Builds the renderer when it is missing and the command line's bundle when its sources are newer, before anything is timed. */
export function ensureServeBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('The renderer build failed.');
  }
  const help = spawnSync(process.execPath, [BIN, 'help'], { cwd: ROOT, encoding: 'utf8' });
  if (help.status !== 0) throw new Error(`stancebook help failed: ${help.stderr}`);
}

/** The process's CPU time (user + system, all threads) in ms, from /proc (Linux); NaN elsewhere or once it has exited. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime (fields 14 and 15), in ticks of 10 ms
  } catch {
    return NaN;
  }
}

export interface ServeOptions {
  /** Stalls longer than this are reported (ms). */
  stallReportMs: number;
  /** Node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  nodeArgs?: string[];
}

/** A running `stancebook serve --data DIR`, with the stalls it reported so far. */
export class ServeProcess {
  readonly child: ChildProcess;
  readonly stalls: Stall[] = [];
  /** When serve printed "notebook: DIR", i.e. the notebook is open (it listens and prints its URL before); null until then. */
  openedAt: number | null = null;
  private output = '';

  constructor(dir: string, options: ServeOptions) {
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve', '--data', dir], {
      cwd: ROOT,
      env: { ...process.env, STANCEBOOK_DATA: '', STANCEBOOK_STALL_REPORT: String(options.stallReportMs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    this.child.stderr!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(STALL_LINE_PREFIX)) this.stalls.push(JSON.parse(line.slice(STALL_LINE_PREFIX.length)) as Stall);
        else this.output += `${line}\n`;
      }
    });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      if (this.openedAt === null && /^notebook: /m.test(this.output)) this.openedAt = Date.now();
    });
  }

  /** The app's URL (with its token), once the server printed it; rejects if the server exits first. */
  url(): Promise<string> {
    return new Promise((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(this.output);
        if (match?.[1]) {
          clearInterval(poll);
          resolve(match[1]);
        }
      }, 5);
      this.child.once('exit', (code) => {
        clearInterval(poll);
        reject(new Error(`serve exited with ${code}:\n${this.output}`));
      });
    });
  }

  /** The server's CPU time so far (ms). */
  cpuMs(): number {
    return processCpuMs(this.child.pid);
  }

  /** The longest stall that ended between `from` and `to` (epoch ms), or 0. */
  longestStall(from: number, to: number): Stall {
    return this.stalls.filter((s) => s.at >= from && s.at <= to).reduce((a, b) => (b.ms > a.ms ? b : a), { at: 0, ms: 0, cpuMs: 0 });
  }

  /** Stops the server (SIGTERM: it closes the notebook, writing what it derived) and waits for it to exit. */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
