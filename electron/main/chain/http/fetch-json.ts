/**
 * A JSON request through the shared retry rule (http-retry.ts), for the Solana RPC and Jito
 * adapters: 429 and 5xx retried with Retry-After honoured (bounded); what is still a 429 or a
 * 5xx after the last attempt, any other failing status, and a body that is not JSON are clear
 * errors naming the service. The body is returned unvalidated: callers check its shape.
 */
import { requestWithRetry, type HttpOptions } from './http-retry';

export type { HttpOptions } from './http-retry';

export class HttpApiError extends Error {}

export interface HttpRequest {
  /** Names the service in errors, e.g. "Solana RPC" or "Jito stake_pool_stats". */
  service: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Statuses whose body is still wanted (e.g. Jito answers an empty window with a 500). */
  acceptStatuses?: readonly number[];
  /** How to turn the body text into a value (default JSON.parse). */
  parse?: (text: string) => unknown;
}

/** Fewer, shorter retries than the Bitcoin adapters: a refresh makes many of these calls. */
const DEFAULTS: HttpOptions = { retries: 2, baseDelayMs: 250 };

export async function fetchJson(request: HttpRequest, options: HttpOptions = {}): Promise<{ status: number; body: unknown }> {
  const host = new URL(request.url).host;
  const accepted = request.acceptStatuses ?? [];
  const reply = await requestWithRetry(
    { url: request.url, accept: 'application/json', method: request.method, body: request.body, noRetry: accepted },
    { ...DEFAULTS, ...options },
    (detail) => new HttpApiError(`${request.service} unreachable (${host}): ${detail}`),
  );
  if (!reply.ok && !accepted.includes(reply.status)) {
    if (reply.status === 429 || reply.status >= 500) {
      const what = reply.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${reply.status}`;
      throw new HttpApiError(`${request.service} at ${host}: ${what} after ${reply.attempts} attempts`);
    }
    throw new HttpApiError(`${request.service} at ${host} answered HTTP ${reply.status}`);
  }
  try {
    return { status: reply.status, body: (request.parse ?? JSON.parse)(reply.text) };
  } catch {
    throw new HttpApiError(`${request.service} at ${host} sent a body that is not JSON`);
  }
}
