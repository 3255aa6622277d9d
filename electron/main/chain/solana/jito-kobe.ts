/**
 * Jito's public stake-pool statistics (Kobe API, `POST /api/v1/stake_pool_stats`; shape and
 * traps in ../shared/api-shapes/jito-kobe.md): per UTC day the pool's TVL (lamports), the
 * epoch's MEV rewards (lamports) and Jito's published APY (a fraction), and the MEV summed
 * over the window. A window without data is an HTTP 500 with all-empty arrays.
 */
import { z } from 'zod';
import { fetchJson, type HttpOptions } from '../http/fetch-json';
import { parseJsonExact, u64Schema as lamports } from './json-exact';

/** jito-omnidocs stake-pool-api/index.md "Base URL" (@44f583b). */
export const DEFAULT_KOBE_BASE = 'https://kobe.mainnet.jito.network';

const date = z.string().datetime({ offset: true });
const series = <T extends z.ZodType>(data: T) => z.array(z.object({ data, date }));
const statsSchema = z.object({
  aggregated_mev_rewards: lamports,
  mev_rewards: series(lamports),
  tvl: series(lamports),
  apy: series(z.number().finite()),
});

export interface StakePoolStats {
  /** First and last day's snapshot times in the answer (unix seconds). */
  from: number;
  to: number;
  days: number;
  aggregatedMevLamports: bigint;
  /** Mean of the daily TVL points, lamports. */
  meanTvlLamports: bigint;
  /** Jito's own APY at the last day (fraction), as published. */
  publishedApy: number;
  publishedAt: number;
}

export class JitoApiError extends Error {}

/** Stats over the `days` days up to `nowSeconds`; null when Jito has no data for that window. */
export async function fetchStakePoolStats(base: string, days: number, nowSeconds: number, options: HttpOptions = {}): Promise<StakePoolStats | null> {
  const end = new Date(nowSeconds * 1000);
  const start = new Date((nowSeconds - days * 86_400) * 1000);
  const { status, body } = await fetchJson(
    {
      service: 'Jito stake_pool_stats',
      url: `${base.replace(/\/+$/, '')}/api/v1/stake_pool_stats`,
      method: 'POST',
      // All three fields are required, or the server silently answers its default 7-day window.
      body: { bucket_type: 'Daily', range_filter: { start: start.toISOString(), end: end.toISOString() }, sort_by: { field: 'BlockTime', order: 'Asc' } },
      acceptStatuses: [500],
      parse: parseJsonExact,
    },
    options,
  );
  const parsed = statsSchema.safeParse(body);
  if (!parsed.success) {
    if (status === 500) throw new JitoApiError('Jito stake_pool_stats answered HTTP 500');
    throw new JitoApiError(`Jito stake_pool_stats sent an unexpected shape (${parsed.error.issues[0]?.path.join('.') ?? 'body'})`);
  }
  const stats = parsed.data;
  if (stats.tvl.length === 0 || stats.apy.length === 0) {
    if (status === 500) return null;
    throw new JitoApiError('Jito stake_pool_stats sent no TVL or APY points');
  }
  const time = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const sum = stats.tvl.reduce((total, point) => total + point.data, 0n);
  const last = stats.apy.at(-1)!;
  return {
    from: time(stats.tvl[0]!.date),
    to: time(stats.tvl.at(-1)!.date),
    days: stats.tvl.length,
    aggregatedMevLamports: stats.aggregated_mev_rewards,
    meanTvlLamports: sum / BigInt(stats.tvl.length),
    publishedApy: last.data,
    publishedAt: time(last.date),
  };
}
