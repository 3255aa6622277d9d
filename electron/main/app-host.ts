/**
 * What the Electron window and the browser-mode server talk to: the app's dispatcher and
 * events, or, when the database could not be opened, the recovery dispatcher until a backup
 * is restored; then the same dispatch function starts serving the normal app.
 */
import { createAppDispatcher } from './ipc';
import { createRecoveryDispatcher } from './ipc/recovery.ipc';
import type { Dispatch } from './ipc/handle';
import type { Services } from './services';
import type { Listener } from './services/event-bus';
import type { ContextOptions } from './services/context';
import { openAppOrRecovery, type Recovery } from './services/recovery';

export interface AppHost {
  dispatch: Dispatch;
  /** Events of whichever app is live (none in recovery mode). */
  subscribe(listener: Listener): () => void;
  /** Null in recovery mode. */
  services(): Services | null;
  /** Set while in recovery mode. */
  recovery(): Recovery | null;
  close(): void;
}

export function openAppHost(options: ContextOptions): AppHost {
  const opened = openAppOrRecovery(options);
  const listeners = new Set<Listener>();
  let live: { services: Services; dispatch: Dispatch; unsubscribe: () => void } | null = null;
  const attach = (services: Services) => {
    const unsubscribe = services.ctx.events.subscribe((event) => {
      for (const listener of listeners) listener(event);
    });
    live = { services, dispatch: createAppDispatcher(services), unsubscribe };
  };
  let recovery: Dispatch | null = null;
  if (opened.kind === 'app') attach(opened.services);
  else {
    recovery = createRecoveryDispatcher(opened.recovery, ({ services }) => {
      attach(services);
      for (const what of ['wallets', 'portfolio', 'settings'] as const) services.ctx.events.emit('data.changed', { what });
    });
  }
  return {
    dispatch: (channel, input) => (live ? live.dispatch(channel, input) : recovery!(channel, input)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services: () => live?.services ?? null,
    recovery: () => (live === null && opened.kind === 'recovery' ? opened.recovery : null),
    close: () => {
      live?.unsubscribe();
      live?.services.ctx.close();
    },
  };
}
