/** Electron entry: app lifecycle only. Services, IPC and security live in their own modules. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain } from 'electron';
import { openAppHost, type AppHost } from './app-host';
import { contextOverrides, parseGlobalOptions } from './options';
import { createMainWindow, hardenApp, registerAppScheme, serveRenderer, trustedOrigins } from './window';
import { guardedInvokeHandler } from './security';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import { installAppMenu } from './app-menu';
import { log, logUncaught, startLogging } from './logging';
import { APP_VERSION } from './services';
import { smokeCheck } from './smoke';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `--smoke` (packaged-build check, docs/shipping.md): open the database, print OK and exit; no window. */
const smoke = process.argv.includes('--smoke');
registerAppScheme();
logUncaught({ rejections: true });

/** better-sqlite3 built for Electron's ABI by `npm run electron:native` (dev only; packaged apps are rebuilt by electron-builder). */
function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(app.getAppPath(), '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

async function main(): Promise<void> {
  if (!smoke && !app.requestSingleInstanceLock()) return app.quit();
  hardenApp();
  await app.whenReady();
  const options = parseGlobalOptions(process.argv.slice(app.isPackaged ? 1 : 2));
  let host: AppHost | null = null;
  startLogging(options.dataDir, { fullAddresses: () => host?.services()?.settings.logFullAddresses() ?? false });
  log.info('app.start', { version: APP_VERSION, mode: 'electron', packaged: app.isPackaged, smoke, electron: process.versions.electron, chrome: process.versions.chrome, platform: process.platform, arch: process.arch, dataDir: options.dataDir });
  // A database that cannot be opened starts recovery mode: the renderer gets RECOVERY from app.info
  // and can restore a backup over recovery.status / recovery.restore, then the app runs normally.
  host = openAppHost({
    ...contextOverrides(options),
    mode: 'electron',
    nativeBinding: electronSqliteBinding(),
  });
  const recovery = host.recovery();
  if (recovery) log.error('app.recovery', { error: recovery.error.message });
  if (smoke) {
    const result = await smokeCheck(host, [path.join(here, '../renderer/index.html'), path.join(here, '../preload/index.cjs')]);
    log.info('app.smoke', { ok: result.ok, line: result.line });
    process.stdout.write(`${result.line}\n`);
    host.close();
    return app.exit(result.ok ? 0 : 1);
  }
  installAppMenu(options.dataDir);
  // Every IPC message is checked against the sending frame's origin before the channel is looked at.
  ipcMain.handle(INVOKE_CHANNEL, guardedInvokeHandler(host.dispatch, trustedOrigins));
  serveRenderer(path.join(here, '../renderer'));
  const window = createMainWindow(path.join(here, '../preload/index.cjs'));
  const unsubscribe = host.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  app.on('window-all-closed', () => {
    unsubscribe();
    host?.close();
    log.info('app.quit');
    app.quit();
  });
}

main().catch((cause: unknown) => {
  log.error('app.start-failed', { error: cause });
  if (smoke) {
    process.stdout.write(`FAIL ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return app.exit(1);
  }
  // A database from a newer version, an unreadable file or a bad --rpc: say so, never crash-loop.
  dialog.showErrorBox('Slashboard cannot start', cause instanceof Error ? cause.message : String(cause));
  app.exit(1);
});
