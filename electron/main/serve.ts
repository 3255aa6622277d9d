/**
 * Browser mode entry: the main-process services and handlers behind a loopback HTTP server,
 * for machines where the Electron binary is not available (and for end-to-end tests).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppHost, type AppHost } from './app-host';
import { contextOverrides, parseGlobalOptions } from './options';
import { startServer } from './server/server';
import { addLogSecret, log, logUncaught, startLogging } from './logging';
import { APP_VERSION } from './services';

export async function serve(argv: readonly string[]): Promise<void> {
  const options = parseGlobalOptions(argv);
  let host: AppHost | null = null;
  startLogging(options.dataDir, { fullAddresses: () => host?.services()?.settings.logFullAddresses() ?? false });
  logUncaught();
  log.info('app.start', { version: APP_VERSION, mode: 'browser', node: process.versions.node, platform: process.platform, arch: process.arch, dataDir: options.dataDir });
  // A database that cannot be opened starts recovery mode (app.info answers RECOVERY), never a crash.
  host = openAppHost({ ...contextOverrides(options), mode: 'browser' });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const server = await startServer({
    dispatch: host.dispatch,
    events: host,
    staticDir: process.env.SLASHBOARD_RENDERER_DIR ?? path.join(here, '../renderer'),
    port: options.port,
  });
  // The launch token never reaches the log, whatever is logged later (docs/shipping.md#logs).
  addLogSecret(server.token);
  log.info('server.listening', { port: new URL(server.launchUrl).port });
  console.log(`Slashboard (browser mode) is serving ${options.dataDir}`);
  const recovery = host.recovery();
  if (recovery) {
    console.error(`Slashboard is in recovery mode: ${recovery.error.message}`);
    log.error('app.recovery', { error: recovery.error.message });
  }
  console.log(`Open: ${server.launchUrl}`);
  const stop = () => {
    void server.close().then(() => {
      log.info('app.quit');
      host?.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

serve(process.argv.slice(2)).catch((cause: unknown) => {
  log.error('app.start-failed', { error: cause });
  console.error(`slashboard: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
});
