import type { Services } from '../services';
import type { Handlers } from './handle';

export const historyHandlers = (services: Services) =>
  ({
    'history.timeline': () => services.history.timeline(),
    'history.compare': ({ from, to }) => services.history.compare(from, to),
    'export.build': (input) => services.export.build(input),
  }) satisfies Partial<Handlers>;
