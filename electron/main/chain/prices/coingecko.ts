/**
 * Market prices in ETH, BTC or USD from CoinGecko's `GET /coins/{id}/market_chart`
 * (docs.coingecko.com/reference/coins-id-market-chart; shape in ../shared/api-shapes/
 * market-candles.md §4: `{ prices: [[ms, price]], market_caps, total_volumes }`). The latest
 * point is the price; its time is kept so a stale price is never shown as current.
 */
import { z } from 'zod';
import { parseDecimal } from '../../../../shared/domain/amount';

export const DEFAULT_COINGECKO_BASE = 'https://api.coingecko.com/api/v3';

const point = z.tuple([z.number().int().positive(), z.number().positive().finite()]);
const marketChart = z.object({ prices: z.array(point).min(1) });

export interface ApiPrice {
  value: bigint;
  decimals: number;
  /** unix seconds of the price point */
  updatedAt: number;
}

export interface FetchOptions {
  fetchFn?: typeof fetch;
  timeoutMs?: number;
  /** Most retries after 429 or 5xx; Retry-After is honoured up to maxWaitMs. */
  retries?: number;
  maxWaitMs?: number;
  onRequest?: () => void;
}

const DECIMALS = 18;

export async function fetchMarketPrice(base: string, id: string, vsCurrency: 'eth' | 'btc' | 'usd', options: FetchOptions = {}): Promise<ApiPrice> {
  const { fetchFn = fetch, timeoutMs = 15_000, retries = 2, maxWaitMs = 30_000, onRequest } = options;
  const url = `${base.replace(/\/+$/, '')}/coins/${encodeURIComponent(id)}/market_chart?vs_currency=${vsCurrency}&days=1`;
  for (let attempt = 0; ; attempt++) {
    onRequest?.();
    const response = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: 'application/json' } });
    const retryable = response.status === 429 || response.status >= 500;
    if (retryable && attempt < retries) {
      const after = Number(response.headers.get('Retry-After'));
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : 500 * 2 ** attempt, maxWaitMs)));
      continue;
    }
    if (!response.ok) throw new Error(`CoinGecko answered HTTP ${response.status} for ${id}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Error(`CoinGecko sent a body that is not JSON for ${id}`);
    }
    const parsed = marketChart.safeParse(body);
    if (!parsed.success) throw new Error(`CoinGecko sent an unexpected market_chart shape for ${id}`);
    const [ms, price] = parsed.data.prices.at(-1)!;
    return { value: parseDecimal(String(price), DECIMALS), decimals: DECIMALS, updatedAt: Math.floor(ms / 1000) };
  }
}
