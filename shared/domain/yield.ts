/**
 * Yield math, pure: realized yield from the growth of a NAV rate, the base / premium split,
 * value weighting and projected income. A yield is a fraction (0.031 = 3.1 % a year); it is
 * a ratio, not money, so it is a number. Money stays bigint: income = value × yield is done
 * on integers with the yield scaled to parts per 10^12.
 */

export const SECONDS_PER_DAY = 86_400;
/** Annualization uses a 365-day year, the convention of the APYs protocols publish. */
export const SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;
export const YIELD_WINDOWS_DAYS = [7, 30, 90] as const;
export type YieldWindowDays = (typeof YIELD_WINDOWS_DAYS)[number];
/** Liquid staking tokens the user may pick as the base staking yield (wstETH by default). */
export const YIELD_REFERENCES = ['wstETH', 'rETH', 'cbETH'] as const;

/** A measured yield, or why there is none. Never a made-up number. */
export type YieldFigure = { ok: true; value: number } | { ok: false; reason: string };

export const notMeasured = (reason: string): YieldFigure => ({ ok: false, reason });
export const measured = (value: number): YieldFigure => ({ ok: true, value });

const SCALE = 10n ** 18n;

/**
 * (rateNow / rateThen)^(year / Δt) − 1, with Δt the exact seconds between the two blocks.
 * The growth is taken from integers first (relative precision ~1e-18) and annualized with
 * log1p/expm1, so small growths keep their digits.
 */
export function annualizedYield(rateThen: bigint, rateNow: bigint, seconds: number): number {
  if (rateThen <= 0n || rateNow <= 0n) throw new RangeError('rates must be positive');
  if (!(seconds > 0)) throw new RangeError('the window must be longer than zero seconds');
  const growth = Number(((rateNow - rateThen) * SCALE) / rateThen) / Number(SCALE);
  return Math.expm1(Math.log1p(growth) * (SECONDS_PER_YEAR / seconds));
}

/** Both rates as the same fixed-point scale (a feed can change decimals between rounds). */
export function rescale(value: bigint, from: number, to: number): bigint {
  return to >= from ? value * 10n ** BigInt(to - from) : value / 10n ** BigInt(from - to);
}

export type YieldKind = 'lst' | 'lrt' | 'btc-lst' | 'native-restaking' | 'idle' | 'other';

export interface YieldParts {
  base: YieldFigure;
  premium: YieldFigure;
  blended: YieldFigure;
}

/**
 * Splits an asset's realized yield into base staking yield and restaking premium:
 * - LST: its own yield is the base; it is not restaked, so the premium is 0;
 * - LRT: base = the reference LST's yield over the same window, premium = own − base (may be negative);
 * - BTC LST: no BTC base reference yet, so base and premium are not measured;
 * - idle coin (ETH/BTC/SOL held as is): earns nothing, 0 everywhere.
 */
export function splitYield(kind: YieldKind, own: YieldFigure, reference: YieldFigure, referenceName: string): YieldParts {
  switch (kind) {
    case 'idle':
      return { base: measured(0), premium: measured(0), blended: measured(0) };
    case 'lst':
      return { base: own, premium: own.ok ? measured(0) : own, blended: own };
    case 'lrt': {
      const base = reference.ok ? reference : notMeasured(`base reference ${referenceName}: ${reference.reason}`);
      if (!own.ok) return { base, premium: own, blended: own };
      if (!reference.ok) return { base, premium: base, blended: own };
      return { base, premium: measured(own.value - reference.value), blended: own };
    }
    case 'btc-lst': {
      const reason = 'no BTC base reference yet (comes with Babylon support)';
      return { base: notMeasured(reason), premium: notMeasured(reason), blended: own };
    }
    default:
      return { base: notMeasured('not a staking asset'), premium: notMeasured('not a staking asset'), blended: own };
  }
}

export interface Weighted {
  /** Weight in a common unit (USD cents). */
  weight: bigint;
  parts: YieldParts;
}

export interface Blend {
  base: number | null;
  premium: number | null;
  blended: number | null;
  /** Sum of the weights that went into `blended`. */
  weight: bigint;
  /** Items left out because their blended yield or weight was unknown. */
  excluded: number;
}

/**
 * Value-weighted averages. `blended` covers every item with a measured blended yield; base
 * and premium are averaged over the items that have both measured, so base + premium equals
 * blended when every item is split.
 */
export function blend(items: readonly Weighted[]): Blend {
  let weight = 0n;
  let blended = 0;
  let splitWeight = 0n;
  let base = 0;
  let premium = 0;
  let excluded = 0;
  for (const item of items) {
    if (!item.parts.blended.ok) {
      excluded += 1;
      continue;
    }
    if (item.weight <= 0n) continue;
    const w = Number(item.weight);
    weight += item.weight;
    blended += w * item.parts.blended.value;
    if (item.parts.base.ok && item.parts.premium.ok) {
      splitWeight += item.weight;
      base += w * item.parts.base.value;
      premium += w * item.parts.premium.value;
    }
  }
  const total = Number(weight);
  const split = Number(splitWeight);
  return {
    base: split > 0 ? base / split : null,
    premium: split > 0 ? premium / split : null,
    blended: total > 0 ? blended / total : null,
    weight,
    excluded,
  };
}

const INCOME_SCALE = 10n ** 12n;

/** value × yield on integers (truncated toward zero); negative yields give negative income. */
export function projectedIncome(value: bigint, yieldFraction: number): bigint {
  if (!Number.isFinite(yieldFraction)) throw new RangeError('yield must be finite');
  return (value * BigInt(Math.round(yieldFraction * Number(INCOME_SCALE)))) / INCOME_SCALE;
}

/**
 * Simple annualized rate of rewards against the capital that earned them:
 * (rewards / capital) × (year / Δt). Used for claimed EigenLayer rewards, which arrive in
 * lumps and do not compound inside the position.
 */
export function simpleAnnualRate(rewards: bigint, capital: bigint, seconds: number): number {
  if (capital <= 0n) throw new RangeError('capital must be positive');
  if (!(seconds > 0)) throw new RangeError('the window must be longer than zero seconds');
  return (Number((rewards * SCALE) / capital) / Number(SCALE)) * (SECONDS_PER_YEAR / seconds);
}
