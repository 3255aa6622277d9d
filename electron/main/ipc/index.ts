/** All handler maps merged into one; the type checker insists every channel has a handler. */
import type { Services } from '../services';
import { createDispatcher, type Dispatch, type Handlers } from './handle';
import { portfolioHandlers } from './portfolio.ipc';
import { settingsHandlers } from './settings.ipc';
import { walletsHandlers } from './wallets.ipc';
import { yieldHandlers } from './yield.ipc';
import { exposureHandlers } from './exposure.ipc';
import { chartsHandlers } from './charts.ipc';
import { backupHandlers } from './backup.ipc';
import { historyHandlers } from './history.ipc';
import { riskHandlers } from './risk.ipc';

export function createHandlers(services: Services): Handlers {
  return {
    ...walletsHandlers(services),
    ...portfolioHandlers(services),
    ...settingsHandlers(services),
    ...yieldHandlers(services),
    ...exposureHandlers(services),
    ...chartsHandlers(services),
    ...backupHandlers(services),
    ...historyHandlers(services),
    ...riskHandlers(services),
  } satisfies Handlers;
}

export function createAppDispatcher(services: Services): Dispatch {
  return createDispatcher(createHandlers(services));
}
