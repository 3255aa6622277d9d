import type { Services } from '../services';
import type { Handlers } from './handle';

export const yieldHandlers = (services: Services) =>
  ({
    'yield.get': () => services.yield.get(),
    'yield.series': ({ rateSymbol, windowDays }) => services.yield.series(rateSymbol, windowDays),
  }) satisfies Partial<Handlers>;
