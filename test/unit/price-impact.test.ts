import { describe, expect, it } from 'vitest';
import { ceilDiv, priceImpactPpm, referenceAmount } from '../../shared/domain/price-impact';

const ETH = 10n ** 18n;
const PPM_BIG = 1_000_000n;

describe('priceImpactPpm', () => {
  it('is 0 when the unit price is the same', () => {
    expect(priceImpactPpm(100n * ETH, 99n * ETH, ETH / 1000n, (99n * ETH) / 100_000n)).toBe(0);
  });

  it('measures the unit price shortfall in ppm', () => {
    // Reference 1:1, actual 0.98 per unit: 2% = 20 000 ppm, exactly.
    expect(priceImpactPpm(50n * ETH, 49n * ETH, ETH, ETH)).toBe(20_000);
    // A different reference size, same unit prices.
    expect(priceImpactPpm(10n, 5n, 4n, 4n)).toBe(500_000);
  });

  it('rounds the impact up, against the user', () => {
    // 1 − (2/3)/1 = 1/3 → 333 333.33… ppm → 333 334.
    expect(priceImpactPpm(3n, 2n, 1n, 1n)).toBe(333_334);
    // Just below a whole ppm of impact still shows 1.
    expect(priceImpactPpm(10n ** 12n, 10n ** 12n - 1n, 1n, 1n)).toBe(1);
  });

  it('is negative (rounded toward zero) when the big size gets the better unit price', () => {
    // Reference 1 per 2 (0.5), actual 0.6: −20% → −200 000 ppm.
    expect(priceImpactPpm(10n, 6n, 2n, 1n)).toBe(-200_000);
    // −1/3 ppm rounds up to 0, never to −1.
    expect(priceImpactPpm(3n * PPM_BIG, 3n * PPM_BIG + 1n, 1n, 1n)).toBe(0);
  });

  it('is 1 000 000 when the size gets nothing', () => {
    expect(priceImpactPpm(ETH, 0n, ETH, ETH)).toBe(1_000_000);
  });

  it('is null without a usable reference or amount', () => {
    expect(priceImpactPpm(ETH, ETH, 0n, ETH)).toBeNull();
    expect(priceImpactPpm(ETH, ETH, ETH, 0n)).toBeNull();
    expect(priceImpactPpm(ETH, ETH, ETH, null)).toBeNull();
    expect(priceImpactPpm(ETH, null, ETH, ETH)).toBeNull();
    expect(priceImpactPpm(0n, 0n, ETH, ETH)).toBeNull();
    expect(priceImpactPpm(-1n, ETH, ETH, ETH)).toBeNull();
  });

  it('stays exact far beyond float precision', () => {
    const amountIn = 123_456_789_012_345_678_901_234_567n;
    const referenceIn = 1_000_000_000_000_000n;
    const referenceOut = 999_999_999_999_999n;
    // actual unit price is 1 − 10^−6 of the reference's, up to the rounding in floor division.
    const amountOut = (amountIn * referenceOut * 999_999n) / (referenceIn * 1_000_000n);
    expect(priceImpactPpm(amountIn, amountOut, referenceIn, referenceOut)).toBe(2);
  });
});

describe('referenceAmount', () => {
  it('is 0.001 token for the usual decimals', () => {
    expect(referenceAmount(100n * ETH, 18)).toBe(10n ** 15n);
    expect(referenceAmount(5_000_000n, 6)).toBe(1_000n);
  });

  it('is the amount itself when that is smaller', () => {
    expect(referenceAmount(12_345n, 18)).toBe(12_345n);
  });

  it('is at least one base unit for tokens with fewer than 3 decimals', () => {
    expect(referenceAmount(500n, 2)).toBe(1n);
    expect(referenceAmount(500n, 0)).toBe(1n);
  });
});

describe('ceilDiv', () => {
  it('rounds up for positive and toward zero for negative numerators', () => {
    expect(ceilDiv(7n, 2n)).toBe(4n);
    expect(ceilDiv(6n, 2n)).toBe(3n);
    expect(ceilDiv(-7n, 2n)).toBe(-3n);
    expect(ceilDiv(0n, 5n)).toBe(0n);
  });

  it('refuses a non-positive denominator', () => {
    expect(() => ceilDiv(1n, 0n)).toThrow(RangeError);
  });
});
