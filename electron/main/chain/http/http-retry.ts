/**
 * The one HTTP retry rule of the non-EVM adapters (Solana RPC, Jito, Esplora, Babylon): a
 * request with a timeout, retried on 429, 5xx and network failures with exponential
 * backoff. A Retry-After header (delta-seconds or HTTP-date, RFC 9110 §10.2.3) is honoured
 * but never beyond maxWaitMs, so a hostile or confused server cannot stall a refresh. The
 * final reply is returned whatever its status: each adapter words its own errors.
 */

export interface HttpOptions {
  fetchFn?: typeof fetch;
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Extra attempts after the first. */
  retries?: number;
  /** Longest single wait between attempts. */
  maxWaitMs?: number;
  /** First backoff when the server gives no Retry-After; doubled each attempt. */
  baseDelayMs?: number;
  onRequest?: (url: string) => void;
}

export interface HttpReply {
  status: number;
  ok: boolean;
  contentType: string;
  text: string;
  attempts: number;
}

export const HTTP_DEFAULTS = { timeoutMs: 15_000, retries: 3, maxWaitMs: 30_000, baseDelayMs: 500 } as const;

export interface RetriedRequest {
  url: string;
  accept: string;
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  /** 5xx statuses that are an answer, not a failure (Jito answers an empty window with a 500): not retried. */
  noRetry?: readonly number[];
}

/** Throws only when the server could not be reached (or timed out) on every attempt. */
export async function requestWithRetry(request: RetriedRequest, options: HttpOptions, unreachable: (detail: string) => Error): Promise<HttpReply> {
  const { fetchFn = fetch, timeoutMs = HTTP_DEFAULTS.timeoutMs, retries = HTTP_DEFAULTS.retries, maxWaitMs = HTTP_DEFAULTS.maxWaitMs, baseDelayMs = HTTP_DEFAULTS.baseDelayMs, onRequest } = options;
  const { url, accept, method = 'GET', body, noRetry = [] } = request;
  const init = {
    method,
    headers: { Accept: accept, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  for (let attempt = 0; ; attempt++) {
    const backoff = Math.min(baseDelayMs * 2 ** attempt, maxWaitMs);
    onRequest?.(url);
    let reply: HttpReply;
    try {
      const response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const retryable = (response.status === 429 || response.status >= 500) && !noRetry.includes(response.status);
      if (retryable && attempt < retries) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(Math.min(retryAfterMs(response.headers.get('retry-after')) ?? backoff, maxWaitMs));
        continue;
      }
      reply = { status: response.status, ok: response.ok, contentType: response.headers.get('content-type') ?? '', text: await response.text(), attempts: attempt + 1 };
    } catch (cause) {
      if (attempt < retries) {
        await sleep(backoff);
        continue;
      }
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw unreachable(timedOut ? `timed out after ${timeoutMs} ms` : cause instanceof Error ? causeMessage(cause) : String(cause));
    }
    return reply;
  }
}

/** Milliseconds to wait from a Retry-After value, or null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The first JSON-shaped issue of a zod error, as "path: message". */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function safeJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Short, single-line excerpt of a body for an error message. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function causeMessage(cause: Error): string {
  // undici wraps the socket error ("fetch failed"); its cause says what actually happened.
  const inner = (cause as Error & { cause?: unknown }).cause;
  return inner instanceof Error && inner.message ? `${cause.message} (${inner.message})` : cause.message;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
