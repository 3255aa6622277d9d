/** NAV rates and prices stored with an Ethereum snapshot; written inside its transaction. */
import type Database from 'better-sqlite3';
import type { StoredRateLike } from '../../../../shared/domain/position-valuation';

/** The stored shape is the one the valuation reads. */
export type StoredRate = StoredRateLike;

export function createRatesRepo(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO asset_rates (snapshot_id, key, value, decimals, updated_at, source, error) VALUES (@snapshotId, @key, @value, @decimals, @updatedAt, @source, @error)',
  );
  const select = db.prepare<[number], StoredRate>(
    'SELECT key, value, decimals, updated_at AS updatedAt, source, error FROM asset_rates WHERE snapshot_id = ? ORDER BY key',
  );
  // The sanity bounds' "previous good value": newest snapshot of the chain with a value for the key.
  const selectLatestGood = db.prepare<[string, string], { value: string; decimals: number; blockTime: number }>(
    `SELECT r.value, r.decimals, s.block_time AS blockTime FROM snapshots s JOIN asset_rates r ON r.snapshot_id = s.id AND r.key = ?
      WHERE s.chain = ? AND r.value IS NOT NULL ORDER BY s.id DESC LIMIT 1`,
  );
  return {
    insertAll: (snapshotId: number, rates: readonly StoredRate[]): void => {
      for (const rate of rates) insert.run({ snapshotId, ...rate });
    },
    forSnapshot: (snapshotId: number): StoredRate[] => select.all(snapshotId),
    latestGood: (chain: string, key: string): { rate: { value: bigint; decimals: number }; time: number } | null => {
      const row = selectLatestGood.get(key, chain);
      return row ? { rate: { value: BigInt(row.value), decimals: row.decimals }, time: row.blockTime } : null;
    },
  };
}

export type RatesRepo = ReturnType<typeof createRatesRepo>;
