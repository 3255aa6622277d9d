/** Measures windows from one snapshot's stored samples, and shapes per-window yield parts. */
import { projectedIncome, type YIELD_WINDOWS_DAYS, type YieldFigure, type YieldParts } from '../../../shared/domain/yield';
import { measureWindow, type Measurement, type RateSampleLike, type WindowStart } from '../../../shared/domain/yield-measure';
import type { RateSample } from '../db/repos/history.repo';

export type WindowDays = (typeof YIELD_WINDOWS_DAYS)[number];

/** Measurements from one snapshot's samples, memoized per rate key and window. */
export function createMeasurer(samples: readonly RateSample[], snapshotBlock: bigint, startOf: (days: number, now: RateSampleLike) => WindowStart | null) {
  const byKey = new Map<string, RateSample[]>();
  for (const sample of samples) {
    const list = byKey.get(sample.key) ?? [];
    list.push(sample);
    byKey.set(sample.key, list);
  }
  const memo = new Map<string, Measurement | null>();
  return {
    samplesOf: (key: string): readonly RateSample[] => byKey.get(key) ?? [],
    /** null: the rate was not read at the latest snapshot. */
    measure(key: string, days: number): Measurement | null {
      const id = `${key}@${days}`;
      if (!memo.has(id)) {
        const list = byKey.get(key) ?? [];
        const now = list.find((sample) => sample.origin === 'refresh' && sample.blockNumber === snapshotBlock);
        memo.set(id, now ? measureWindow(list, now, days, startOf(days, now)) : null);
      }
      return memo.get(id)!;
    },
  };
}
export type Measurer = ReturnType<typeof createMeasurer>;

export const figureOf = (measurement: Measurement | null, symbol: string | null): YieldFigure =>
  measurement ? measurement.figure : { ok: false, reason: `${symbol ?? "the"} rate not read at the latest refresh` };

export function partsDto(days: WindowDays, parts: YieldParts, underlyingValue: bigint | null, usdCents: bigint | null) {
  const blended = parts.blended;
  return {
    windowDays: days,
    ...parts,
    incomeUnderlying: blended.ok && underlyingValue !== null ? projectedIncome(underlyingValue, blended.value).toString() : null,
    incomeUsdCents: blended.ok && usdCents !== null ? projectedIncome(usdCents, blended.value).toString() : null,
  };
}

