import type { Position, RateFigureDto } from '../../../../shared/ipc/schemas';
import { isSanityReason, SANITY_PREFIX } from '../../../../shared/domain/sanity';

export const reasonOf = (figure: RateFigureDto | undefined): string | undefined => (figure && !figure.ok ? figure.reason : undefined);

/** Every distinct out-of-bounds reason among the positions: a suspect balance, NAV, market or USD price. */
export function sanityReasons(positions: readonly Position[]): string[] {
  const reasons = positions.flatMap((position) => [
    position.rawAmount === null ? position.error : null,
    reasonOf(position.valuation?.nav),
    reasonOf(position.valuation?.market),
    reasonOf(position.valuation?.usd),
  ]);
  return [...new Set(reasons.filter((reason): reason is string => isSanityReason(reason)))].sort();
}

/** The Portfolio page's summary: figures left out of every total because they were absurd. */
export function SanitySummary({ positions }: { positions: readonly Position[] }) {
  const reasons = sanityReasons(positions);
  if (reasons.length === 0) return null;
  return (
    <section className="card" role="alert" data-testid="sanity-summary">
      <p className="warn-text">
        <strong>⚠ {reasons.length} suspect {reasons.length === 1 ? 'value was' : 'values were'} rejected</strong> — outside the sanity bounds, stored as
        missing and left out of every total:
      </p>
      <ul className="small">
        {reasons.map((reason) => <li key={reason}>{reason.slice(SANITY_PREFIX.length)}</li>)}
      </ul>
    </section>
  );
}
