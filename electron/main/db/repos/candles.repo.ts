/** Cached market candles and the last fetch per source, market and interval. */
import type Database from 'better-sqlite3';
import type { Kline } from '../../chain/prices/binance-klines';

export interface StoredCandle {
  time: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

export interface CandleKey {
  source: string;
  market: string;
  interval: string;
}

export function createCandlesRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO candles (source, market, interval, open_time, open, high, low, close, volume)
     VALUES (@source, @market, @interval, @openTime, @open, @high, @low, @close, @volume)`,
  );
  const lastTime = db.prepare<[string, string, string], { t: number | null }>('SELECT MAX(open_time) AS t FROM candles WHERE source = ? AND market = ? AND interval = ?');
  const select = db.prepare<[string, string, string, number], StoredCandle>(
    `SELECT open_time AS time, open, high, low, close, volume FROM (
       SELECT * FROM candles WHERE source = ? AND market = ? AND interval = ? ORDER BY open_time DESC LIMIT ?
     ) ORDER BY open_time`,
  );
  const upsertFetch = db.prepare(
    `INSERT OR REPLACE INTO candle_fetches (source, market, interval, fetched_at, added, error) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const selectFetch = db.prepare<[string, string, string], { fetchedAt: number; added: number; error: string | null }>(
    'SELECT fetched_at AS fetchedAt, added, error FROM candle_fetches WHERE source = ? AND market = ? AND interval = ?',
  );
  return {
    lastOpenTime: (key: CandleKey): number | null => lastTime.get(key.source, key.market, key.interval)?.t ?? null,
    /** All or nothing. */
    insertAll: (key: CandleKey, klines: readonly Kline[]): void =>
      db.transaction(() => {
        for (const kline of klines) insert.run({ ...key, ...kline });
      })(),
    latest: (key: CandleKey, limit: number): StoredCandle[] => select.all(key.source, key.market, key.interval, limit),
    recordFetch: (key: CandleKey, at: number, added: number, error: string | null): void => void upsertFetch.run(key.source, key.market, key.interval, at, added, error),
    lastFetch: (key: CandleKey) => selectFetch.get(key.source, key.market, key.interval) ?? null,
  };
}

export type CandlesRepo = ReturnType<typeof createCandlesRepo>;
