/**
 * bench:charts — indicators over 100,000 candles (time per indicator, against a naive
 * recompute-every-window baseline for SMA and RSI), and chart data loaded from SQLite for
 * 10 years of daily and 1 year of hourly candles (the Charts page's read path, with its
 * indicators). Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { ema, rsi, sma, supportResistance, volumeSpikes, type Candle } from '../shared/domain/indicators';
import { CANDLE_INTERVALS } from '../shared/registry/markets';
import { syntheticKline } from '../test/support/binance-server';
import { openTempApp } from '../test/support/temp-app';

const COUNT = Number(process.env.BENCH_CANDLES ?? 100_000);

function candles(count: number, step: number): Candle[] {
  return Array.from({ length: count }, (_, index) => {
    const row = syntheticKline(1_500_000_000 + index * step, step) as [number, string, string, string, string, string];
    return { time: row[0] / 1000, open: Number(row[1]), high: Number(row[2]), low: Number(row[3]), close: Number(row[4]), volume: Number(row[5]) };
  });
}

const time = (label: string, run: () => unknown): number => {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)}${`${ms.toFixed(1)} ms`.padStart(12)}`);
  return ms;
};

/** What a naive implementation does: sum each window again. */
const naiveSma = (values: number[], period: number) => values.map((_, i) => (i < period - 1 ? null : values.slice(i - period + 1, i + 1).reduce((a, b) => a + b, 0) / period));

function main(): void {
  const data = candles(COUNT, 3_600);
  const closes = data.map((candle) => candle.close);
  console.log(`bench:charts — indicators over ${COUNT.toLocaleString('en')} candles`);
  const smaMs = time('SMA 200', () => sma(closes, 200));
  const naiveMs = time('SMA 200, naive (re-sum every window)', () => naiveSma(closes, 200));
  time('EMA 50', () => ema(closes, 50));
  time('RSI 14 (Wilder)', () => rsi(closes, 14));
  time('volume spikes (20, 2×)', () => volumeSpikes(data, { window: 20, k: 2 }));
  time('support/resistance (pivots 3, 1 %)', () => supportResistance(data, { strength: 3, tolerance: 0.01, limit: 6 }));
  console.log(`ratio: SMA ${(naiveMs / smaMs).toFixed(0)}× faster than the naive window sum`);

  const app = openTempApp();
  try {
    const daily = candles(3_653, CANDLE_INTERVALS['1d']);
    const hourly = candles(8_760, CANDLE_INTERVALS['1h']);
    const toKlines = (list: Candle[], step: number) => list.map((c) => ({ openTime: c.time, closeTime: c.time + step - 1, open: c.open.toFixed(8), high: c.high.toFixed(8), low: c.low.toFixed(8), close: c.close.toFixed(8), volume: c.volume.toFixed(8) }));
    app.services.ctx.repos.candles.insertAll({ source: 'binance', market: 'ETH-USD', interval: '1d' }, toKlines(daily, CANDLE_INTERVALS['1d']));
    app.services.ctx.repos.candles.insertAll({ source: 'binance', market: 'ETH-USD', interval: '1h' }, toKlines(hourly, CANDLE_INTERVALS['1h']));
    console.log('chart data from SQLite (candles + SMA/EMA/RSI/spikes/levels):');
    time('10 years of daily candles (3,653)', () => app.services.candles.get('ETH-USD', '1d', 5_000));
    time('1 year of hourly candles (8,760)', () => app.services.candles.get('ETH-USD', '1h', 8_760));
    time('the default view: last 300 daily candles', () => app.services.candles.get('ETH-USD', '1d', 300));
  } finally {
    app.close();
  }
}

main();
