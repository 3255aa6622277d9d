/**
 * Indicators against an independent implementation (the technicalindicators npm package,
 * 3.1.0) on 3,000 candles of a seeded random walk, after warm-up, and edge cases.
 * Tolerances: SMA/EMA 1e-9 relative; RSI 0.01 (technicalindicators rounds RSI to 2 decimals).
 */
import { describe, expect, it } from 'vitest';
import { EMA, RSI, SMA } from 'technicalindicators';
import { ema, rsi, sma, supportResistance, volumeSpikes, type Candle } from '../../shared/domain/indicators';

function walk(length: number, seed = 7): Candle[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  let price = 3_000;
  return Array.from({ length }, (_, index) => {
    const open = price;
    price = Math.max(1, price * (1 + (random() - 0.5) * 0.04));
    const high = Math.max(open, price) * (1 + random() * 0.01);
    const low = Math.min(open, price) * (1 - random() * 0.01);
    return { time: 1_700_000_000 + index * 3_600, open, high, low, close: price, volume: 100 + random() * 50 + (index % 97 === 0 ? 1_000 : 0) };
  });
}

const candles = walk(3_000);
const closes = candles.map((candle) => candle.close);
const tail = (series: (number | null)[], count: number) => series.slice(series.length - count) as number[];

describe('against technicalindicators', () => {
  it('SMA and EMA match to 1e-9 relative after warm-up', () => {
    for (const period of [9, 20, 50]) {
      const theirsSma = SMA.calculate({ period, values: closes });
      const theirsEma = EMA.calculate({ period, values: closes });
      tail(sma(closes, period), theirsSma.length).forEach((value, i) => expect(Math.abs(value - theirsSma[i]!) / value).toBeLessThan(1e-9));
      tail(ema(closes, period), theirsEma.length).forEach((value, i) => expect(Math.abs(value - theirsEma[i]!) / value).toBeLessThan(1e-9));
    }
  });

  it('RSI (Wilder, 14) matches to 0.01', () => {
    const theirs = RSI.calculate({ period: 14, values: closes });
    const ours = tail(rsi(closes, 14), theirs.length);
    ours.forEach((value, i) => expect(Math.abs(value - theirs[i]!)).toBeLessThanOrEqual(0.01));
    expect(rsi(closes, 14).filter((value) => value === null)).toHaveLength(14);
  });
});

describe('edge cases', () => {
  it('gives only nulls with fewer candles than the period, and refuses a bad period', () => {
    expect(sma([1, 2], 3)).toEqual([null, null]);
    expect(rsi([1, 2, 3], 14)).toEqual([null, null, null]);
    expect(() => ema([1], 0)).toThrow(RangeError);
  });

  it('is 50 on flat prices and 100 when prices only rise', () => {
    expect(rsi(Array(20).fill(5), 14).at(-1)).toBe(50);
    expect(rsi(Array.from({ length: 20 }, (_, i) => i + 1), 14).at(-1)).toBe(100);
  });

  it('marks volume above k × the rolling mean of the window before it', () => {
    const flat = Array.from({ length: 30 }, (_, i): Candle => ({ time: i, open: 1, high: 1, low: 1, close: 1, volume: i === 25 ? 300 : 100 }));
    expect(volumeSpikes(flat, { window: 20, k: 2 })).toEqual([25]);
    expect(volumeSpikes(flat, { window: 20, k: 3 })).toEqual([]);
  });

  it('clusters swing pivots into levels ranked by touches', () => {
    // A range between 90 and 110, touched three times each way, last close 100.
    const prices = [100, 105, 110, 105, 100, 95, 90, 95, 100, 105, 110.5, 105, 100, 95, 90.4, 95, 100, 105, 109.8, 105, 100];
    const range = prices.map((close, i): Candle => ({ time: i, open: close, high: close, low: close, close, volume: 1 }));
    const levels = supportResistance(range, { strength: 2, tolerance: 0.01, limit: 2 });
    expect(levels.map((level) => [level.kind, level.touches])).toEqual([['resistance', 3], ['support', 2]]);
    expect(levels[0]!.price).toBeCloseTo((110 + 110.5 + 109.8) / 3, 9);
  });
});
