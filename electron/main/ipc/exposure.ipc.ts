import type { Services } from '../services';
import type { Handlers } from './handle';

export const exposureHandlers = (services: Services) =>
  ({
    'exposure.get': () => services.exposure.get(),
    'exposure.stress': (scenario) => services.exposure.stress(scenario),
    'exposure.saveScenario': (scenario) => services.exposure.saveScenario(scenario),
    'exposure.resolveNames': () => services.exposure.resolveNames(),
  }) satisfies Partial<Handlers>;
