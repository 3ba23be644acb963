import { app, type BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openNotebookCore, resolveDataDir, type NotebookCore } from '../core';
import { createElectronPrinter } from './electron-printer';
import { forwardChanges, registerIpc } from './ipc';
import { installMenu } from './menu';
import { createMainWindow, hardenSession, makeTrustedUrlCheck } from './window';

// Electron's main process: a thin host. It opens the notebook core, exposes it over one
// validated IPC channel, and adds what only a desktop has (window, menu, single instance).

const appRoot = app.getAppPath();
const paths = {
  rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
  preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
};

function dataFlag(argv: string[]): string | null {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values.data === 'string' ? values.data : null;
}

let core: NotebookCore | null = null;
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  hardenSession();
  installMenu();
  const dir = resolveDataDir({ flag: dataFlag(process.argv.slice(1)), fallback: path.join(app.getPath('userData'), 'notebook') });
  core = await openNotebookCore(dir, {
    resourcesDir: path.join(appRoot, 'resources'),
    create: true,
    sample: true,
    pdfPrinter: createElectronPrinter(),
  });
  registerIpc(core, makeTrustedUrlCheck(paths.rendererIndex));
  mainWindow = createMainWindow(paths);
  forwardChanges(core, mainWindow.webContents);
  mainWindow.on('closed', () => (mainWindow = null));
}

// One writer per notebook: a second launch hands over to the first window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(start, (error) => {
    dialog.showErrorBox('Stancebook could not start', String(error));
    app.exit(1);
  });
  app.whenReady().catch(() => undefined);
  process.on('unhandledRejection', (error) => {
    dialog.showErrorBox('Stancebook could not open the notebook', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
}
