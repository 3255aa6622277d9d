/**
 * A loopback stand-in for CoinGecko's `GET /coins/{id}/market_chart`, answering in the
 * documented shape (../shared/api-shapes/coingecko.market-chart.example.json: `prices`,
 * `market_caps`, `total_volumes`, each `[[ms, number]]`). Tests set the latest price per id,
 * or an HTTP status to answer with.
 */
import http from 'node:http';
import { listenLoopback } from './loopback';

export interface PriceApiServer {
  url: string;
  requests: string[];
  setPrice(id: string, price: number, atMs: number): void;
  setStatus(id: string, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function startPriceApiServer(): Promise<PriceApiServer> {
  const prices = new Map<string, { price: number; atMs: number }>();
  const statuses = new Map<string, { status: number; retryAfter?: number }>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const match = /^\/coins\/([a-z0-9-]+)\/market_chart$/.exec(url.pathname);
    const id = match?.[1];
    const forced = id ? statuses.get(id) : undefined;
    if (forced) {
      res.writeHead(forced.status, { 'Content-Type': 'application/json', ...(forced.retryAfter ? { 'Retry-After': String(forced.retryAfter) } : {}) });
      return void res.end(JSON.stringify({ status: { error_code: forced.status, error_message: 'forced by test' } }));
    }
    const point = id ? prices.get(id) : undefined;
    if (!point || !url.searchParams.get('vs_currency')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'coin not found' }));
    }
    const earlier = point.atMs - 3_600_000;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        prices: [[earlier, point.price * 0.999], [point.atMs, point.price]],
        market_caps: [[earlier, 1_370_247_487_960.09], [point.atMs, 1_401_370_211_582.37]],
        total_volumes: [[earlier, 16_408_802_301.8374], [point.atMs, 19_723_005_998.215]],
      }),
    );
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    requests,
    setPrice: (id, price, atMs) => {
      statuses.delete(id);
      prices.set(id, { price, atMs });
    },
    setStatus: (id, status, retryAfter) => statuses.set(id, { status, retryAfter }),
    close,
  };
}
