import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { isLocalRequest, secureWebPreferences } from './web-preferences';

export interface WindowPaths {
  rendererIndex: string;
  preload: string;
}

/** True for our own renderer files and nothing else. */
export function makeTrustedUrlCheck(rendererIndex: string): (url: string) => boolean {
  const rendererRoot = pathToFileURL(path.dirname(rendererIndex)).href + '/';
  return (url) => url.startsWith(rendererRoot);
}

/**
 * Applies Electron's security checklist to the default session: no permission is ever granted,
 * every response carries our CSP, and no request may leave the machine (see isLocalRequest).
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalRequest(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** The main window: isolated, sandboxed, no Node, no navigation, no new windows. */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stancebook',
    backgroundColor: '#f7f6f2',
    webPreferences: secureWebPreferences(paths.preload),
  });
  const trusted = makeTrustedUrlCheck(paths.rendererIndex);
  window.webContents.on('will-navigate', (event, url) => {
    if (!trusted(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links in notes open in the user's browser only after they click, never inside the app.
    if (url.startsWith('https://') || url.startsWith('http://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(paths.rendererIndex);
  return window;
}
