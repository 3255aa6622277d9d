/**
 * Rate history: cached block times, rates read at past blocks, the last history read per
 * window, and every stored sample of a rate (past reads and refresh snapshots alike).
 */
import type Database from 'better-sqlite3';
import type { NetworkId } from '../../../../shared/registry/networks';
import type { BlockTime } from '../../chain/evm/block-search';
import type { RateSampleLike } from '../../../../shared/domain/yield-measure';

export interface PastRate {
  key: string;
  value: string | null;
  decimals: number;
  source: string;
  error: string | null;
}

/** One stored value of a rate at a block ('archive': read at a past block; 'refresh': stored with a snapshot). */
export interface RateSample extends RateSampleLike {
  key: string;
}

export interface HistoryRead {
  label: string;
  targetTime: number;
  blockNumber: bigint | null;
  blockTime: number | null;
  error: string | null;
  attemptedAt: number;
}

export function createHistoryRepo(db: Database.Database) {
  const below = db.prepare<[string, number], { n: number; t: number }>(
    'SELECT block_number AS n, timestamp AS t FROM block_times WHERE chain = ? AND timestamp <= ? ORDER BY timestamp DESC, block_number DESC LIMIT 1',
  );
  const above = db.prepare<[string, number], { n: number; t: number }>(
    'SELECT block_number AS n, timestamp AS t FROM block_times WHERE chain = ? AND timestamp > ? ORDER BY timestamp ASC, block_number ASC LIMIT 1',
  );
  const insertBlock = db.prepare('INSERT OR IGNORE INTO block_times (chain, block_number, timestamp) VALUES (?, ?, ?)');
  const insertRate = db.prepare(
    `INSERT OR REPLACE INTO past_rates (chain, block_number, block_time, key, value, decimals, source, error, read_at)
     VALUES (@chain, @blockNumber, @blockTime, @key, @value, @decimals, @source, @error, @readAt)`,
  );
  const upsertRead = db.prepare(
    `INSERT OR REPLACE INTO history_reads (chain, label, target_time, block_number, block_time, error, attempted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectReads = db.prepare<[string], Record<string, number | string | null>>(
    'SELECT label, target_time AS targetTime, block_number AS blockNumber, block_time AS blockTime, error, attempted_at AS attemptedAt FROM history_reads WHERE chain = ?',
  );
  const hasPastNear = db.prepare<[string, number, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM past_rates WHERE chain = ? AND block_time > ? AND block_time <= ? AND value IS NOT NULL',
  );
  // Refresh snapshots and past reads of one chain, oldest first; failed reads are not samples.
  const selectSamples = db.prepare<[string, string], Record<string, number | string>>(
    `SELECT key, value, decimals, block_number AS blockNumber, block_time AS blockTime, source, 'archive' AS origin
       FROM past_rates WHERE chain = ? AND value IS NOT NULL
     UNION ALL
     SELECT r.key, r.value, r.decimals, CAST(s.block_number AS INTEGER), s.block_time, r.source, 'refresh'
       FROM asset_rates r JOIN snapshots s ON s.id = r.snapshot_id WHERE s.chain = ? AND r.value IS NOT NULL
     ORDER BY blockTime, origin`,
  );

  const toBlock = (row: { n: number; t: number } | undefined): BlockTime | null =>
    row ? { number: BigInt(row.n), timestamp: row.t } : null;

  return {
    bracket: (chain: NetworkId, target: number) => ({ below: toBlock(below.get(chain, target)), above: toBlock(above.get(chain, target)) }),
    saveBlockTimes: (chain: NetworkId, blocks: readonly BlockTime[]): void => {
      for (const block of blocks) insertBlock.run(chain, Number(block.number), block.timestamp);
    },
    savePastRates: (chain: NetworkId, block: BlockTime, rates: readonly PastRate[], readAt: number): void => {
      for (const rate of rates) insertRate.run({ chain, blockNumber: Number(block.number), blockTime: block.timestamp, readAt, ...rate });
    },
    hasPastRatesBetween: (chain: NetworkId, after: number, atOrBefore: number): boolean => (hasPastNear.get(chain, after, atOrBefore)?.n ?? 0) > 0,
    saveRead: (chain: NetworkId, read: HistoryRead): void => {
      upsertRead.run(
        chain,
        read.label,
        read.targetTime,
        read.blockNumber === null ? null : Number(read.blockNumber),
        read.blockTime,
        read.error,
        read.attemptedAt,
      );
    },
    reads: (chain: NetworkId): HistoryRead[] =>
      selectReads.all(chain).map((row) => ({
        label: row.label as string,
        targetTime: row.targetTime as number,
        blockNumber: row.blockNumber === null ? null : BigInt(row.blockNumber as number),
        blockTime: row.blockTime as number | null,
        error: row.error as string | null,
        attemptedAt: row.attemptedAt as number,
      })),
    samples: (chain: NetworkId): RateSample[] =>
      selectSamples.all(chain, chain).map((row) => ({
        key: row.key as string,
        value: BigInt(row.value as string),
        decimals: row.decimals as number,
        blockNumber: BigInt(row.blockNumber as number),
        blockTime: row.blockTime as number,
        source: row.source as string,
        origin: row.origin as RateSample['origin'],
      })),
  };
}

export type HistoryRepo = ReturnType<typeof createHistoryRepo>;
