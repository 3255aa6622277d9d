import type { Services } from '../services';
import type { Handlers } from './handle';

export const walletsHandlers = (services: Services) =>
  ({
    'wallets.list': () => services.wallets.list(),
    'wallets.add': ({ input, label }) => services.wallets.add(input, label),
    'wallets.import': ({ text }) => services.wallets.importText(text),
    'wallets.rename': ({ id, label }) => services.wallets.rename(id, label),
    'wallets.remove': ({ id }) => services.wallets.remove(id),
  }) satisfies Partial<Handlers>;
