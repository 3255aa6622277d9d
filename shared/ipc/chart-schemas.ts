/** The Charts page's data: cached candles with indicators, and NAV premium history. */
import { z } from 'zod';

const decimal = z.string().regex(/^\d+(\.\d+)?$/);
export const candleIntervalSchema = z.enum(['1h', '4h', '1d', '1w']);
const series = z.array(z.number().nullable());

export const chartDataSchema = z.object({
  market: z.string(),
  label: z.string(),
  interval: candleIntervalSchema,
  source: z.string(),
  /** As the source sent them (decimal strings), oldest first; open time in unix seconds. */
  candles: z.array(z.object({ time: z.number().int(), open: decimal, high: decimal, low: decimal, close: decimal, volume: decimal })),
  sma20: series,
  ema50: series,
  rsi14: series,
  /** Indexes into candles. */
  spikes: z.array(z.number().int()),
  levels: z.array(z.object({ price: z.number(), kind: z.enum(['support', 'resistance']), touches: z.number().int(), lastTime: z.number().int() })),
  /** Missing candles between cached ones (shown as gaps, never filled). */
  gaps: z.array(z.object({ from: z.number().int(), to: z.number().int() })),
  lastFetch: z.object({ fetchedAt: z.number().int(), added: z.number().int(), error: z.string().nullable() }).nullable(),
});
export type ChartData = z.infer<typeof chartDataSchema>;

export const premiumSeriesSchema = z.object({
  symbol: z.string(),
  /** market / NAV − 1 at each stored refresh (0.01 = 1 % premium). */
  points: z.array(z.object({ time: z.number().int(), premium: z.number() })),
  /** The premium minus the staked-ETH reference's premium at the same refresh. */
  spread: z.array(z.object({ time: z.number().int(), premium: z.number() })),
  reference: z.string(),
  /** LRTs with both a NAV and a market source, to pick from. */
  symbols: z.array(z.string()),
});
export type PremiumSeries = z.infer<typeof premiumSeriesSchema>;

export const valueHistorySchema = z.array(
  z.object({ time: z.number().int(), blockNumber: z.string(), usdCents: z.string().regex(/^\d+$/), unvalued: z.number().int() }),
);
