/**
 * viem clients for the EVM chains: HTTP transports with JSON-RPC batching, retry with
 * backoff (viem honours Retry-After and retries 429/5xx/timeouts), and a fallback list in
 * the order the user set. Every HTTP request is counted, for progress and the benchmark.
 * Two guards against hostile or confused endpoints (docs/faults.md): every URL's chain id is
 * checked before any answer of it is used, and a Retry-After is honoured only up to a bound.
 */
import { createPublicClient, fallback, http, type PublicClient, type Transport } from 'viem';
import { arbitrum, base, mainnet } from 'viem/chains';
import { CHAINS, type ChainId } from '../../../../shared/registry/chains';
import { HTTP_DEFAULTS, retryAfterMs } from '../http/http-retry';
import type { ContractCall } from './multicall';

const VIEM_CHAINS = { ethereum: mainnet, arbitrum, base } as const;

export interface RequestStats {
  httpRequests: number;
  /** The URL of the last HTTP response, to record which endpoint served a snapshot. */
  lastUrl: string | null;
}

export interface EvmClientOptions {
  /** JSON-RPC requests per HTTP batch; 1 turns batching off for endpoints that refuse it. */
  batchSize?: number;
  retryCount?: number;
  timeoutMs?: number;
  /** Benchmarks only: sees every contract call a multicall makes (to replay them one by one). */
  onMulticall?: (calls: readonly ContractCall[], blockNumber: bigint) => void;
  /** The fetch every request goes through (the app passes its offline-mode gate). */
  fetchFn?: typeof fetch;
  /** Longest wait a Retry-After may ask for (viem would wait whatever the server says). */
  maxRetryAfterMs?: number;
}

export interface EvmClient {
  chain: ChainId;
  client: PublicClient;
  stats: RequestStats;
  onMulticall?: EvmClientOptions['onMulticall'];
}

export function createEvmClient(chain: ChainId, urls: readonly string[], options: EvmClientOptions = {}): EvmClient {
  if (urls.length === 0) throw new Error(`No RPC URL configured for ${CHAINS[chain].name}`);
  const { batchSize = 20, retryCount = 3, timeoutMs = 15_000, maxRetryAfterMs = HTTP_DEFAULTS.maxWaitMs } = options;
  const stats: RequestStats = { httpRequests: 0, lastUrl: null };
  const fetchFn = boundedRetryAfter(options.fetchFn ?? fetch, maxRetryAfterMs);
  const transports = urls.map((url, index) =>
    onChain(chain, url, http(url, {
      batch: batchSize > 1 ? { batchSize, wait: 0 } : false,
      retryCount,
      retryDelay: 250,
      timeout: timeoutMs,
      fetchFn,
      onFetchRequest: () => {
        stats.httpRequests += 1;
      },
      onFetchResponse: () => {
        stats.lastUrl = url;
      },
    }), index < urls.length - 1),
  );
  const client = createPublicClient({
    chain: VIEM_CHAINS[chain],
    transport: transports.length === 1 ? transports[0]! : fallback(transports, { rank: false }),
    // Multicall batching is done explicitly in balances.ts, chunk by chunk.
    batch: { multicall: false },
  });
  return { chain, client: client as PublicClient, stats, onMulticall: options.onMulticall };
}

/**
 * EIP-1193 code 4901, "not connected to the requested chain": viem maps it to
 * ChainDisconnectedError, which its fallback passes over to the next URL and does not retry.
 */
class WrongChainError extends Error {
  readonly code = 4901;
}

/**
 * Holds every answer of a URL until that URL's eth_chainId is known to be the chain's. Checking
 * once per refresh at the pinned block is not enough with a fallback list: viem picks the URL per
 * request, so a healthy first URL that hiccups mid-refresh would hand the next calls to a second
 * URL on another chain, and its balances would be stored as this chain's. The check is sent in the
 * same tick as the first request, so it rides in the same HTTP batch. The state lives outside the
 * transport factory because viem's fallback calls the factory again for every request.
 *
 * A URL that stayed unreachable through all its retries is also passed over for the rest of the
 * client's life (one refresh) when a fallback follows it: viem's fallback starts every request at
 * the first URL, so a hanging primary would cost (retries + 1) × timeout on each of a refresh's
 * rounds — minutes with the defaults — before each one reached the healthy second URL.
 */
function onChain(chain: ChainId, url: string, transport: Transport, hasNext: boolean): Transport {
  const expected = CHAINS[chain].evmChainId;
  let verdict: Promise<string> | null = null;
  let passOver: Error | null = null;
  let verified = false;
  return (params) => {
    const inner = transport(params);
    const verify = () =>
      (verdict ??= (inner.request({ method: 'eth_chainId' }) as Promise<string>).then(
        (answer) => {
          if (Number(answer) !== expected) throw (passOver = new WrongChainError(`The RPC endpoint ${new URL(url).host} for ${CHAINS[chain].name} is on chain id ${Number(answer)}, expected ${expected}`));
          verified = true;
          return answer;
        },
        (cause: unknown) => {
          verdict = null; // unreachable is not wrong: ask again next time
          throw cause;
        },
      ));
    const request = async (args: { method: string; params?: unknown }, options?: unknown) => {
      if (passOver) throw passOver;
      if (args.method === 'eth_chainId') return verify();
      try {
        if (verified) return await inner.request(args as never, options as never);
        const [result] = await Promise.all([inner.request(args as never, options as never), verify()]);
        return result;
      } catch (cause) {
        await verdict?.catch(() => undefined); // a wrong chain is the reason to give, whatever else failed
        if (passOver) throw passOver;
        if (hasNext && isUnreachable(cause)) passOver = cause as Error;
        throw cause;
      }
    };
    return { ...inner, request: request as typeof inner.request };
  };
}

/** Timed out, no connection, or still 429/5xx after the retries: the endpoint, not the request. */
function isUnreachable(cause: unknown): boolean {
  const error = cause as { walk?: (fn: (inner: unknown) => boolean) => unknown };
  const down = (inner: unknown) => {
    const { name, status } = (inner ?? {}) as { name?: string; status?: number };
    return name === 'TimeoutError' || name === 'HttpRequestError' || status === 429 || (status !== undefined && status >= 500);
  };
  return typeof error?.walk === 'function' ? Boolean(error.walk(down)) : down(cause);
}

/** Caps a Retry-After header so a hostile or confused endpoint cannot stall a refresh (viem waits whatever it says). */
function boundedRetryAfter(inner: typeof fetch, maxMs: number): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const wait = retryAfterMs(response.headers.get('retry-after'));
    if (wait === null || wait <= maxMs) return response;
    const headers = new Headers(response.headers);
    headers.set('retry-after', String(Math.floor(maxMs / 1000)));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
