/**
 * Kraken `GET /0/public/OHLC` (shape in shared api-shapes market-candles.md):
 * `{"error": [], "result": {"<canonical pair>": [[time s, "open", "high", "low", "close",
 * "vwap", "volume", count], …], "last": <s>}}`. Only the 720 most recent candles exist, the
 * last one still open; errors come in the `error` array, whatever the HTTP status. The pair
 * key in `result` is Kraken's canonical name, not the one requested: take the key that is
 * not "last".
 */
import { z } from 'zod';
import { CandleApiError, type Kline } from './binance-klines';

const decimal = z.string().regex(/^\d+(\.\d+)?$/);
const rowSchema = z.tuple([z.number().int(), decimal, decimal, decimal, decimal, decimal, decimal, z.number().int()]);
const envelopeSchema = z.object({ error: z.array(z.string()), result: z.record(z.string(), z.unknown()).optional() });

/** Kraken intervals are minutes. */
const MINUTES: Record<string, number> = { '1h': 60, '4h': 240, '1d': 1_440, '1w': 10_080 };

export async function fetchKrakenOhlc(base: string, pair: string, interval: string, intervalSeconds: number, fromSeconds: number, toSeconds: number, stats: { requests: number } = { requests: 0 }): Promise<Kline[]> {
  const minutes = MINUTES[interval];
  if (!minutes) throw new CandleApiError(`Kraken has no ${interval} candles`);
  const url = `${base.replace(/\/+$/, '')}/0/public/OHLC?pair=${encodeURIComponent(pair)}&interval=${minutes}&since=${Math.max(0, fromSeconds - 1)}`;
  stats.requests += 1;
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000), headers: { Accept: 'application/json' } });
    text = await response.text();
    if (response.status === 429) throw new CandleApiError('Kraken rate limit exceeded (HTTP 429); try again in a minute');
  } catch (cause) {
    if (cause instanceof CandleApiError) throw cause;
    throw new CandleApiError(`Candle API unreachable (${new URL(url).host}): ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CandleApiError('Kraken OHLC response is malformed: not JSON');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new CandleApiError('Kraken OHLC response is malformed: no error/result envelope');
  if (envelope.data.error.length > 0) throw new CandleApiError(`Kraken: ${envelope.data.error.join('; ')}`);
  const key = Object.keys(envelope.data.result ?? {}).find((name) => name !== 'last');
  const rows = z.array(rowSchema).safeParse(key ? envelope.data.result![key] : undefined);
  if (!rows.success) throw new CandleApiError(`Kraken OHLC response is malformed: ${rows.error.issues[0]?.message ?? 'unexpected shape'} at ${rows.error.issues[0]?.path.join('.') ?? '?'}`);
  return rows.data
    .map((row) => ({ openTime: row[0], closeTime: row[0] + intervalSeconds - 1, open: row[1], high: row[2], low: row[3], close: row[4], volume: row[6] }))
    .filter((kline) => kline.openTime >= fromSeconds && kline.openTime < toSeconds);
}
