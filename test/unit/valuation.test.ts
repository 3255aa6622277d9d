import { describe, expect, it } from 'vitest';
import { checkFeedAnswer, convert, premiumToNav } from '../../shared/domain/valuation';

describe('convert', () => {
  it('multiplies by a fixed-point rate and floors to the raw unit', () => {
    // 1.234567890123456789 wstETH × 1.190123456789012345 stETH/wstETH
    const amount = 1_234_567_890_123_456_789n;
    const rate = { value: 1_190_123_456_789_012_345n, decimals: 18 };
    // Expected value computed independently with Python's exact integers: a * r // 10**18.
    expect(convert(amount, 18, rate, 18)).toBe(1_469_288_205_034_445_966n);
  });

  it('converts across decimals (8-decimal BTC token priced in 8-decimal USD)', () => {
    // 0.5 LBTC × 64,123.45678901 USD/BTC = 32,061.728394505 USD → floored at 8 decimals
    expect(convert(50_000_000n, 8, { value: 6_412_345_678_901n, decimals: 8 }, 8)).toBe(3_206_172_839_450n);
    // to cents: floors 32,061.72839… to 3,206,172 cents
    expect(convert(50_000_000n, 8, { value: 6_412_345_678_901n, decimals: 8 }, 2)).toBe(3_206_172n);
  });

  it('never rounds up', () => {
    expect(convert(1n, 18, { value: 999_999_999_999_999_999n, decimals: 18 }, 18)).toBe(0n);
    expect(convert(3n, 0, { value: 1n, decimals: 1 }, 0)).toBe(0n);
  });

  it('rejects negative inputs', () => {
    expect(() => convert(-1n, 18, { value: 1n, decimals: 0 }, 18)).toThrow(/negative/);
    expect(() => convert(1n, 18, { value: -1n, decimals: 0 }, 18)).toThrow(/negative/);
  });
});

describe('premiumToNav', () => {
  it('is market / NAV − 1, positive for a premium and negative for a discount', () => {
    expect(premiumToNav({ value: 1_010_000n, decimals: 6 }, { value: 1_000_000_000_000_000_000n, decimals: 18 })).toBeCloseTo(0.01, 12);
    expect(premiumToNav({ value: 98n, decimals: 2 }, { value: 1n, decimals: 0 })).toBeCloseTo(-0.02, 12);
    expect(premiumToNav({ value: 1_061_234_567_890_123_456n, decimals: 18 }, { value: 1_062_000_000_000_000_000n, decimals: 18 })).toBeCloseTo(-0.0007207458661737703, 12); // Python Fraction
  });

  it('is null when NAV is zero instead of infinite', () => {
    expect(premiumToNav({ value: 1n, decimals: 0 }, { value: 0n, decimals: 18 })).toBeNull();
  });
});

describe('checkFeedAnswer', () => {
  const now = 1_790_000_000;
  it('accepts a positive answer within heartbeat and grace', () => {
    expect(checkFeedAnswer(300_000_000_000n, now - 3_600, now, 3_600)).toEqual({ ok: true });
  });
  it('rejects zero, negative, stale and future answers with a reason', () => {
    expect(checkFeedAnswer(0n, now, now, 3_600)).toEqual({ ok: false, reason: 'Feed answer is zero' });
    expect(checkFeedAnswer(-5n, now, now, 3_600)).toEqual({ ok: false, reason: 'Feed answer is negative' });
    expect(checkFeedAnswer(1n, now - 3_600 - 601, now, 3_600)).toEqual({ ok: false, reason: 'Feed answer is stale: updated 70 min ago, heartbeat 60 min' });
    expect(checkFeedAnswer(1n, now + 3_600, now, 3_600)).toEqual({ ok: false, reason: 'Feed update time is in the future' });
  });
});
