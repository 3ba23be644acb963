import os from 'node:os';
import path from 'node:path';

/**
 * Where the notebook lives when no folder is given: `--data DIR`, else `STANCEBOOK_DATA`, else
 * the platform's per-user data folder (XDG_DATA_HOME on Linux). Electron passes its userData.
 */
export function resolveDataDir(options: { flag?: string | null; env?: NodeJS.ProcessEnv; fallback?: string }): string {
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.flag);
  if (env.STANCEBOOK_DATA) return path.resolve(env.STANCEBOOK_DATA);
  if (options.fallback) return options.fallback;
  return defaultDataDir(env);
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Stancebook');
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Stancebook');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'stancebook');
}
