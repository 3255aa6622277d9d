/**
 * Realized yield over a window from stored rate samples: the sample nearest the window's
 * start (within a tolerance) against the newest one, annualized over the exact time between
 * their blocks. Samples come from reads at past blocks ('archive') or from refreshes.
 */
import { annualizedYield, measured, notMeasured, rescale, SECONDS_PER_DAY, type YieldFigure } from './yield';

export interface RateSampleLike {
  value: bigint;
  decimals: number;
  blockNumber: bigint;
  blockTime: number;
  source: string;
  origin: 'archive' | 'refresh';
}

/** A window's start sample may sit this share of the window away from the exact start. */
export const START_TOLERANCE = 0.1;

export interface Measurement {
  figure: YieldFigure;
  from: RateSampleLike | null;
  to: RateSampleLike;
  /** Exact seconds between the two blocks. */
  seconds: number | null;
}

/** The sample closest to `target` within ± tolerance seconds (ties: the archive read); samples sorted by time. */
export function nearestSample<T extends RateSampleLike>(samples: readonly T[], target: number, tolerance: number): T | null {
  let best: T | null = null;
  for (const sample of samples) {
    const distance = Math.abs(sample.blockTime - target);
    if (distance > tolerance) continue;
    const bestDistance = best ? Math.abs(best.blockTime - target) : Infinity;
    if (distance < bestDistance || (distance === bestDistance && sample.origin === 'archive')) best = sample;
  }
  return best;
}

const COMMON_DECIMALS = 36;

/** Growth from one sample to another, annualized; rates are brought to one scale first. */
export function yieldBetween(from: RateSampleLike, to: RateSampleLike): YieldFigure {
  const then = rescale(from.value, from.decimals, COMMON_DECIMALS);
  const now = rescale(to.value, to.decimals, COMMON_DECIMALS);
  if (then <= 0n || now <= 0n) return notMeasured('a rate in the window is zero or negative');
  return measured(annualizedYield(then, now, to.blockTime - from.blockTime));
}

/** What the history read found for this window: the block in force at its start, or why none. */
export interface WindowStart {
  /** The last block at or before the window start, when one was found and read. */
  blockNumber: bigint | null;
  /** Why there is no archive read, added to a "not enough history" reason. */
  error: string | null;
}

/**
 * `samples`: one rate's samples, oldest first, `now` among them or not. The start is the
 * archive read at the block in force at the window start (its state held until the next
 * block, however far that is); without one, the stored sample nearest the start.
 */
export function measureWindow(samples: readonly RateSampleLike[], now: RateSampleLike, windowDays: number, start: WindowStart | null = null): Measurement {
  const window = windowDays * SECONDS_PER_DAY;
  const target = now.blockTime - window;
  const earlier = samples.filter((sample) => sample.blockTime < now.blockTime);
  const archived = start?.blockNumber == null ? undefined : earlier.find((sample) => sample.origin === 'archive' && sample.blockNumber === start.blockNumber);
  const missing = start?.error;
  const from = archived ?? nearestSample(earlier, target, window * START_TOLERANCE);
  if (!from) {
    const day = new Date(target * 1000).toISOString().slice(0, 10);
    const reason = `not enough history: no rate sample near ${day}${missing ? ` (${missing})` : ''}`;
    return { figure: notMeasured(reason), from: null, to: now, seconds: null };
  }
  return { figure: yieldBetween(from, now), from, to: now, seconds: now.blockTime - from.blockTime };
}

export interface YieldPoint {
  time: number;
  value: number;
}

/** The rolling window yield at every sample that has a start sample one window earlier. */
export function rollingYield(samples: readonly RateSampleLike[], windowDays: number): YieldPoint[] {
  const window = windowDays * SECONDS_PER_DAY;
  const points: YieldPoint[] = [];
  let lastTime = -Infinity;
  for (const sample of samples) {
    if (sample.blockTime === lastTime) continue;
    const from = nearestSample(samples, sample.blockTime - window, window * START_TOLERANCE);
    if (!from || from.blockTime >= sample.blockTime) continue;
    const figure = yieldBetween(from, sample);
    if (figure.ok) {
      points.push({ time: sample.blockTime, value: figure.value });
      lastTime = sample.blockTime;
    }
  }
  return points;
}
