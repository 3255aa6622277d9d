/** Installs the application menu (menu.ts) and the About dialog in the Electron app. */
import fs from 'node:fs';
import { Menu, app, dialog, shell } from 'electron';
import { aboutDetail, menuTemplate } from './menu';
import { APP_VERSION } from './services';
import { log, logsDir } from './logging';

export function installAppMenu(dataDir: string): void {
  const logs = logsDir(dataDir);
  const open = (folder: string) => {
    fs.mkdirSync(folder, { recursive: true });
    void shell.openPath(folder).then((error) => {
      if (error) log.warn('menu.open-folder', { folder, error });
    });
  };
  const template = menuTemplate(
    { productName: 'Slashboard', platform: process.platform, development: !app.isPackaged },
    {
      openDataFolder: () => open(dataDir),
      openLogsFolder: () => open(logs),
      showAbout: () => {
        const detail = aboutDetail({
          productName: 'Slashboard',
          version: APP_VERSION,
          electron: process.versions.electron ?? '?',
          chrome: process.versions.chrome ?? '?',
          node: process.versions.node,
          dataDir,
          logsDir: logs,
        });
        void dialog.showMessageBox({ type: 'info', title: 'About Slashboard', message: 'Slashboard', detail, buttons: ['Open Data Folder', 'OK'], defaultId: 1, cancelId: 1 }).then(({ response }) => {
          if (response === 0) open(dataDir);
        });
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
