/**
 * One HTTP JSON request with the retry rules every non-EVM adapter shares: a timeout per
 * attempt, 429 and 5xx retried with Retry-After honoured (bounded), everything else a clear
 * error naming the service. The body is returned unparsed by shape: callers validate it.
 */
export class HttpApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  fetchFn?: typeof fetch;
  timeoutMs?: number;
  /** Most retries after a 429, a 5xx or a network error. */
  retries?: number;
  /** Longest single wait, whatever Retry-After says. */
  maxWaitMs?: number;
  onRequest?: () => void;
}

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitFor(response: Response, attempt: number, maxWaitMs: number): number {
  const after = Number(response.headers.get('retry-after'));
  return Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : 250 * 2 ** attempt, maxWaitMs);
}

export async function fetchJson(request: HttpRequest, options: HttpOptions = {}): Promise<{ status: number; body: unknown }> {
  const { fetchFn = fetch, timeoutMs = 15_000, retries = 2, maxWaitMs = 30_000, onRequest } = options;
  const host = new URL(request.url).host;
  for (let attempt = 0; ; attempt++) {
    onRequest?.();
    let response: Response;
    try {
      response = await fetchFn(request.url, {
        method: request.method ?? 'GET',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
    } catch (cause) {
      if (attempt < retries) {
        await sleep(250 * 2 ** attempt);
        continue;
      }
      const reason = cause instanceof Error && cause.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : cause instanceof Error ? cause.message : String(cause);
      throw new HttpApiError(`${request.service} unreachable (${host}): ${reason}`, null, true);
    }
    const accepted = response.ok || (request.acceptStatuses ?? []).includes(response.status);
    if (!accepted && (response.status === 429 || response.status >= 500)) {
      if (attempt < retries) {
        await sleep(waitFor(response, attempt, maxWaitMs));
        continue;
      }
      const what = response.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${response.status}`;
      throw new HttpApiError(`${request.service} at ${host}: ${what} after ${attempt + 1} attempts`, response.status, true);
    }
    if (!accepted) throw new HttpApiError(`${request.service} at ${host} answered HTTP ${response.status}`, response.status, false);
    const text = await response.text();
    try {
      return { status: response.status, body: (request.parse ?? JSON.parse)(text) as unknown };
    } catch {
      throw new HttpApiError(`${request.service} at ${host} sent a body that is not JSON`, response.status, false);
    }
  }
}
