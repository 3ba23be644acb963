// Finds Electron's binary, or says why there is none. `require('electron')` returns the
// binary's path when the package installed fully, and throws when its download never ran.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  let binary;
  try {
    binary = require('electron');
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    return { missing: reason.includes('Cannot find module') ? 'the electron package is not installed' : reason };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { missing: `no binary at ${binary}` };
  return { path: binary };
}
