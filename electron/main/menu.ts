/**
 * The application menu as data: a pure function of what the app is and what the items do, so
 * tests can read it without Electron. app-menu.ts builds the real menu from it.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInfo {
  productName: string;
  platform: NodeJS.Platform;
  /** Reload and developer tools appear only in development (not packaged). */
  development: boolean;
}

export interface MenuActions {
  openDataFolder(): void;
  openLogsFolder(): void;
  showAbout(): void;
}

export interface AboutInfo {
  productName: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  dataDir: string;
  logsDir: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(info: MenuInfo, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = info.platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${info.productName}`, click: () => actions.showAbout() };
  const openData: MenuItemConstructorOptions = { id: 'open-data-folder', label: 'Open Data Folder', click: () => actions.openDataFolder() };
  const openLogs: MenuItemConstructorOptions = { id: 'open-logs-folder', label: 'Open Logs Folder', click: () => actions.openLogsFolder() };
  return [
    // macOS puts About and Quit in the menu named after the app.
    ...(mac
      ? [{ label: info.productName, submenu: [about, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    { label: 'File', submenu: [openData, separator, mac ? { role: 'close' } : { id: 'quit', role: 'quit', label: 'Quit' }] },
    // Without an Edit menu, copy and paste do not work in text fields on macOS.
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        ...(info.development ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [about, separator, openLogs, openData] },
  ];
}

/** The About dialog's text: what a bug report needs to say which build it is about. */
export function aboutDetail(about: AboutInfo): string {
  return [
    `Version ${about.version}`,
    `Electron ${about.electron} · Chromium ${about.chrome} · Node ${about.node}`,
    '',
    `Data folder: ${about.dataDir}`,
    `Logs: ${about.logsDir} (attach slashboard.log to a bug report; addresses are shortened)`,
  ].join('\n');
}
