import type { WebPreferences } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * The renderer's settings from Electron's security checklist: isolated world, OS sandbox,
 * no Node, web security on, no insecure content, no <webview>. Kept apart from window.ts
 * (which loads Electron) so a plain Node test can pin them.
 */
export function secureWebPreferences(preload: string, platform: NodeJS.Platform = process.platform): WebPreferences {
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
    // A middle click on a link would otherwise open it in a new window without window.open.
    disableBlinkFeatures: 'Auxclick',
    // The spellchecker must never reach a CDN: on Linux Electron downloads Hunspell
    // dictionaries from Google's servers, so it is off there; macOS and Windows use the
    // system's own spellchecker, which needs no download.
    spellcheck: spellcheckerIsLocal(platform),
  };
}

/** Whether this platform's spellchecker works without downloading anything. */
export function spellcheckerIsLocal(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/**
 * Whether the app's session lets a request through: only the app's own files (app://stancebook,
 * not file:), devtools, and in-memory data: and blob: URLs (exports are saved as blob:
 * downloads). Nothing ever leaves the machine: http(s), ws(s), ftp, file: and every other
 * scheme are cancelled.
 */
export function isLocalRequest(url: string): boolean {
  return isAppUrl(url) || /^(devtools|data|blob):/i.test(url);
}
