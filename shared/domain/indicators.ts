/**
 * Technical indicators over candles, pure. Prices here are display data (chart values), not
 * money, so they are numbers. Every series is aligned with its input: index i is the value
 * at candle i, or null while the indicator is warming up.
 */

export interface Candle {
  /** Open time, unix seconds. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export type Series = (number | null)[];

const checkPeriod = (period: number) => {
  if (!Number.isInteger(period) || period < 1) throw new RangeError('the period must be a whole number of at least 1');
};

/** Simple moving average of the last `period` values. */
export function sma(values: readonly number[], period: number): Series {
  checkPeriod(period);
  const out: Series = [];
  let sum = 0;
  values.forEach((value, index) => {
    sum += value;
    if (index >= period) sum -= values[index - period]!;
    out.push(index >= period - 1 ? sum / period : null);
  });
  return out;
}

/** Exponential moving average, seeded with the SMA of the first `period` values, k = 2 / (period + 1). */
export function ema(values: readonly number[], period: number): Series {
  checkPeriod(period);
  const k = 2 / (period + 1);
  const out: Series = [];
  let previous: number | null = null;
  let seed = 0;
  values.forEach((value, index) => {
    if (index < period - 1) {
      seed += value;
      out.push(null);
    } else if (previous === null) {
      previous = (seed + value) / period;
      out.push(previous);
    } else {
      previous = value * k + previous * (1 - k);
      out.push(previous);
    }
  });
  return out;
}

/**
 * Wilder's RSI: average gain and loss seeded with the simple mean of the first `period`
 * changes, then smoothed as avg = (avg × (period − 1) + current) / period. A flat market
 * (no gains, no losses) is 50; only gains is 100.
 */
export function rsi(closes: readonly number[], period = 14): Series {
  checkPeriod(period);
  const out: Series = closes.map(() => null);
  if (closes.length <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i += 1) {
    const change = closes[i]! - closes[i - 1]!;
    gain += Math.max(change, 0);
    loss += Math.max(-change, 0);
  }
  gain /= period;
  loss /= period;
  out[period] = rsiOf(gain, loss);
  for (let i = period + 1; i < closes.length; i += 1) {
    const change = closes[i]! - closes[i - 1]!;
    gain = (gain * (period - 1) + Math.max(change, 0)) / period;
    loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
    out[i] = rsiOf(gain, loss);
  }
  return out;
}

const rsiOf = (gain: number, loss: number) => (loss === 0 ? (gain === 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss));

export interface SpikeOptions {
  /** Rolling window of the mean volume, in candles (before the candle itself). */
  window: number;
  /** A spike is volume above k × that mean. */
  k: number;
}

/** Indexes of candles whose volume is above k × the mean of the `window` candles before it. */
export function volumeSpikes(candles: readonly Candle[], { window, k }: SpikeOptions = { window: 20, k: 2 }): number[] {
  checkPeriod(window);
  const spikes: number[] = [];
  let sum = 0;
  candles.forEach((candle, index) => {
    if (index >= window) {
      const mean = sum / window;
      if (mean > 0 && candle.volume > k * mean) spikes.push(index);
      sum -= candles[index - window]!.volume;
    }
    sum += candle.volume;
  });
  return spikes;
}

export interface LevelOptions {
  /** A pivot high (low) is the highest high (lowest low) of `strength` candles on each side. */
  strength: number;
  /** Pivots within this fraction of each other join one level (0.01 = 1 %). */
  tolerance: number;
  /** How many levels to return. */
  limit: number;
}

export interface Level {
  price: number;
  kind: 'support' | 'resistance';
  /** Pivots that formed the level. */
  touches: number;
  /** Open time of the most recent pivot. */
  lastTime: number;
}

/**
 * Support and resistance from swing pivots: a pivot high is above the `strength` candles
 * before it and not below the `strength` after it (a flat top counts once), lows likewise; clustered greedily by price (a pivot joins the level whose mean is
 * within `tolerance` of it, else starts one), and ranked by touches, then recency. A level
 * below the last close is support, above it resistance.
 */
export function supportResistance(candles: readonly Candle[], options: LevelOptions = { strength: 3, tolerance: 0.01, limit: 6 }): Level[] {
  const { strength, tolerance, limit } = options;
  checkPeriod(strength);
  const pivots: { price: number; time: number }[] = [];
  for (let i = strength; i < candles.length - strength; i += 1) {
    const left = candles.slice(i - strength, i);
    const right = candles.slice(i + 1, i + strength + 1);
    const candle = candles[i]!;
    // Strictly beyond the left side, at least equal to the right: a flat top counts once, at its first candle.
    if (left.every((other) => other.high < candle.high) && right.every((other) => other.high <= candle.high)) pivots.push({ price: candle.high, time: candle.time });
    if (left.every((other) => other.low > candle.low) && right.every((other) => other.low >= candle.low)) pivots.push({ price: candle.low, time: candle.time });
  }
  const clusters: { sum: number; count: number; lastTime: number }[] = [];
  for (const pivot of pivots.sort((a, b) => a.price - b.price)) {
    const cluster = clusters.find((item) => Math.abs(pivot.price - item.sum / item.count) <= (tolerance * item.sum) / item.count);
    if (cluster) {
      cluster.sum += pivot.price;
      cluster.count += 1;
      cluster.lastTime = Math.max(cluster.lastTime, pivot.time);
    } else clusters.push({ sum: pivot.price, count: 1, lastTime: pivot.time });
  }
  const last = candles.at(-1)?.close ?? 0;
  return clusters
    .map((cluster) => ({ price: cluster.sum / cluster.count, touches: cluster.count, lastTime: cluster.lastTime }))
    .sort((a, b) => b.touches - a.touches || b.lastTime - a.lastTime)
    .slice(0, limit)
    .map((level) => ({ ...level, kind: level.price <= last ? ('support' as const) : ('resistance' as const) }));
}
