/**
 * Candles for the Charts page: cached in SQLite, a refresh fetches only what is missing
 * after the newest cached candle (closed candles only), and every read works offline from
 * the cache. Indicators are computed from the cached candles with shared/domain/indicators.ts.
 * A failed fetch writes nothing and says why.
 */
import { ema, rsi, sma, supportResistance, volumeSpikes, type Candle } from '../../../shared/domain/indicators';
import { CANDLE_INTERVALS, CANDLE_SOURCE_BASES, MARKETS, type CandleInterval, type CandleSource } from '../../../shared/registry/markets';
import { AppFailure } from '../../../shared/result';
import { premiumToNav } from '../../../shared/domain/valuation';
import { EVM_TOKENS } from '../../../shared/registry/evm-tokens';
import { fetchKlines } from '../chain/prices/binance-klines';
import { fetchKrakenOhlc } from '../chain/prices/kraken-ohlc';
import type { AppContext } from './context';
import { assertOnline } from './offline';

/** The staked-ETH reference of the spread chart: stETH (1:1 NAV by design, with a Chainlink market feed). */
export const SPREAD_REFERENCE = 'stETH';
/** How far back the first fetch of a market goes, in candles. */
export const FIRST_FETCH_CANDLES: Record<CandleInterval, number> = { '1h': 2_160, '4h': 1_080, '1d': 1_000, '1w': 520 };

/** The candle source chosen in Settings; each candle is stored under its source. */
export function createCandlesService(ctx: AppContext, source: () => CandleSource) {
  const keyOf = (marketId: string, interval: CandleInterval) => {
    const market = MARKETS.find((item) => item.id === marketId);
    if (!market) throw new AppFailure('INVALID_INPUT', `Unknown market ${marketId}`);
    return { market, key: { source: source(), market: market.id, interval } };
  };

  return {
    async refresh(marketId: string, interval: CandleInterval): Promise<{ added: number; requests: number }> {
      assertOnline(ctx, 'fetching candles');
      const { market, key } = keyOf(marketId, interval);
      const step = CANDLE_INTERVALS[interval];
      const now = Math.floor(ctx.now() / 1000);
      const last = ctx.repos.candles.lastOpenTime(key);
      const from = last !== null ? last + step : now - FIRST_FETCH_CANDLES[interval] * step;
      const stats = { requests: 0 };
      try {
        const base = ctx.candlesApiOverride ?? CANDLE_SOURCE_BASES[key.source];
        const fetched =
          key.source === 'kraken'
            ? await fetchKrakenOhlc(base, market.kraken, interval, step, from, now, stats)
            : await fetchKlines(base, market.binance, interval, step, from, now, stats);
        const klines = fetched.filter((kline) => kline.closeTime < now);
        ctx.repos.candles.insertAll(key, klines);
        ctx.repos.candles.recordFetch(key, ctx.now(), klines.length, null);
        return { added: klines.length, requests: stats.requests };
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        ctx.repos.candles.recordFetch(key, ctx.now(), 0, message);
        throw new AppFailure('NETWORK', message);
      }
    },

    get(marketId: string, interval: CandleInterval, limit = 500) {
      const { market, key } = keyOf(marketId, interval);
      const stored = ctx.repos.candles.latest(key, limit);
      const candles: Candle[] = stored.map((row) => ({ time: row.time, open: Number(row.open), high: Number(row.high), low: Number(row.low), close: Number(row.close), volume: Number(row.volume) }));
      const closes = candles.map((candle) => candle.close);
      const step = CANDLE_INTERVALS[interval];
      const gaps = candles.slice(1).flatMap((candle, index) => (candle.time - candles[index]!.time > step && interval !== '1w' ? [{ from: candles[index]!.time + step, to: candle.time - step }] : []));
      return {
        market: market.id,
        label: market.label,
        interval,
        source: key.source === 'kraken' ? `Kraken OHLC ${market.kraken}` : `Binance klines ${market.binance} (USD quoted as USDT)`,
        candles: stored,
        sma20: sma(closes, 20),
        ema50: ema(closes, 50),
        rsi14: rsi(closes, 14),
        spikes: volumeSpikes(candles, { window: 20, k: 2 }),
        levels: supportResistance(candles, { strength: 3, tolerance: 0.01, limit: 6 }),
        gaps,
        lastFetch: ctx.repos.candles.lastFetch(key),
      };
    },

    /**
     * An LRT's market price over its NAV at every stored refresh that read both, and its
     * spread to the staked-ETH reference (stETH's own premium at the same refresh).
     */
    premium(symbol: string) {
      const samples = ctx.repos.history.samples('ethereum').filter((sample) => sample.origin === 'refresh');
      const premiums = (of: string) => {
        const token = EVM_TOKENS.find((item) => item.chain === 'ethereum' && item.symbol === of);
        const navs = new Map(samples.filter((sample) => sample.key === `nav:${of}`).map((sample) => [sample.blockNumber, sample]));
        return samples
          .filter((sample) => sample.key === `market:${of}`)
          .flatMap((market) => {
            const nav = token?.nav?.type === 'par' ? { value: 1n, decimals: 0 } : navs.get(market.blockNumber);
            const premium = nav ? premiumToNav({ value: market.value, decimals: market.decimals }, { value: nav.value, decimals: nav.decimals }) : null;
            return premium === null ? [] : [{ time: market.blockTime, block: market.blockNumber, premium }];
          });
      };
      const own = premiums(symbol);
      const reference = new Map(premiums(SPREAD_REFERENCE).map((point) => [point.block, point.premium]));
      const points = own.map(({ time, premium }) => ({ time, premium }));
      const spread = own.flatMap((point) => (reference.has(point.block) ? [{ time: point.time, premium: point.premium - reference.get(point.block)! }] : []));
      const symbols = [...new Set(EVM_TOKENS.filter((token) => token.chain === 'ethereum' && token.kind === 'lrt' && token.nav && token.nav.type !== 'par' && token.market && token.market.type !== 'none').map((token) => token.symbol))];
      return { symbol, points, spread, reference: SPREAD_REFERENCE, symbols };
    },
  };
}

export type CandlesService = ReturnType<typeof createCandlesService>;
