/**
 * Valuation math (groundwork for issue 4): integer arithmetic on raw units, flooring to
 * the raw unit at the end, so no value is ever rounded up. Floats appear only for ratios
 * (premium/discount), never for amounts.
 */

/** A fixed-point number: `value / 10^decimals`. Rates are "underlying per token". */
export interface Fixed {
  value: bigint;
  decimals: number;
}

/** 10^0 … 10^77, computed once: valuing a long history calls this millions of times. */
const POWERS_OF_TEN = Array.from({ length: 78 }, (_, decimals) => 10n ** BigInt(decimals));

const pow10 = (decimals: number): bigint => {
  const power = POWERS_OF_TEN[decimals];
  if (power === undefined || !Number.isInteger(decimals)) throw new Error(`Invalid decimals: ${decimals}`);
  return power;
};

/**
 * amount (token raw units) × rate → underlying raw units, floored.
 * e.g. 2 wstETH (18 dec) × 1.2 stETH/wstETH (rate 18 dec) → 2.4 stETH in 18-dec raw units.
 */
export function convert(amount: bigint, amountDecimals: number, rate: Fixed, resultDecimals: number): bigint {
  if (amount < 0n) throw new Error('Amount must not be negative');
  if (rate.value < 0n) throw new Error('Rate must not be negative');
  return (amount * rate.value * pow10(resultDecimals)) / (pow10(amountDecimals) * pow10(rate.decimals));
}

/** A signed underlying amount in USD cents, truncated toward zero: a loss is never shown larger than it is. */
export function signedCents(raw: bigint, decimals: number, usd: Fixed): bigint {
  return raw < 0n ? -convert(-raw, decimals, usd, 2) : convert(raw, decimals, usd, 2);
}

/** market / NAV − 1 as a ratio (0.01 = 1 % premium, −0.02 = 2 % discount); null when NAV is zero. */
export function premiumToNav(market: Fixed, nav: Fixed): number | null {
  if (nav.value === 0n) return null;
  // Compare at a common scale in bigint first, then divide once: keeps 1e-12 precision.
  const scale = Math.max(market.decimals, nav.decimals);
  const m = market.value * pow10(scale - market.decimals);
  const n = nav.value * pow10(scale - nav.decimals);
  const ppt = ((m - n) * 10n ** 12n) / n;
  return Number(ppt) / 1e12;
}

export type FeedCheck = { ok: true } | { ok: false; reason: string };

/**
 * A Chainlink-style answer is usable only when positive and updated within its heartbeat
 * (plus a grace period for block-time jitter). Times are unix seconds.
 */
export function checkFeedAnswer(answer: bigint, updatedAt: number, now: number, heartbeatSeconds: number, graceSeconds = 600): FeedCheck {
  if (answer <= 0n) return { ok: false, reason: `Feed answer is ${answer === 0n ? 'zero' : 'negative'}` };
  if (updatedAt > now + graceSeconds) return { ok: false, reason: 'Feed update time is in the future' };
  const age = now - updatedAt;
  if (age > heartbeatSeconds + graceSeconds) {
    return { ok: false, reason: `Feed answer is stale: updated ${Math.round(age / 60)} min ago, heartbeat ${Math.round(heartbeatSeconds / 60)} min` };
  }
  return { ok: true };
}
