/**
 * viem clients for the EVM chains: HTTP transports with JSON-RPC batching, retry with
 * backoff (viem honours Retry-After and retries 429/5xx/timeouts), and a fallback list in
 * the order the user set. Every HTTP request is counted, for progress and the benchmark.
 */
import { createPublicClient, fallback, http, type PublicClient } from 'viem';
import { arbitrum, base, mainnet } from 'viem/chains';
import { CHAINS, type ChainId } from '../../../../shared/registry/chains';
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
}

export interface EvmClient {
  chain: ChainId;
  client: PublicClient;
  stats: RequestStats;
  onMulticall?: EvmClientOptions['onMulticall'];
}

export function createEvmClient(chain: ChainId, urls: readonly string[], options: EvmClientOptions = {}): EvmClient {
  if (urls.length === 0) throw new Error(`No RPC URL configured for ${CHAINS[chain].name}`);
  const { batchSize = 20, retryCount = 3, timeoutMs = 15_000 } = options;
  const stats: RequestStats = { httpRequests: 0, lastUrl: null };
  const transports = urls.map((url) =>
    http(url, {
      batch: batchSize > 1 ? { batchSize, wait: 0 } : false,
      retryCount,
      retryDelay: 250,
      timeout: timeoutMs,
      fetchFn: options.fetchFn,
      onFetchRequest: () => {
        stats.httpRequests += 1;
      },
      onFetchResponse: () => {
        stats.lastUrl = url;
      },
    }),
  );
  const client = createPublicClient({
    chain: VIEM_CHAINS[chain],
    transport: transports.length === 1 ? transports[0]! : fallback(transports, { rank: false }),
    // Multicall batching is done explicitly in balances.ts, chunk by chunk.
    batch: { multicall: false },
  });
  return { chain, client: client as PublicClient, stats, onMulticall: options.onMulticall };
}
