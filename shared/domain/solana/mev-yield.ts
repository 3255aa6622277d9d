/**
 * The MEV part of a Jito stake pool's yield from Jito's published statistics: the MEV
 * rewards summed over a window against the pool's mean TVL, net of the pool's epoch fee,
 * as a simple annual rate (MEV arrives once per epoch and is not compounded here). An
 * estimate from a public API, labelled as one where it is shown.
 */
import { simpleAnnualRate, measured, notMeasured, type YieldFigure, type YieldParts } from '../yield';

export interface MevStats {
  mevLamports: bigint;
  meanTvlLamports: bigint;
  /** Days the statistics cover (one point per UTC day). */
  days: number;
}

/** Fee as a fraction scaled by 10^18 (stored with the pool's rate). */
export function mevYield(stats: MevStats, feeWad: bigint): YieldFigure {
  if (stats.meanTvlLamports <= 0n || stats.days <= 0) return notMeasured('Jito statistics have no TVL for this window');
  const net = (stats.mevLamports * (10n ** 18n - feeWad)) / 10n ** 18n;
  return measured(simpleAnnualRate(net, stats.meanTvlLamports, stats.days * 86_400));
}

/** JitoSOL-style split: blended = the pool's realized NAV growth; premium = MEV; base = the rest (staking rewards). */
export function splitWithMev(own: YieldFigure, mev: YieldFigure): YieldParts {
  if (!own.ok) return { base: own, premium: mev.ok ? mev : own, blended: own };
  if (!mev.ok) return { base: notMeasured(`staking/MEV split unknown: ${mev.reason}`), premium: mev, blended: own };
  return { base: measured(own.value - mev.value), premium: mev, blended: own };
}
