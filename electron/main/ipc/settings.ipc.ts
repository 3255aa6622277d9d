import type { Services } from '../services';
import type { Handlers } from './handle';

export const settingsHandlers = (services: Services) =>
  ({
    'app.info': () => services.info(),
    'settings.get': () => services.settings.get(),
    'settings.setRpc': ({ chain, urls }) => services.settings.setRpc(chain, urls),
    'settings.setTheme': ({ theme }) => services.settings.setTheme(theme),
    'settings.setOffline': ({ enabled }) => services.settings.setOffline(enabled),
    'settings.setLogFullAddresses': ({ enabled }) => services.settings.setLogFullAddresses(enabled),
    'settings.setPriceApi': ({ url }) => services.settings.setPriceApi(url),
    'settings.setYieldReference': ({ reference }) => services.settings.setYieldReference(reference),
    'settings.setCandleSource': ({ source }) => services.settings.setCandleSource(source),
  }) satisfies Partial<Handlers>;
