/** Electron entry: app lifecycle only. Services, IPC and security live in their own modules. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { openAppHost } from './app-host';
import { contextOverrides, parseGlobalOptions } from './options';
import { createMainWindow, registerAppScheme, serveRenderer, trustedOrigins } from './window';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from '../preload/channels';

const here = path.dirname(fileURLToPath(import.meta.url));
registerAppScheme();

/** better-sqlite3 built for Electron's ABI by `npm run electron:native` (dev only; packaged apps are rebuilt by electron-builder). */
function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(app.getAppPath(), '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    return trustedOrigins().includes(new URL(url).origin);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  const options = parseGlobalOptions(process.argv.slice(app.isPackaged ? 1 : 2));
  // A database that cannot be opened starts recovery mode: the renderer gets RECOVERY from app.info
  // and can restore a backup over recovery.status / recovery.restore, then the app runs normally.
  const host = openAppHost({
    ...contextOverrides(options),
    mode: 'electron',
    nativeBinding: electronSqliteBinding(),
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC from an untrusted frame' } };
    return host.dispatch(String(channel), input);
  });
  serveRenderer(path.join(here, '../renderer'));
  const window = createMainWindow(path.join(here, '../preload/index.cjs'));
  const unsubscribe = host.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  app.on('window-all-closed', () => {
    unsubscribe();
    host.close();
    app.quit();
  });
}

main().catch((cause: unknown) => {
  // A database from a newer version, an unreadable file or a bad --rpc: say so, never crash-loop.
  dialog.showErrorBox('Slashboard cannot start', cause instanceof Error ? cause.message : String(cause));
  app.exit(1);
});
