/**
 * Browser mode entry: the main-process services and handlers behind a loopback HTTP server,
 * for machines where the Electron binary is not available (and for end-to-end tests).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppDispatcher } from './ipc';
import { openApp } from './services';
import { contextOverrides, parseGlobalOptions } from './options';
import { startServer } from './server/server';

export async function serve(argv: readonly string[]): Promise<void> {
  const options = parseGlobalOptions(argv);
  const services = openApp({ ...contextOverrides(options), mode: 'browser' });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const server = await startServer({
    dispatch: createAppDispatcher(services),
    events: services.ctx.events,
    staticDir: process.env.SLASHBOARD_RENDERER_DIR ?? path.join(here, '../renderer'),
    port: options.port,
  });
  console.log(`Slashboard (browser mode) is serving ${options.dataDir}`);
  console.log(`Open: ${server.launchUrl}`);
  const stop = () => {
    void server.close().then(() => {
      services.ctx.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

serve(process.argv.slice(2)).catch((cause: unknown) => {
  console.error(`slashboard: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
});
