/**
 * Applies the sanity bounds (sanity.ts) where reads become stored rows: a rate or a balance
 * that fails is kept with its value cleared and the reason (plus the raw value read) as its
 * error, so valuation, yield, history and exports all see it as missing with that reason.
 */
import { mainnetToken } from '../registry/evm-tokens';
import type { Underlying } from './position-valuation';
import { checkMarket, checkNav, checkNavRise, checkPremium, checkPriceJump, checkUsdPrice, type PreviousRate, type SanityCheck } from './sanity';
import type { Fixed } from './valuation';

/** The part of a stored rate the screen needs (asset_rates and past_rates rows alike). */
export interface ScreenableRate {
  key: string;
  value: string | null;
  decimals: number;
  error: string | null;
}

export interface ScreenContext {
  /** Time the rates were read at (block time, unix seconds). */
  now: number;
  /** The last good value of `key` stored before this read on the same network; absent: range checks only. */
  previous?: (key: string) => PreviousRate | null;
  /** The underlying of a NAV whose symbol is not a mainnet registry token (Solana LSTs and VRTs: 'SOL'). */
  defaultUnit?: Underlying;
}

const UNDERLYINGS: readonly string[] = ['ETH', 'BTC', 'SOL'];
const ONE: Fixed = { value: 1n, decimals: 0 };

const fixedOf = (rate: ScreenableRate): Fixed | null => (rate.value === null ? null : { value: BigInt(rate.value), decimals: rate.decimals });

/** The reason, with the raw value read kept for the record. */
function rejected<T extends ScreenableRate>(rate: T, check: SanityCheck): T {
  if (check.ok) return rate;
  return { ...rate, value: null, error: `${check.reason} (raw value read: ${rate.value}, ${rate.decimals} decimals)` };
}

/** The NAV a market price is compared with: 1 for a token at par by design, else the NAV in this batch when it passed. */
function navFor(symbol: string, good: ReadonlyMap<string, Fixed>): Fixed | null {
  const token = mainnetToken(symbol);
  if (token?.nav?.type === 'par') return ONE;
  return good.get(`nav:${symbol}`) ?? null;
}

export function screenRates<T extends ScreenableRate>(rates: readonly T[], context: ScreenContext): T[] {
  const previous = (key: string) => context.previous?.(key) ?? null;
  const unitOf = (symbol: string): Underlying => mainnetToken(symbol)?.underlying ?? context.defaultUnit ?? 'ETH';
  // NAVs first: a market price is judged against the NAV that passed.
  const navs = rates.map((rate): T => {
    const value = fixedOf(rate);
    if (!value || !rate.key.startsWith('nav:')) return rate;
    const range = checkNav(value, unitOf(rate.key.slice(4)));
    return rejected(rate, range.ok ? checkNavRise(value, previous(rate.key), context.now) : range);
  });
  const good = new Map(navs.flatMap((rate) => (rate.key.startsWith('nav:') && rate.value !== null ? [[rate.key, fixedOf(rate)!] as const] : [])));
  return navs.map((rate): T => {
    const value = fixedOf(rate);
    if (!value) return rate;
    const [kind, name = ''] = rate.key.split(/:(.*)/s);
    if (kind === 'market') {
      const nav = navFor(name, good);
      return rejected(rate, nav ? checkPremium(value, nav) : checkMarket(value, unitOf(name)));
    }
    if (kind === 'usd' && UNDERLYINGS.includes(name)) {
      const underlying = name as Underlying;
      const range = checkUsdPrice(underlying, value);
      return rejected(rate, range.ok ? checkPriceJump(underlying, value, previous(rate.key), context.now) : range);
    }
    return rate;
  });
}

/** A balance row whose amount fails its check becomes that position's error, like a reverting token. */
export function screenBalance<T extends { rawAmount: bigint | null; error: string | null }>(row: T, check: (raw: bigint) => SanityCheck): T {
  if (row.rawAmount === null) return row;
  const result = check(row.rawAmount);
  return result.ok ? row : { ...row, rawAmount: null, error: result.reason };
}
