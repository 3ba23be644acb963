import { describe, expect, it } from 'vitest';
import { isLocalRequest, secureWebPreferences } from '../../../electron/main/web-preferences';

describe('secureWebPreferences', () => {
  it('follows the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('lets only local requests through the session: app files, devtools, data: and blob: (downloads)', () => {
    for (const ok of [
      'app://stancebook/index.html',
      'devtools://devtools/bundled/x.html',
      'data:image/png;base64,AA',
      'blob:app://stancebook/0b1c-uuid',
    ])
      expect(isLocalRequest(ok), ok).toBe(true);
    for (const bad of [
      'file:///app/dist/renderer/index.html',
      'file:///etc/passwd',
      'app://other/x.js',
      'https://example.org/x.png',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'ftp://x/',
      'chrome-extension://abc/x.js',
      'javascript:alert(1)',
    ])
      expect(isLocalRequest(bad), bad).toBe(false);
  });
});
