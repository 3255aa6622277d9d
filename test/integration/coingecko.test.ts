import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMarketPrice } from '../../electron/main/chain/prices/coingecko';
import { startPriceApiServer, type PriceApiServer } from '../support/price-api-server';

let api: PriceApiServer;
beforeAll(async () => {
  api = await startPriceApiServer();
});
afterAll(() => api.close());

describe('CoinGecko market_chart adapter', () => {
  it('takes the latest price point in ETH, as an 18-decimal integer, with its time', async () => {
    api.setPrice('wrapped-eeth', 1.0612345678901234, 1_790_000_000_000);
    const price = await fetchMarketPrice(api.url, 'wrapped-eeth', 'eth');
    expect(price).toEqual({ value: 1_061_234_567_890_123_400n, decimals: 18, updatedAt: 1_790_000_000 });
    expect(api.requests.at(-1)).toBe('/coins/wrapped-eeth/market_chart?vs_currency=eth&days=1');
  });

  it('waits out a 429 with Retry-After, then reads the price', async () => {
    api.setStatus('renzo-restaked-eth', 429, 1);
    setTimeout(() => api.setPrice('renzo-restaked-eth', 0.9876, 1_790_000_100_000), 300);
    const started = Date.now();
    const price = await fetchMarketPrice(api.url, 'renzo-restaked-eth', 'eth', { retries: 2 });
    expect(price.value).toBe(987_600_000_000_000_000n);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up with a clear error after repeated server errors or on a 404', async () => {
    api.setStatus('kelp-dao-restaked-eth', 503);
    await expect(fetchMarketPrice(api.url, 'kelp-dao-restaked-eth', 'eth', { retries: 1, maxWaitMs: 10 })).rejects.toThrow('CoinGecko answered HTTP 503 for kelp-dao-restaked-eth');
    await expect(fetchMarketPrice(api.url, 'no-such-coin', 'eth')).rejects.toThrow('CoinGecko answered HTTP 404 for no-such-coin');
  });

  it('refuses bodies that are not the documented shape', async () => {
    const odd = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(req.url?.includes('truncated') ? '{"prices": [[17' : JSON.stringify({ prices: [[1711843200000, -1]] }));
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
    await expect(fetchMarketPrice(base, 'negative', 'eth')).rejects.toThrow('CoinGecko sent an unexpected market_chart shape for negative');
    await expect(fetchMarketPrice(base, 'truncated', 'eth')).rejects.toThrow('CoinGecko sent a body that is not JSON for truncated');
    odd.close();
  });
});
