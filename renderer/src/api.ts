/**
 * The renderer's one way to reach main: the preload bridge in Electron, or the loopback
 * HTTP server in browser mode. Both speak the same contract and return Result values.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/result';

interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    slashboard?: Bridge;
  }
}

async function invokeHttp(channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  if (response.status === 401) {
    return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Session expired: open the launch URL printed by Slashboard again' } };
  }
  return response.json();
}

export async function invoke<C extends Channel>(channel: C, ...args: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]): Promise<Result<ChannelOutput<C>>> {
  try {
    const bridge = window.slashboard;
    const raw = bridge ? await bridge.invoke(channel, args[0]) : await invokeHttp(channel, args[0]);
    return raw as Result<ChannelOutput<C>>;
  } catch (cause) {
    return { ok: false, error: { code: 'NETWORK', message: `Slashboard's background process is not reachable (${String(cause)})` } };
  }
}

export function onEvent(listener: (event: AppEvent) => void): () => void {
  const bridge = window.slashboard;
  if (bridge) return bridge.onEvent((event) => listener(event as AppEvent));
  const source = new EventSource('/events', { withCredentials: true });
  source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as AppEvent);
  return () => source.close();
}
