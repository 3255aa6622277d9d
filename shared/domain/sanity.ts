/**
 * Sanity bounds (issue 12; reasons in docs/sanity-bounds.md): a value read from a chain or an
 * API that no real market or protocol could produce is stored as suspect, with the reason,
 * never as a good figure. Each check returns `{ ok: true }` or `{ ok: false, reason }`; every
 * reason starts with SANITY_PREFIX so the UI, history and exports can tell "rejected as out
 * of bounds" apart from "could not be read". Integer math only (bounds are Fixed values).
 */
import { formatAmount } from './amount';
import type { Fixed } from './valuation';
import type { Underlying } from './position-valuation';

export type SanityCheck = { ok: true } | { ok: false; reason: string };

export const SANITY_PREFIX = 'Suspect value (outside sanity bounds): ';
export const isSanityReason = (reason: string | null | undefined): boolean => reason?.startsWith(SANITY_PREFIX) ?? false;

const OK: SanityCheck = { ok: true };
const suspect = (why: string): SanityCheck => ({ ok: false, reason: `${SANITY_PREFIX}${why}` });
const fixed = (text: string): Fixed => {
  const [whole, fraction = ''] = text.split('.');
  return { value: BigInt(`${whole}${fraction}`), decimals: fraction.length };
};

/** −1, 0 or 1: a against b, exactly (both brought to the larger scale). */
export function compareFixed(a: Fixed, b: Fixed): -1 | 0 | 1 {
  const scale = Math.max(a.decimals, b.decimals);
  const x = a.value * 10n ** BigInt(scale - a.decimals);
  const y = b.value * 10n ** BigInt(scale - b.decimals);
  return x < y ? -1 : x > y ? 1 : 0;
}

const show = (rate: Fixed): string => formatAmount(rate.value, rate.decimals, { maxFractionDigits: 6, group: false });
const within = (rate: Fixed, min: Fixed, max: Fixed): boolean => compareFixed(rate, min) >= 0 && compareFixed(rate, max) <= 0;

/** An accruing LST/LRT/VRT's NAV, underlying per token (ETH, BTC or SOL alike). */
export const NAV_BOUNDS = { min: fixed('0.5'), max: fixed('2') } as const;
/** Most a NAV may rise above the previous good NAV read within NAV_RISE_WINDOW_SECONDS. */
export const NAV_MAX_RISE = fixed('0.05');
export const NAV_RISE_WINDOW_SECONDS = 30 * 86_400;
/** |market / NAV − 1| at most this. */
export const MAX_PREMIUM = fixed('0.5');
/** A market price in the underlying when no NAV is known to compare with: NAV_BOUNDS widened by MAX_PREMIUM. */
export const MARKET_BOUNDS = { min: fixed('0.25'), max: fixed('3') } as const;
/** USD per coin. */
export const USD_BOUNDS: Record<Underlying, { min: Fixed; max: Fixed }> = {
  ETH: { min: fixed('1'), max: fixed('1000000') },
  BTC: { min: fixed('100'), max: fixed('10000000') },
  SOL: { min: fixed('0.05'), max: fixed('100000') },
};
/** A USD price more than this many times (or less than 1/this) the previous good price … */
export const USD_MAX_JUMP = 10n;
/** … stored within this long before it; older prices are too far apart to compare. */
export const USD_JUMP_WINDOW_SECONDS = 30 * 86_400;
/** No ERC-20 or SPL balance, nor any supply, can reach 2^255: int256-safe arithmetic in every token would break first. */
export const MAX_BALANCE = 2n ** 255n;
/** A native balance above the coin's whole supply, with margin (raw units). */
export const NATIVE_MAX: Record<Underlying, bigint> = {
  ETH: 10n ** 9n * 10n ** 18n,
  BTC: 21_000_000n * 10n ** 8n,
  SOL: 10n ** 10n * 10n ** 9n,
};

/** A previous good value of the same rate and when it was read (unix seconds). */
export interface PreviousRate {
  rate: Fixed;
  time: number;
}

export function checkNav(rate: Fixed, unit: string): SanityCheck {
  if (rate.value <= 0n) return suspect(`NAV is ${rate.value === 0n ? 'zero' : 'negative'} (${rate.value} raw)`);
  if (!within(rate, NAV_BOUNDS.min, NAV_BOUNDS.max)) {
    return suspect(`NAV ${show(rate)} ${unit} per token is outside [${show(NAV_BOUNDS.min)}, ${show(NAV_BOUNDS.max)}]`);
  }
  return OK;
}

/** A NAV grows by staking rewards (a few % a year): a larger rise within the window is a bad read. Falls are slashing and are real. */
export function checkNavRise(rate: Fixed, previous: PreviousRate | null, now: number): SanityCheck {
  if (!previous || previous.rate.value <= 0n || now - previous.time > NAV_RISE_WINDOW_SECONDS) return OK;
  // rate > previous × (1 + max rise), exactly: rate × 10^d > previous × (10^d + rise).
  const ceiling: Fixed = { value: previous.rate.value * (10n ** BigInt(NAV_MAX_RISE.decimals) + NAV_MAX_RISE.value), decimals: previous.rate.decimals + NAV_MAX_RISE.decimals };
  if (compareFixed(rate, ceiling) <= 0) return OK;
  const days = Math.max(0, Math.round((now - previous.time) / 86_400));
  return suspect(`NAV ${show(rate)} is more than ${show({ value: NAV_MAX_RISE.value * 100n, decimals: NAV_MAX_RISE.decimals })} % above the ${show(previous.rate)} read ${days} d before`);
}

/** market / NAV within 1 ± MAX_PREMIUM. */
export function checkPremium(market: Fixed, nav: Fixed): SanityCheck {
  if (market.value <= 0n) return suspect(`market price is ${market.value === 0n ? 'zero' : 'negative'}`);
  if (nav.value <= 0n) return OK;
  const one = 10n ** BigInt(MAX_PREMIUM.decimals);
  const low: Fixed = { value: nav.value * (one - MAX_PREMIUM.value), decimals: nav.decimals + MAX_PREMIUM.decimals };
  const high: Fixed = { value: nav.value * (one + MAX_PREMIUM.value), decimals: nav.decimals + MAX_PREMIUM.decimals };
  if (within(market, low, high)) return OK;
  return suspect(`market price ${show(market)} is more than ${show({ value: MAX_PREMIUM.value * 100n, decimals: MAX_PREMIUM.decimals })} % away from the NAV ${show(nav)}`);
}

/** A market price in the underlying, when there is no NAV to compare it with. */
export function checkMarket(market: Fixed, unit: string): SanityCheck {
  if (market.value <= 0n) return suspect(`market price is ${market.value === 0n ? 'zero' : 'negative'}`);
  if (!within(market, MARKET_BOUNDS.min, MARKET_BOUNDS.max)) {
    return suspect(`market price ${show(market)} ${unit} per token is outside [${show(MARKET_BOUNDS.min)}, ${show(MARKET_BOUNDS.max)}]`);
  }
  return OK;
}

export function checkUsdPrice(underlying: Underlying, price: Fixed): SanityCheck {
  const bounds = USD_BOUNDS[underlying];
  if (price.value <= 0n) return suspect(`${underlying}/USD is ${price.value === 0n ? 'zero' : 'negative'}`);
  if (!within(price, bounds.min, bounds.max)) return suspect(`${underlying}/USD ${show(price)} is outside [${show(bounds.min)}, ${show(bounds.max)}]`);
  return OK;
}

/** Not more than USD_MAX_JUMP× up or down from the previous good price stored within the window. */
export function checkPriceJump(underlying: Underlying, price: Fixed, previous: PreviousRate | null, now: number): SanityCheck {
  if (!previous || previous.rate.value <= 0n || price.value <= 0n || now - previous.time > USD_JUMP_WINDOW_SECONDS) return OK;
  const up = compareFixed(price, { ...previous.rate, value: previous.rate.value * USD_MAX_JUMP }) > 0;
  const down = compareFixed({ ...price, value: price.value * USD_MAX_JUMP }, previous.rate) < 0;
  if (!up && !down) return OK;
  const hours = Math.max(0, Math.round((now - previous.time) / 3_600));
  return suspect(`${underlying}/USD ${show(price)} is more than ${USD_MAX_JUMP}× ${up ? 'above' : 'below'} the ${show(previous.rate)} stored ${hours} h before`);
}

/**
 * A token balance: never negative, never ≥ 2^255, never above the token's total supply, and
 * no balance at all when the supply is zero. `totalSupply` null: not read (only the first two apply).
 */
export function checkBalance(raw: bigint, totalSupply: bigint | null): SanityCheck {
  if (raw < 0n) return suspect(`negative balance ${raw}`);
  if (raw >= MAX_BALANCE) return suspect(`balance ${raw} is at least 2^255`);
  if (totalSupply === null || raw === 0n) return OK;
  if (totalSupply === 0n) return suspect(`balance ${raw} while the token's total supply is zero`);
  if (raw > totalSupply) return suspect(`balance ${raw} is above the token's total supply ${totalSupply}`);
  return OK;
}

/** A native coin balance: never negative, never above the coin's whole supply. */
export function checkNativeBalance(raw: bigint, coin: Underlying): SanityCheck {
  if (raw < 0n) return suspect(`negative balance ${raw}`);
  if (raw > NATIVE_MAX[coin]) return suspect(`balance ${raw} is above all the ${coin} there is (${NATIVE_MAX[coin]} raw)`);
  return OK;
}
