import type { Services } from '../services';
import type { Handlers } from './handle';

export const portfolioHandlers = (services: Services) =>
  ({
    'portfolio.get': () => services.portfolio.get(),
    'refresh.run': (input) => services.refresh.run(input?.chains),
  }) satisfies Partial<Handlers>;
