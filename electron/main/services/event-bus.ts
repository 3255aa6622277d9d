/** Typed main → renderer events; Electron windows and browser-mode event streams subscribe. */
import type { AppEvent, EventName, EventPayload } from '../../../shared/ipc/events';

export type Listener = (event: AppEvent) => void;

export function createEventBus() {
  const listeners = new Set<Listener>();
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      const event = { name, payload } as AppEvent; // sound: E ties name and payload together
      for (const listener of listeners) listener(event);
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
