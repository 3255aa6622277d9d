import { describe, expect, it } from 'vitest';
import { formatAmount, parseDecimal, parseRawAmount, toDecimalString } from '../../shared/domain/amount';

describe('toDecimalString', () => {
  it('places the decimal point exactly, without floats', () => {
    expect(toDecimalString(1234567890123456789n, 18)).toBe('1.234567890123456789');
    expect(toDecimalString(1n, 18)).toBe('0.000000000000000001');
    expect(toDecimalString(10n ** 18n, 18)).toBe('1');
    expect(toDecimalString(0n, 6)).toBe('0');
    expect(toDecimalString(123n, 0)).toBe('123');
    expect(toDecimalString(-1500000n, 6)).toBe('-1.5');
  });

  it('handles uint256 max', () => {
    const max = 2n ** 256n - 1n;
    expect(toDecimalString(max, 18)).toBe('115792089237316195423570985008687907853269984665640564039457.584007913129639935');
  });

  it('rejects nonsense decimals', () => {
    expect(() => toDecimalString(1n, -1)).toThrow(/decimals/);
    expect(() => toDecimalString(1n, 1.5)).toThrow(/decimals/);
  });
});

describe('formatAmount', () => {
  it('truncates (never rounds up) and groups thousands', () => {
    expect(formatAmount(1234567999999999999999n, 18)).toBe('1,234.567999');
    expect(formatAmount(1999999n, 6, { maxFractionDigits: 2 })).toBe('1.99');
    expect(formatAmount(1000000000n * 10n ** 18n, 18)).toBe('1,000,000,000');
    expect(formatAmount(123456789n, 8, { group: false })).toBe('1.234567');
  });

  it('shows a tiny non-zero balance as "<0.000001", not as zero', () => {
    expect(formatAmount(1n, 18)).toBe('<0.000001');
    expect(formatAmount(0n, 18)).toBe('0');
  });
});

describe('parseRawAmount', () => {
  it('accepts integer strings only', () => {
    expect(parseRawAmount('1234567890123456789012345')).toBe(1234567890123456789012345n);
    expect(() => parseRawAmount('1.5')).toThrow();
    expect(() => parseRawAmount('1e18')).toThrow();
    expect(() => parseRawAmount('')).toThrow();
  });
});

describe('parseDecimal', () => {
  it('turns API decimals into raw units, truncating', () => {
    expect(parseDecimal('1.0345', 18)).toBe(1_034_500_000_000_000_000n);
    expect(parseDecimal('69702.3087473573', 8)).toBe(6_970_230_874_735n);
    expect(parseDecimal('3.2e-7', 18)).toBe(320_000_000_000n);
    expect(parseDecimal('1.5E+3', 2)).toBe(150_000n);
    expect(parseDecimal('0.123456789', 6)).toBe(123_456n);
    expect(parseDecimal('-2.5', 1)).toBe(-25n);
  });

  it('rejects what is not a number', () => {
    for (const bad of ['', 'abc', '1,5', 'NaN', 'Infinity', '1.2.3']) expect(() => parseDecimal(bad, 18)).toThrow(/Not a decimal/);
  });
});
