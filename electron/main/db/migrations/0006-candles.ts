import type { Migration } from '../migrate';

/**
 * Market candles cached for the Charts page, exactly as the source gave them (decimal
 * strings), with the source stored on every row; and the last fetch per market and interval.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'candles',
  up: `
    CREATE TABLE candles (
      source TEXT NOT NULL,
      market TEXT NOT NULL,
      interval TEXT NOT NULL,
      open_time INTEGER NOT NULL,
      open TEXT NOT NULL,
      high TEXT NOT NULL,
      low TEXT NOT NULL,
      close TEXT NOT NULL,
      volume TEXT NOT NULL,
      PRIMARY KEY (source, market, interval, open_time)
    ) WITHOUT ROWID;
    CREATE TABLE candle_fetches (
      source TEXT NOT NULL,
      market TEXT NOT NULL,
      interval TEXT NOT NULL,
      fetched_at INTEGER NOT NULL,
      added INTEGER NOT NULL,
      error TEXT,
      PRIMARY KEY (source, market, interval)
    );
  `,
};
