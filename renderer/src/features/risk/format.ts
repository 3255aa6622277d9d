import type { Control, Wait } from '../../../../shared/ipc/risk-schemas';
import { formatPercent, formatRaw } from '../../format';

/** Parts per million (shares, price impact, fee tiers in hundredths of a basis point) as a percentage. */
export const ppmPercent = (ppm: number) => formatPercent(ppm / 1_000_000);

/** A raw amount with its unit, or "—" when main could not tell it. */
export const amountOrDash = (raw: string | null, decimals: number, unit: string) => (raw === null ? '—' : `${formatRaw(raw, decimals)} ${unit}`);

/** A duration for a wait: minutes under an hour, hours under two days, days above (one decimal at most). */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return 'instant';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86_400)} days`;
}
const trim = (value: number) => String(Math.round(value * 10) / 10);

/** "1 h – 5 days", one end when the other is not known, or "unknown". */
export function waitRange(wait: Wait): string {
  const { minSeconds: min, maxSeconds: max } = wait;
  if (min === null && max === null) return 'unknown';
  if (min === null) return `up to ${formatDuration(max!)}`;
  if (max === null) return `at least ${formatDuration(min)}`;
  return min === max ? formatDuration(min) : `${formatDuration(min)} – ${formatDuration(max)}`;
}

/** Kinds of control worth a warning colour: one key, or nobody identified. */
export const controlClass = (control: Control | null) =>
  control === null ? 'muted' : control.control === 'eoa' ? 'error-text' : ['unknown', 'unreadable'].includes(control.control) ? 'warn-text' : '';
