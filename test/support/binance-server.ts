/**
 * A loopback stand-in for Binance `GET /api/v3/klines` answering in the documented shape
 * (shared api-shapes market-candles.md and binance.klines.example.json, from the Binance docs):
 * 12-element arrays, times in ms, prices and volumes as decimal strings, ascending, at most
 * `limit` (≤ 1000) klines from startTime to endTime. Candles come from a seeded walk; a test
 * can make the next answer a 429 (with Retry-After) or malformed.
 */
import http from 'node:http';
import { listenLoopback } from './loopback';

export interface BinanceServer {
  url: string;
  requests: URL[];
  /** The next answer: 'rate-limit' once, or 'malformed' once. */
  failNext(mode: 'rate-limit' | 'malformed'): void;
  close(): Promise<void>;
}

const INTERVALS: Record<string, number> = { '1h': 3_600, '4h': 14_400, '1d': 86_400, '1w': 604_800 };

/** The candle that opens at `open` (seconds): deterministic from its time. */
export function syntheticKline(open: number, step: number): unknown[] {
  const x = open / step;
  const close = 2_000 + 300 * Math.sin(x / 40) + 50 * Math.sin(x / 7);
  const openPrice = 2_000 + 300 * Math.sin((x - 1) / 40) + 50 * Math.sin((x - 1) / 7);
  const high = Math.max(close, openPrice) + 12.5;
  const low = Math.min(close, openPrice) - 12.5;
  const volume = 1_000 + (x % 50 === 0 ? 5_000 : (x % 13) * 10);
  const s = (value: number) => value.toFixed(8);
  return [open * 1000, s(openPrice), s(high), s(low), s(close), s(volume), (open + step) * 1000 - 1, s(volume * close), 42, s(volume / 2), s((volume / 2) * close), '0'];
}

export async function startBinanceServer(): Promise<BinanceServer> {
  const requests: URL[] = [];
  let pending: 'rate-limit' | 'malformed' | null = null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    if (pending === 'rate-limit') {
      pending = null;
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      return void res.end(JSON.stringify({ code: -1003, msg: 'Too many requests; current limit of IP is 6000 request weight per 1 MINUTE.' }));
    }
    const step = INTERVALS[url.searchParams.get('interval') ?? ''];
    if (url.pathname !== '/api/v3/klines' || !step || !url.searchParams.get('symbol')) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ code: -1121, msg: 'Invalid symbol.' }));
    }
    const start = Math.ceil(Number(url.searchParams.get('startTime')) / 1000 / step) * step;
    const end = Number(url.searchParams.get('endTime')) / 1000;
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 500), 1000);
    const rows: unknown[][] = [];
    for (let open = start; open <= end && rows.length < limit; open += step) rows.push(syntheticKline(open, step));
    if (pending === 'malformed') {
      pending = null;
      rows[0]![1] = 2000.5; // a number where the docs say a string
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(rows));
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    requests,
    failNext: (mode) => void (pending = mode),
    close,
  };
}
