/** Table cells for figures main computed: USD effects, rates and amounts, or why there is none. */
import type { EffectDto } from '../../../../shared/ipc/history-schemas';
import type { RateFigureDto } from '../../../../shared/ipc/schemas';
import { formatPercent, formatRaw, formatUsdCents } from '../../format';
import { isSanityReason } from '../../../../shared/domain/sanity';
import { SanityMark } from '../../components/SanityMark';

/** "+$1.00" / "−$1.00" / "$0.00": a change in USD. */
export const signedUsd = (cents: string) => (cents.startsWith('-') || cents === '0' ? formatUsdCents(cents) : `+${formatUsdCents(cents)}`);

function Missing({ reason }: { reason: string }) {
  if (isSanityReason(reason)) return <SanityMark reason={reason} />;
  return (
    <span className="muted" title={reason}>
      n/a<span className="visually-hidden">: {reason}</span>
    </span>
  );
}

export function EffectCell({ effect, testId }: { effect: EffectDto; testId: string }) {
  return (
    <td className="num mono" data-testid={testId}>
      {effect.ok ? signedUsd(effect.usdCents) : <Missing reason={effect.reason} />}
    </td>
  );
}

export function RateText({ figure }: { figure: RateFigureDto }) {
  return figure.ok ? <span title={figure.source}>{formatRaw(figure.value, figure.decimals, { maxFractionDigits: 6 })}</span> : <Missing reason={figure.reason} />;
}

export function AmountText({ raw, decimals, error }: { raw: string | null; decimals: number; error?: string | null }) {
  if (raw === null) return <Missing reason={error ?? 'balance could not be read'} />;
  return <span>{formatRaw(raw, decimals)}</span>;
}

export function UsdText({ cents, reason }: { cents: string | null; reason: string }) {
  return cents === null ? <Missing reason={reason} /> : <span>{formatUsdCents(cents)}</span>;
}

export function MeasuredText({ value, reason }: { value: number | null; reason: string | null }) {
  return value === null ? <Missing reason={reason ?? 'not measured'} /> : <span>{formatPercent(value)}</span>;
}
