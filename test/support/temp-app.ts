/** A real Slashboard app (services + dispatcher) over a real SQLite file in a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppDispatcher } from '../../electron/main/ipc';
import { openApp, type Services } from '../../electron/main/services';
import type { ContextOptions } from '../../electron/main/services/context';
import type { Dispatch } from '../../electron/main/ipc/handle';

export interface TempApp {
  dataDir: string;
  services: Services;
  dispatch: Dispatch;
  close(): void;
}

export function makeTempDir(prefix = 'slashboard-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempApp(options: Partial<ContextOptions> = {}): TempApp {
  const dataDir = options.dataDir ?? makeTempDir();
  // Tests never reach the internet: the price API defaults to a dead loopback port.
  const services = openApp({ mode: 'browser', priceApiOverride: 'http://127.0.0.1:9', candlesApiOverride: 'http://127.0.0.1:9', jitoApiOverride: 'http://127.0.0.1:9', babylonApiOverride: 'http://127.0.0.1:9', ...options, dataDir });
  return {
    dataDir,
    services,
    dispatch: createAppDispatcher(services),
    close: () => {
      services.ctx.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
