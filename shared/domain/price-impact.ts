/**
 * Price impact of a sell, from two quotes at the same venue and fee tier: the actual size and
 * a small reference size. Integer math on bigint only; rounding always goes against the user
 * (the impact shown is never smaller than the exact one).
 */

export const PPM = 1_000_000n;

/**
 * How much worse the per-unit price of (amountIn → amountOut) is than that of
 * (referenceIn → referenceOut), in parts per million, rounded up:
 *   ceil(10^6 × (1 − (amountOut / amountIn) / (referenceOut / referenceIn))).
 * 0 means no impact; negative means the big size got a better unit price (only from rounding
 * in the reference quote). Null when an input is missing, zero or negative.
 */
export function priceImpactPpm(amountIn: bigint, amountOut: bigint | null, referenceIn: bigint, referenceOut: bigint | null): number | null {
  if (amountOut === null || referenceOut === null) return null;
  if (amountIn <= 0n || referenceIn <= 0n || referenceOut <= 0n || amountOut < 0n) return null;
  // Reference unit price = referenceOut / referenceIn; actual = amountOut / amountIn.
  const reference = amountIn * referenceOut;
  const actual = amountOut * referenceIn;
  return Number(ceilDiv((reference - actual) * PPM, reference));
}

/**
 * The small size a quote is compared with: 0.001 of a whole token (10^(decimals−3) base
 * units, at least 1), or the amount itself when it is smaller. Small enough that the pool's
 * price barely moves, large enough that integer rounding of the output stays far below 1 ppm
 * for 18-decimal tokens priced near 1 ETH.
 */
export function referenceAmount(amountIn: bigint, decimals: number): bigint {
  const reference = 10n ** BigInt(Math.max(decimals - 3, 0));
  return amountIn < reference ? amountIn : reference;
}

/** Ceiling of numerator / denominator for a positive denominator, either sign of numerator. */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('ceilDiv needs a positive denominator');
  const quotient = numerator / denominator; // bigint division truncates toward zero
  return numerator % denominator > 0n ? quotient + 1n : quotient;
}
