/** Builds every use-case over one context; IPC, browser mode and CLI all call these. */
import type { AppInfo } from '../../../shared/ipc/schemas';
import { createContext, type AppContext, type ContextOptions } from './context';
import { createPortfolioService } from './portfolio.service';
import { createRefreshService } from './refresh.service';
import { createSettingsService } from './settings.service';
import { createWalletsService } from './wallets.service';
import { createYieldService } from './yield.service';
import { createExposureService } from './exposure.service';
import { createCandlesService } from './candles.service';
import { createBackupService } from './backup.service';
import { createRetentionService } from './retention.service';
import { createHistoryService } from './history.service';
import { createExportService } from './export.service';
import { createRiskService } from './risk.service';

export const APP_VERSION = '0.1.0';

export function createServices(ctx: AppContext) {
  const settings = createSettingsService(ctx);
  const portfolio = createPortfolioService(ctx);
  const refresh = createRefreshService(ctx, settings);
  const exposure = createExposureService(ctx, portfolio, settings);
  const history = createHistoryService(ctx);
  return {
    ctx,
    settings,
    wallets: createWalletsService(ctx, settings),
    refresh,
    portfolio,
    yield: createYieldService(ctx, portfolio, () => settings.get().yieldReference),
    exposure,
    candles: createCandlesService(ctx, () => settings.get().candleSource),
    backup: createBackupService(ctx, refresh),
    retention: createRetentionService(ctx, refresh.isRunning),
    history,
    export: createExportService(ctx, history, exposure),
    risk: createRiskService(ctx, portfolio, exposure),
    info: (): AppInfo => ({ mode: ctx.mode, version: APP_VERSION, dataDir: ctx.dataDir, schemaVersion: ctx.schemaVersion() }),
  };
}

export type Services = ReturnType<typeof createServices>;

export function openApp(options: ContextOptions): Services {
  return createServices(createContext(options));
}
