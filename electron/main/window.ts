import { BrowserWindow, dialog, nativeTheme, protocol, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { contentTypeOf } from '../../shared/api/content-types';
import { APP_INDEX_URL, APP_SCHEME, isAppUrl, rendererFileFor } from './app-protocol';
import { externalLink } from './external-links';
import { isLocalRequest, secureWebPreferences, spellcheckerIsLocal } from './web-preferences';
import { DEFAULT_WINDOW, type WindowState } from './window-state';

export interface WindowPaths {
  rendererIndex: string;
  preload: string;
}

/** True for our own renderer pages (app://stancebook/…) and nothing else. */
export function makeTrustedUrlCheck(): (url: string) => boolean {
  return isAppUrl;
}

/**
 * Declares app:// as a standard, secure scheme (so the page is a secure context with an origin
 * of its own, as a web page is). Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves app://stancebook/… from the built renderer folder only; anything else is a 404. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererRoot, request.url);
    const bytes = file ? await readFile(file).catch(() => null) : null;
    if (!file || !bytes) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(bytes, { headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });
}

/**
 * Applies Electron's security checklist to the default session: no permission is ever granted
 * (nor device access), every response carries our CSP, no request may leave the machine (see
 * isLocalRequest), and on Linux the spellchecker (which would download dictionaries) is off.
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  if (!spellcheckerIsLocal(process.platform)) ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalRequest(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

let asking = false;

/**
 * Opens an http(s) link in the user's browser after they confirm it in a dialog naming the
 * host: the click on "Open" is the user's gesture (Electron's window-open handler says nothing
 * of one). One question at a time; every other scheme is refused without asking.
 */
async function confirmAndOpenExternal(window: BrowserWindow, url: string): Promise<void> {
  const link = externalLink(url);
  if (!link || asking) return;
  asking = true;
  try {
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: `Open a page on ${link.host} in your browser?`,
      detail: link.url,
    });
    if (response === 0) await shell.openExternal(link.url);
  } finally {
    asking = false;
  }
}

/** The main window: isolated, sandboxed, no Node, no navigation, no new windows. */
export function createMainWindow(paths: WindowPaths, state: WindowState = DEFAULT_WINDOW): BrowserWindow {
  const window = new BrowserWindow({
    ...(state.bounds ?? {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stancebook',
    // Follows the system theme from the first frame (no white flash in dark mode).
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d2127' : '#f7f6f2',
    webPreferences: secureWebPreferences(paths.preload),
  });
  const trusted = makeTrustedUrlCheck();
  window.webContents.on('will-navigate', (event, url) => {
    if (!trusted(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Never a window inside the app; an http(s) link goes to the browser once the user agrees.
    void confirmAndOpenExternal(window, url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_INDEX_URL);
  return window;
}
