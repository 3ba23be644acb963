import path from 'node:path';

/** How many notebooks File ▸ Open Recent lists. */
export const MAX_RECENT = 10;

/** The recent notebooks list read from its file: absolute folder paths, newest first; anything else dropped. */
export function parseRecent(text: string | null): string[] {
  try {
    const list: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(list) ? [...new Set(list.filter((d): d is string => typeof d === 'string' && path.isAbsolute(d)))].slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** The list with `dir` first (moved up if it was there), at most MAX_RECENT long. */
export function withRecent(list: string[], dir: string): string[] {
  const resolved = path.resolve(dir);
  return [resolved, ...list.filter((d) => d !== resolved)].slice(0, MAX_RECENT);
}

/** Files a launch names to import (`stancebook report.pdf page.html`): existing importable files only. */
export function filesToImport(argv: string[], cwd: string, exists: (file: string) => boolean): string[] {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data') {
      i++;
      continue;
    }
    if (arg.startsWith('-') || !/\.(txt|md|markdown|html?|docx|pdf)$/i.test(arg)) continue;
    const file = path.resolve(cwd, arg);
    if (exists(file)) files.push(file);
  }
  return files;
}
