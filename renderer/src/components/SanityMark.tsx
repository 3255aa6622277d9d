import { isSanityReason } from '../../../shared/domain/sanity';

/** A figure main rejected as outside its sanity bounds (docs/sanity-bounds.md): the reason on hover and for screen readers. */
export function SanityMark({ reason }: { reason: string }) {
  return (
    <span className="warn-text sanity-warning" data-testid="sanity-warning" title={reason}>
      ⚠ suspect<span className="visually-hidden">: {reason}</span>
    </span>
  );
}

/** Why a figure is missing: the sanity warning when it was rejected as out of bounds, else a muted n/a. */
export function Missing({ reason }: { reason?: string | null }) {
  return reason && isSanityReason(reason) ? <SanityMark reason={reason} /> : <span className="muted" title={reason ?? undefined}>n/a</span>;
}
