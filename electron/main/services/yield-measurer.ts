/** Measures windows from one snapshot's stored samples, and shapes per-window yield parts. */
import { projectedIncome, type YIELD_WINDOWS_DAYS, type YieldFigure, type YieldParts } from '../../../shared/domain/yield';
import { measureWindow, type Measurement, type RateSampleLike, type WindowStart } from '../../../shared/domain/yield-measure';
import type { RateSample } from '../db/repos/history.repo';

export type WindowDays = (typeof YIELD_WINDOWS_DAYS)[number];

/** Measurements from one snapshot's samples, memoized per rate key and window. */
export interface MeasurerInput {
  samples: readonly RateSample[];
  snapshotBlock: bigint;
  /** Why a rate read failed at the latest snapshot, by key. */
  readErrors: ReadonlyMap<string, string>;
  startOf: (days: number, now: RateSampleLike) => WindowStart | null;
}

export function createMeasurer({ samples, snapshotBlock, readErrors, startOf }: MeasurerInput) {
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
    /** The measured yield of a rate, or why there is none. */
    figure(key: string, days: number, symbol: string): YieldFigure {
      const measurement = this.measure(key, days);
      if (measurement) return measurement.figure;
      const error = readErrors.get(key);
      return { ok: false, reason: error ? `${symbol} rate could not be read at the latest refresh: ${error}` : `${symbol} rate not read at the latest refresh` };
    },
  };
}
export type Measurer = ReturnType<typeof createMeasurer>;

export function partsDto(days: WindowDays, parts: YieldParts, underlyingValue: bigint | null, usdCents: bigint | null) {
  const blended = parts.blended;
  return {
    windowDays: days,
    ...parts,
    incomeUnderlying: blended.ok && underlyingValue !== null ? projectedIncome(underlyingValue, blended.value).toString() : null,
    incomeUsdCents: blended.ok && usdCents !== null ? projectedIncome(usdCents, blended.value).toString() : null,
  };
}

