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
  return {
    insertAll: (snapshotId: number, rates: readonly StoredRate[]): void => {
      for (const rate of rates) insert.run({ snapshotId, ...rate });
    },
    forSnapshot: (snapshotId: number): StoredRate[] => select.all(snapshotId),
  };
}

export type RatesRepo = ReturnType<typeof createRatesRepo>;
