/** Candle cache against a loopback Binance klines server: first fetch, incremental, 429, malformed, offline reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBinanceServer, type BinanceServer } from '../support/binance-server';
import { startKrakenServer } from '../support/kraken-server';
import { fetchKrakenOhlc } from '../../electron/main/chain/prices/kraken-ohlc';
import { openTempApp, type TempApp } from '../support/temp-app';

const HOUR = 3_600;
const DAY = 86_400;
const ALIGNED = 1_790_000_000 - (1_790_000_000 % DAY);
let now = (ALIGNED + 12 * HOUR) * 1000;
let server: BinanceServer;
let app: TempApp;

beforeAll(async () => {
  server = await startBinanceServer();
  app = openTempApp({ candlesApiOverride: server.url, now: () => now });
});
afterAll(async () => {
  app?.close();
  await server?.close();
});

describe('candles', () => {
  it('first fetch pages through the missing range and keeps only closed candles', async () => {
    const result = await app.services.candles.refresh('ETH-USD', '1h');
    // 2,160 hours back from 12:00; the 12:00 candle is still open.
    expect(result).toEqual({ added: 2_160, requests: 3 });
    expect(server.requests.every((url) => url.searchParams.get('symbol') === 'ETHUSDT' && url.searchParams.get('limit') === '1000')).toBe(true);
    const chart = app.services.candles.get('ETH-USD', '1h', 5_000);
    expect(chart.candles).toHaveLength(2_160);
    expect(chart.candles.at(-1)!.time).toBe(ALIGNED + 11 * HOUR);
    expect(chart.candles[0]!.close).toMatch(/^\d+\.\d{8}$/); // stored exactly as the API sent it
    expect(chart.rsi14.filter((value) => value === null)).toHaveLength(14);
    expect(chart.levels.length).toBeGreaterThan(0);
    expect(chart.gaps).toEqual([]);
  });

  it('an incremental refresh asks only for what is missing', async () => {
    server.requests.length = 0;
    now += 3 * HOUR * 1000;
    expect(await app.services.candles.refresh('ETH-USD', '1h')).toEqual({ added: 3, requests: 1 });
    expect(Number(server.requests[0]!.searchParams.get('startTime'))).toBe((ALIGNED + 12 * HOUR) * 1000);
  });

  it('waits out a 429 with Retry-After, then carries on', async () => {
    server.requests.length = 0;
    now += HOUR * 1000;
    server.failNext('rate-limit');
    expect(await app.services.candles.refresh('ETH-USD', '1h')).toEqual({ added: 1, requests: 2 });
  });

  it('refuses a malformed answer with a clear error and leaves the cache as it was', async () => {
    now += 5 * HOUR * 1000;
    const before = app.services.candles.get('ETH-USD', '1h', 10_000).candles.length;
    server.failNext('malformed');
    await expect(app.services.candles.refresh('ETH-USD', '1h')).rejects.toThrow(/^Binance klines response is malformed: .* at 0\.1$/);
    expect(app.services.candles.get('ETH-USD', '1h', 10_000).candles.length).toBe(before);
    expect(app.services.candles.get('ETH-USD', '1h').lastFetch?.error).toMatch(/malformed/);
  });

  it('switches to Kraken in Settings: its own cache, at most 720 candles, errors from the error array', async () => {
    const kraken = await startKrakenServer(() => now);
    const app2 = openTempApp({ dataDir: app.dataDir, candlesApiOverride: kraken.url, now: () => now });
    try {
      app2.services.settings.setCandleSource('kraken');
      expect(await app2.services.candles.refresh('ETH-USD', '1d')).toEqual({ added: 719, requests: 1 }); // 720 minus the open one
      const chart = app2.services.candles.get('ETH-USD', '1d', 1_000);
      expect(chart.candles).toHaveLength(719);
      expect(chart.source).toBe('Kraken OHLC ETHUSD');
      expect(app2.services.candles.get('ETH-USD', '1h', 5_000).candles).toHaveLength(0); // Binance's hourly cache is not Kraken's
      await expect(app2.services.candles.refresh('BTC-USD', '1w')).resolves.toMatchObject({ requests: 1 });
      await expect(fetchKrakenOhlc(kraken.url, 'NOPEUSD', '1d', DAY, 0, now / 1000)).rejects.toThrow('Kraken: EQuery:Unknown asset pair');
      app2.services.settings.setCandleSource('binance');
    } finally {
      app2.services.ctx.close();
      await kraken.close();
    }
  });

  it('shows a missing candle as a gap, never filled in', () => {
    const kline = (openTime: number, close: string) => ({ openTime, closeTime: openTime + DAY - 1, open: close, high: close, low: close, close, volume: '1.0' });
    app.services.ctx.repos.candles.insertAll({ source: 'binance', market: 'SOL-USD', interval: '1d' }, [kline(ALIGNED, '150.0'), kline(ALIGNED + DAY, '151.0'), kline(ALIGNED + 3 * DAY, '149.0')]);
    const chart = app.services.candles.get('SOL-USD', '1d');
    expect(chart.candles.map((candle) => candle.time)).toEqual([ALIGNED, ALIGNED + DAY, ALIGNED + 3 * DAY]);
    expect(chart.gaps).toEqual([{ from: ALIGNED + 2 * DAY, to: ALIGNED + 2 * DAY }]);
    expect(chart.sma20).toEqual([null, null, null]);
  });

  it('reads from the cache with the network gone', async () => {
    await server.close();
    const chart = app.services.candles.get('ETH-USD', '1h', 100);
    expect(chart.candles).toHaveLength(100);
    await expect(app.services.candles.refresh('ETH-USD', '1h')).rejects.toThrow(/Candle API unreachable/);
    server = await startBinanceServer();
  });
});
