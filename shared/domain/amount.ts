/**
 * Token amounts are bigint raw units plus their decimals. Nothing here touches a float:
 * formatting is string arithmetic on the integer, truncating (never rounding up) so a
 * displayed balance is never more than what is held.
 */

const RAW_AMOUNT = /^-?\d+$/;

/** Parses a decimal string of a raw integer amount as stored in SQLite / JSON. */
export function parseRawAmount(text: string): bigint {
  if (!RAW_AMOUNT.test(text)) throw new Error(`Not a raw integer amount: "${text}"`);
  return BigInt(text);
}

export interface FormatOptions {
  /** Most fraction digits to show; the rest is cut off (floor toward zero). */
  maxFractionDigits?: number;
  /** Insert thousands separators in the integer part. */
  group?: boolean;
}

/** Exact decimal string of `raw / 10^decimals`, trailing fraction zeros removed. */
export function toDecimalString(raw: bigint, decimals: number): string {
  assertDecimals(decimals);
  const negative = raw < 0n;
  const digits = (negative ? -raw : raw).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Human display of a raw amount: truncated to `maxFractionDigits` (default 6), grouped. */
export function formatAmount(raw: bigint, decimals: number, options: FormatOptions = {}): string {
  const { maxFractionDigits = 6, group = true } = options;
  const exact = toDecimalString(raw, decimals);
  const negative = exact.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? exact.slice(1) : exact).split('.');
  const shownFraction = fraction.slice(0, maxFractionDigits).replace(/0+$/, '');
  const shownWhole = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const truncatedToZero = shownWhole === '0' && !shownFraction && raw !== 0n;
  if (truncatedToZero) return `${negative ? '-' : ''}<0.${'0'.repeat(Math.max(0, maxFractionDigits - 1))}1`;
  return `${negative ? '-' : ''}${shownWhole}${shownFraction ? `.${shownFraction}` : ''}`;
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) {
    throw new Error(`Invalid decimals: ${decimals}`);
  }
}

/**
 * A decimal number as text (as JSON APIs send prices, e.g. "1.0345", "3.2e-7") to raw units
 * with `decimals` places, truncated. Used once, at the boundary, for API prices; never for
 * balances.
 */
export function parseDecimal(text: string, decimals: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a decimal number: "${text}"`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const scale = decimals - fraction.length + Number(exponent);
  const magnitude = scale >= 0 ? BigInt(digits) * 10n ** BigInt(scale) : BigInt(digits) / 10n ** BigInt(-scale);
  return sign === '-' ? -magnitude : magnitude;
}
