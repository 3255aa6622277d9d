/**
 * Market prices from the price API for registry tokens without an on-chain market feed.
 * A few requests at a time (the public API limits by IP); one failing token is that rate's
 * error, never the refresh's.
 */
import type { EvmToken } from '../../../../shared/registry/evm-tokens';
import type { RateRead } from '../evm/rates';
import { fetchMarketPrice, type FetchOptions } from './coingecko';

const CONCURRENCY = 3;

export async function readApiMarkets(tokens: readonly EvmToken[], base: string, options: FetchOptions = {}): Promise<RateRead[]> {
  const wanted = tokens.filter((token) => token.chain === 'ethereum' && token.market?.type === 'coingecko');
  const results: RateRead[] = [];
  for (let i = 0; i < wanted.length; i += CONCURRENCY) {
    const batch = wanted.slice(i, i + CONCURRENCY);
    results.push(
      ...(await Promise.all(
        batch.map(async (token): Promise<RateRead> => {
          const id = token.market?.type === 'coingecko' ? token.market.id : '';
          const key = `market:${token.symbol}`;
          const source = `CoinGecko market_chart ${id} in ${token.underlying} (${new URL(base).host})`;
          try {
            const price = await fetchMarketPrice(base, id, token.underlying === 'BTC' ? 'btc' : 'eth', options);
            return { key, value: price.value, decimals: price.decimals, updatedAt: price.updatedAt, source, error: null };
          } catch (cause) {
            return { key, value: null, decimals: 18, updatedAt: null, source, error: (cause as Error).message.slice(0, 300) };
          }
        }),
      )),
    );
  }
  return results;
}
