import type { Services } from '../services';
import type { Handlers } from './handle';

export const riskHandlers = (services: Services) =>
  ({
    'risk.get': () => services.risk.get(),
    'risk.dismissAlert': ({ id }) => services.risk.dismissAlert(id),
  }) satisfies Partial<Handlers>;
