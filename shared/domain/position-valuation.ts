/**
 * Values one position from stored rates: NAV (underlying per token), market price (underlying
 * per token), and the underlying's USD price. Integer math throughout (see valuation.ts);
 * every figure carries its source or the reason it is missing, never a made-up number.
 */
import { mainnetToken, type MarketMethod, type NavMethod } from '../registry/evm-tokens';
import { checkFeedAnswer, convert, premiumToNav, signedCents, type Fixed } from './valuation';

export const UNDERLYING_DECIMALS = { ETH: 18, BTC: 8, SOL: 9 } as const;
export type Underlying = keyof typeof UNDERLYING_DECIMALS;

export interface StoredRateLike {
  key: string;
  value: string | null;
  decimals: number;
  updatedAt: number | null;
  source: string;
  error: string | null;
}

/** A rate that can be used, or the reason it cannot. */
export type RateFigure = { ok: true; rate: Fixed; source: string } | { ok: false; reason: string };

export interface PositionValuation {
  underlying: Underlying;
  nav: RateFigure;
  market: RateFigure;
  usd: RateFigure;
  /** Raw units of the underlying (10^UNDERLYING_DECIMALS). */
  underlyingValue: bigint | null;
  marketValue: bigint | null;
  /** market / NAV − 1 */
  premium: number | null;
  /** USD cents, floored. */
  usdCents: bigint | null;
  /** What selling at market instead of redeeming at NAV gains (+) or loses (−), in the underlying's raw units. */
  sellVsRedeem: bigint | null;
  /** The same in USD cents (truncated toward zero). */
  sellVsRedeemUsdCents: bigint | null;
}

const ONE: Fixed = { value: 1n, decimals: 0 };

/**
 * A NAV read from an account's state and stored with a non-EVM snapshot under `nav:SYMBOL`
 * (an SPL stake pool's lamports per pool token, a Jito vault's VRT rate).
 */
export type AccountNav = { type: 'spl-stake-pool' } | { type: 'jito-vault' };

/** What valuing a registry asset needs, on any network. */
export interface ValuedAsset {
  symbol: string;
  underlying: Underlying;
  nav?: NavMethod | AccountNav | { type: 'none'; reason: string };
  market?: MarketMethod;
}

/** An API market price older than this (plus grace) at the snapshot's block time is stale. */
export const API_PRICE_MAX_AGE_SECONDS = 3_600;

export interface RateBook {
  rates: ReadonlyMap<string, StoredRateLike>;
  /** Block time of the snapshot the rates were read at (unix seconds). */
  asOf: number;
  usdHeartbeats: ReadonlyMap<string, number>;
}

function stored(book: RateBook, key: string): RateFigure {
  const rate = book.rates.get(key);
  if (!rate) return { ok: false, reason: 'not read yet (refresh Ethereum)' };
  if (rate.value === null) return { ok: false, reason: rate.error ?? 'read failed' };
  return { ok: true, rate: { value: BigInt(rate.value), decimals: rate.decimals }, source: rate.source };
}

/** A rate with a timestamp (a Chainlink round or an API price point) must be fresh and positive. */
function timed(book: RateBook, key: string, heartbeatSeconds: number): RateFigure {
  const figure = stored(book, key);
  if (!figure.ok) return figure;
  const rate = book.rates.get(key)!;
  const check = checkFeedAnswer(figure.rate.value, rate.updatedAt ?? 0, book.asOf, heartbeatSeconds);
  return check.ok ? figure : { ok: false, reason: check.reason };
}

export function navOf(token: ValuedAsset, book: RateBook): RateFigure {
  const nav = token.nav;
  if (!nav) return { ok: false, reason: 'no verified on-chain NAV source yet' };
  if (nav.type === 'none') return { ok: false, reason: nav.reason };
  if (nav.type === 'par') return { ok: true, rate: ONE, source: `1:1 by design (${nav.source})` };
  if (nav.type === 'chainlink') return timed(book, `nav:${token.symbol}`, nav.heartbeatSeconds);
  if (nav.type === 'call' || nav.type === 'spl-stake-pool' || nav.type === 'jito-vault') {
    const figure = stored(book, `nav:${token.symbol}`);
    return figure.ok && figure.rate.value <= 0n ? { ok: false, reason: 'NAV rate is zero' } : figure;
  }
  const origin = mainnetToken(nav.symbol);
  return origin ? navOf(origin, book) : { ok: false, reason: `no mainnet ${nav.symbol} in the registry` };
}

export function marketOf(token: ValuedAsset, book: RateBook): RateFigure {
  const market = token.market;
  if (!market) return { ok: false, reason: 'no verified market price source yet' };
  if (market.type === 'none') return { ok: false, reason: market.reason };
  if (market.type === 'chainlink') return timed(book, `market:${token.symbol}`, market.heartbeatSeconds);
  if (market.type === 'coingecko') return timed(book, `market:${token.symbol}`, API_PRICE_MAX_AGE_SECONDS);
  const origin = mainnetToken(market.symbol);
  return origin ? marketOf(origin, book) : { ok: false, reason: `no mainnet ${market.symbol} in the registry` };
}

export function usdOf(underlying: Underlying, book: RateBook): RateFigure {
  const heartbeat = book.usdHeartbeats.get(underlying);
  if (heartbeat === undefined) return { ok: false, reason: `no verified ${underlying}/USD feed configured` };
  return timed(book, `usd:${underlying}`, heartbeat);
}

/** token null: the network's native coin (`native`: ETH on the EVM chains, SOL on Solana). */
export function valuePosition(rawAmount: bigint, decimals: number, token: ValuedAsset | null, book: RateBook, native: Underlying = 'ETH'): PositionValuation {
  const underlying: Underlying = token?.underlying ?? native;
  const unit = UNDERLYING_DECIMALS[underlying];
  const nav: RateFigure = token ? navOf(token, book) : { ok: true, rate: ONE, source: 'native coin' };
  const market: RateFigure = token ? marketOf(token, book) : { ok: true, rate: ONE, source: 'native coin' };
  const usd = usdOf(underlying, book);
  const underlyingValue = nav.ok ? convert(rawAmount, decimals, nav.rate, unit) : null;
  const marketValue = market.ok ? convert(rawAmount, decimals, market.rate, unit) : null;
  const sellVsRedeem = underlyingValue !== null && marketValue !== null ? marketValue - underlyingValue : null;
  const usdRate = usd.ok ? usd.rate : null;
  return {
    underlying,
    nav,
    market,
    usd,
    underlyingValue,
    marketValue,
    premium: nav.ok && market.ok ? premiumToNav(market.rate, nav.rate) : null,
    usdCents: usdRate && underlyingValue !== null ? convert(underlyingValue, unit, usdRate, 2) : null,
    sellVsRedeem,
    sellVsRedeemUsdCents: usdRate && sellVsRedeem !== null ? signedCents(sellVsRedeem, unit, usdRate) : null,
  };
}
