/**
 * Snapshot thinning. Of the snapshots taken on UTC days before the cutoff day, each network
 * keeps the last one of each day (by block time, then id); a chain's latest snapshot
 * (chain_status.last_snapshot_id) is never removed. Every table that hangs off a snapshot
 * (balances, eigen_positions, asset_rates, exposure, Solana and Bitcoin rows: migrations
 * 0001-0008) references it with ON DELETE CASCADE, so deleting the snapshot row removes them.
 */
import type Database from 'better-sqlite3';

const DAY_SECONDS = 86_400;

export function createRetentionRepo(db: Database.Database) {
  const thin = db.prepare<[number]>(
    `DELETE FROM snapshots WHERE id IN (
       SELECT id FROM (
         SELECT id, ROW_NUMBER() OVER (PARTITION BY chain, block_time / ${DAY_SECONDS} ORDER BY block_time DESC, id DESC) AS rank
         FROM snapshots WHERE block_time < ?
       ) WHERE rank > 1
     ) AND id NOT IN (SELECT last_snapshot_id FROM chain_status WHERE last_snapshot_id IS NOT NULL)`,
  );
  return {
    /** Thins snapshots whose block time (unix seconds) is before `cutoffSeconds` (a UTC day start); returns how many were removed. */
    thinBefore: (cutoffSeconds: number): number => db.transaction(() => thin.run(cutoffSeconds).changes)(),
    /**
     * Refreshes the planner's statistics where they are missing or stale (bounded work: SQLite
     * samples). Without them the latest-positions query walks every balance ever stored through
     * balances_wallet to avoid a sort: 1.5 s instead of milliseconds for a year of 1,000 wallets.
     */
    optimize: (): void => {
      db.pragma('optimize');
    },
    /** Rebuilds the file without free pages, then truncates the WAL so the space goes back to the disk. */
    vacuum: (): void => {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
