/**
 * A loopback stand-in for Kraken `GET /0/public/OHLC` in the documented shape (shared
 * api-shapes market-candles.md, kraken.ohlc.example.json): `{"error": [], "result":
 * {"<canonical pair>": [[time s, "o", "h", "l", "c", "vwap", "volume", count]], "last": s}}`,
 * at most the 720 most recent candles after `since`, the last one still open; an unknown
 * pair answers HTTP 200 with an `error` entry. Candles are the same walk as the Binance stand-in.
 */
import http from 'node:http';
import { listenLoopback } from './loopback';
import { syntheticKline } from './binance-server';

const CANONICAL: Record<string, string> = { ETHUSD: 'XETHZUSD', XBTUSD: 'XXBTZUSD', SOLUSD: 'SOLUSD' };

export async function startKrakenServer(now: () => number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pair = CANONICAL[url.searchParams.get('pair') ?? ''];
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (!pair) return void res.end(JSON.stringify({ error: ['EQuery:Unknown asset pair'] }));
    const step = Number(url.searchParams.get('interval')) * 60;
    const current = Math.floor(now() / 1000 / step) * step;
    const since = Number(url.searchParams.get('since') ?? 0);
    const rows: unknown[] = [];
    for (let open = Math.max(current - 719 * step, Math.floor(since / step) * step + step); open <= current; open += step) {
      const k = syntheticKline(open, step) as [number, string, string, string, string, string];
      rows.push([open, k[1], k[2], k[3], k[4], k[4], k[5], 42]);
    }
    res.end(JSON.stringify({ error: [], result: { [pair]: rows, last: current } }));
  });
  return listenLoopback(server);
}
