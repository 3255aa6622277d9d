/** Display-only formatting: times, addresses, and the raw integer strings main sends. */
import { formatAmount, toDecimalString, type FormatOptions } from '../../shared/domain/amount';

/** A raw integer amount (decimal string from main) for display: truncated and grouped. */
export function formatRaw(raw: string, decimals: number, options?: FormatOptions): string {
  return formatAmount(BigInt(raw), decimals, options);
}

/** The same amount exactly, for tooltips. */
export function exactRaw(raw: string, decimals: number): string {
  return toDecimalString(BigInt(raw), decimals);
}

export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatAge(epochMs: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function shortAddress(address: string): string {
  return address.length > 16 ? `${address.slice(0, 8)}…${address.slice(-6)}` : address;
}

/** USD from integer cents (a decimal string): "$1,234.56". */
export function formatUsdCents(cents: string): string {
  const negative = cents.startsWith('-');
  const digits = (negative ? cents.slice(1) : cents).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}$${whole}.${digits.slice(-2)}`;
}

/**
 * A ratio as a percentage: "3.12 %", "−1.05 %"; `signed` adds "+" (premiums, discounts).
 * Used for yields (fraction a year) and premium to NAV. Display-only float.
 */
export function formatPercent(fraction: number, signed = false): string {
  const percent = fraction * 100;
  const sign = percent < 0 ? '−' : signed && percent > 0 ? '+' : '';
  return `${sign}${Math.abs(percent).toFixed(2)} %`;
}
