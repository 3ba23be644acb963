import type { WebPreferences } from 'electron';

/**
 * The renderer's settings from Electron's security checklist: isolated world, OS sandbox,
 * no Node, web security on, no insecure content, no <webview>. Kept apart from window.ts
 * (which loads Electron) so a plain Node test can pin them.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

/**
 * Whether the app's session lets a request through: only the app's own files, devtools, and
 * in-memory data: and blob: URLs (exports are saved as blob: downloads). Nothing ever leaves
 * the machine: http(s), ws(s), ftp and every other scheme are cancelled.
 */
export function isLocalRequest(url: string): boolean {
  return /^(file|devtools|data|blob):/i.test(url);
}
