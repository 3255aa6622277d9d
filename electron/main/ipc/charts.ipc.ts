import type { Services } from '../services';
import type { Handlers } from './handle';
import { portfolioValueHistory } from '../services/value-history';

export const chartsHandlers = (services: Services) =>
  ({
    'charts.get': ({ market, interval, limit }) => services.candles.get(market, interval, limit),
    'charts.refresh': ({ market, interval }) => services.candles.refresh(market, interval),
    'charts.premium': ({ symbol }) => services.candles.premium(symbol),
    'charts.portfolioValue': () => portfolioValueHistory(services.ctx),
  }) satisfies Partial<Handlers>;
