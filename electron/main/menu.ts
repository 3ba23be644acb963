import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';

/** What the File and Help menus do: the main process passes them in (menu.ts only builds). */
export interface MenuActions {
  recent: string[];
  currentDir: string;
  openNotebook(): void;
  openRecent(dir: string): void;
  importFiles(): void;
  showErrorLog(): void;
}

/**
 * The application menu with the usual items and shortcuts: File (open another notebook, open a
 * recent one, import files, close, quit), Edit, View, Window and Help. The renderer keeps its
 * own in-page shortcuts; the menu adds what needs the desktop (native dialogs, other notebooks).
 */
export function installMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = actions.recent.length
    ? actions.recent.map((dir) => ({
        label: `${path.basename(dir)} — ${dir}`,
        type: 'checkbox' as const,
        checked: dir === actions.currentDir,
        click: () => actions.openRecent(dir),
      }))
    : [{ label: 'No recent notebooks', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openNotebook() },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools', visible: !app.isPackaged },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Show the Error Log', click: () => actions.showErrorLog() }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
