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
