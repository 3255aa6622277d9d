/**
 * Binance spot klines (`GET /api/v3/klines`; shape in shared api-shapes market-candles.md):
 * `[openTime ms, open, high, low, close, volume, closeTime ms, quoteVolume, trades,
 * takerBuyBase, takerBuyQuote, "0"]`, prices and volumes as decimal strings, ascending,
 * at most 1,000 a request. Pages through a range; waits out a 429 (Retry-After, at most
 * three times); a 418 (IP ban) or a malformed body is a clear error.
 */
import { z } from 'zod';

const decimal = z.string().regex(/^\d+(\.\d+)?$/);
const klineSchema = z.tuple([z.number().int(), decimal, decimal, decimal, decimal, decimal, z.number().int(), decimal, z.number().int(), decimal, decimal, z.string()]);
const errorSchema = z.object({ code: z.number(), msg: z.string() });

export const KLINES_PER_REQUEST = 1_000;
const MAX_RETRIES = 3;
const MAX_WAIT_SECONDS = 60;

export interface Kline {
  /** unix seconds */
  openTime: number;
  closeTime: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

export class CandleApiError extends Error {}

export interface FetchStats {
  requests: number;
}

/** Closed klines with open times in [fromSeconds, toSeconds), every page of them. */
export async function fetchKlines(base: string, symbol: string, interval: string, intervalSeconds: number, fromSeconds: number, toSeconds: number, stats: FetchStats = { requests: 0 }): Promise<Kline[]> {
  const all: Kline[] = [];
  let start = fromSeconds;
  while (start < toSeconds) {
    const page = await fetchPage(base, symbol, interval, start, toSeconds, stats);
    const inRange = page.filter((kline) => kline.openTime >= start && kline.openTime < toSeconds);
    all.push(...inRange);
    if (page.length < KLINES_PER_REQUEST || inRange.length === 0) break;
    start = inRange.at(-1)!.openTime + intervalSeconds;
  }
  return all;
}

async function fetchPage(base: string, symbol: string, interval: string, from: number, to: number, stats: FetchStats, attempt = 0): Promise<Kline[]> {
  const url = `${base.replace(/\/+$/, '')}/api/v3/klines?symbol=${encodeURIComponent(symbol)}&interval=${encodeURIComponent(interval)}&startTime=${from * 1000}&endTime=${to * 1000 - 1}&limit=${KLINES_PER_REQUEST}`;
  stats.requests += 1;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000), headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new CandleApiError(`Candle API unreachable (${new URL(url).host}): ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (response.status === 429 && attempt < MAX_RETRIES) {
    const wait = Math.min(Number(response.headers.get('retry-after') ?? 1) || 1, MAX_WAIT_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    return fetchPage(base, symbol, interval, from, to, stats, attempt + 1);
  }
  const text = await response.text();
  if (!response.ok) {
    const parsed = errorSchema.safeParse(safeJson(text));
    if (response.status === 418) throw new CandleApiError('Binance has banned this IP for too many requests (HTTP 418); try later or pick another candle source');
    if (response.status === 429) throw new CandleApiError('Binance rate limit still exceeded after waiting (HTTP 429)');
    throw new CandleApiError(`Binance answered HTTP ${response.status}${parsed.success ? `: ${parsed.data.msg} (code ${parsed.data.code})` : ''}`);
  }
  const body = z.array(klineSchema).safeParse(safeJson(text));
  if (!body.success) throw new CandleApiError(`Binance klines response is malformed: ${body.error.issues[0]?.message ?? 'unexpected shape'} at ${body.error.issues[0]?.path.join('.') ?? '?'}`);
  return body.data.map((row) => ({ openTime: row[0] / 1000, closeTime: Math.floor(row[6] / 1000), open: row[1], high: row[2], low: row[3], close: row[4], volume: row[5] }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
