import { app, type BrowserWindow, dialog, nativeTheme, safeStorage, screen, shell } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { nodeSqliteDriver, openNotebookCore, resolveDataDir, type NotebookCore } from '../core';
import { CredentialStore, withStoredCredentials } from './credential-store';
import { createElectronPrinter } from './electron-printer';
import { createErrorLog } from './error-log';
import { forwardChanges, registerIpc } from './ipc';
import { installMenu } from './menu';
import { filesToImport, parseRecent, withRecent } from './recent-notebooks';
import { createMainWindow, hardenSession, makeTrustedUrlCheck, registerAppScheme, serveAppProtocol } from './window';
import { parseWindowState, serializeWindowState } from './window-state';

// Electron's main process: a thin host. It opens the notebook core, exposes it over one
// validated IPC channel, and adds what only a desktop has (window, menu, native dialogs, recent
// notebooks, single instance, an error log).

const appRoot = app.getAppPath();
const paths = {
  rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
  preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
};
const userFile = (name: string) => path.join(app.getPath('userData'), name);
const errorLog = createErrorLog(userFile('logs'));

function dataFlag(argv: string[]): string | null {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values.data === 'string' ? values.data : null;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

let core: NotebookCore | null = null;
let mainWindow: BrowserWindow | null = null;

/** Logs an error to the rotating log and shows it as a message (never a blank window). */
function reportError(source: string, error: unknown, title: string): void {
  void errorLog.write(source, error);
  const message = error instanceof Error ? error.message : String(error);
  if (app.isReady()) dialog.showErrorBox(title, `${message}\n\nDetails are in ${errorLog.file}.`);
}

/** Imports files (from a second launch, or File ▸ Import Files…); the library updates by its change events. */
async function importPaths(files: string[]): Promise<void> {
  if (!core || files.length === 0) return;
  const failed: string[] = [];
  for (const file of files) {
    try {
      const data = await readFile(file);
      await core.handlers.importFile({ name: path.basename(file), dataBase64: data.toString('base64') });
    } catch (error) {
      failed.push(`${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
      // A full disk refuses every later file too.
      if ((error as { code?: unknown }).code === 'disk-full') break;
    }
  }
  if (failed.length && mainWindow) {
    await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: `${failed.length} of ${files.length} files could not be imported`,
      detail: failed.join('\n'),
    });
  }
}

/** Opens another notebook: the app restarts on it (one notebook per window, one writer per notebook). */
function switchTo(dir: string): void {
  const args = process.argv.slice(1).filter((arg, i, all) => arg !== '--data' && all[i - 1] !== '--data' && !arg.startsWith('--data='));
  app.relaunch({ args: [...args, '--data', dir] });
  app.quit();
}

async function start(): Promise<void> {
  nativeTheme.themeSource = 'system';
  hardenSession();
  serveAppProtocol(path.dirname(paths.rendererIndex));
  const dir = path.resolve(resolveDataDir({ flag: dataFlag(process.argv.slice(1)), fallback: path.join(app.getPath('userData'), 'notebook') }));
  core = await openNotebookCore(dir, {
    resourcesDir: path.join(appRoot, 'resources'),
    create: true,
    sample: true,
    pdfPrinter: createElectronPrinter(),
    // Electron's own Node has node:sqlite (FTS5 included): no native module built for Electron's ABI.
    searchDatabase: nodeSqliteDriver(),
  });
  const recent = withRecent(parseRecent(readText(userFile('recent-notebooks.json'))), dir);
  writeFileSync(userFile('recent-notebooks.json'), `${JSON.stringify(recent, null, 2)}\n`);
  app.addRecentDocument(dir);
  installMenu({
    recent,
    currentDir: dir,
    openRecent: (other) => other !== dir && switchTo(other),
    openNotebook: () => {
      void dialog
        .showOpenDialog({ title: 'Open a notebook folder', properties: ['openDirectory', 'createDirectory'], buttonLabel: 'Open Notebook' })
        .then(({ canceled, filePaths: [chosen] }) => !canceled && chosen && chosen !== dir && switchTo(chosen));
    },
    importFiles: () => {
      void dialog
        .showOpenDialog({
          title: 'Import files',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] }],
        })
        .then(({ canceled, filePaths }) => (canceled ? undefined : importPaths(filePaths)));
    },
    showErrorLog: () =>
      existsSync(errorLog.file) ? shell.showItemInFolder(errorLog.file) : void dialog.showMessageBox({ message: 'No errors have been logged.' }),
  });
  // Git tokens for sync: encrypted with the system keychain's key, in userData, never in the notebook.
  const credentials = new CredentialStore(userFile('git-credentials.json'), safeStorage);
  registerIpc({ ...core, handlers: withStoredCredentials(core.handlers, credentials) }, makeTrustedUrlCheck());
  const state = parseWindowState(
    readText(userFile('window-state.json')),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = createMainWindow(paths, state);
  // The first search and the first Positions map find the index and the digest ready.
  void core.warmUp();
  mainWindow = window;
  forwardChanges(core, window.webContents);
  window.on('close', () => {
    try {
      writeFileSync(userFile('window-state.json'), serializeWindowState(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      void errorLog.write('main', error);
    }
  });
  window.on('closed', () => (mainWindow = null));
  const contents = window.webContents;
  contents.on('console-message', (details) => {
    if (details.level === 'error') void errorLog.write('renderer', details.message);
  });
  contents.on('preload-error', (_event, preloadPath, error) =>
    reportError('preload', error, `Stancebook’s window could not start (${path.basename(preloadPath)})`),
  );
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    reportError(
      'renderer',
      new Error(`the window's process ended (${details.reason}, exit code ${details.exitCode})`),
      'Stancebook’s window stopped; it will be reloaded',
    );
    if (!window.isDestroyed()) window.reload();
  });
  await importPaths(filesToImport(process.argv.slice(1), process.cwd(), existsSync));
}

// app:// must be declared before the app is ready.
registerAppScheme();

// One writer per notebook: a second launch hands over to the first window (with any files it
// was given to import) and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    void importPaths(filesToImport(argv.slice(1), cwd, existsSync));
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      reportError('main', error, 'Stancebook could not start');
      app.exit(1);
    });
  process.on('uncaughtException', (error) => reportError('main', error, 'Stancebook hit an error'));
  process.on('unhandledRejection', (error) => reportError('main', error, 'Stancebook hit an error'));
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
}
