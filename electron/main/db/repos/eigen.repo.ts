/** Native EigenLayer rows of a snapshot: written inside the snapshot's transaction. */
import type Database from 'better-sqlite3';

/** One stored row; bigint amounts as decimal strings, as everywhere in SQLite. */
export interface EigenStoredRow {
  walletId: number;
  kind: 'strategy' | 'pod' | 'withdrawal' | 'error';
  operator: string | null;
  strategy: string | null;
  assetToken: string | null;
  assetSymbol: string | null;
  assetDecimals: number | null;
  depositShares: string | null;
  withdrawableShares: string | null;
  depositUnderlying: string | null;
  withdrawableUnderlying: string | null;
  pod: string | null;
  slashingFactor: string | null;
  startBlock: string | null;
  completableBlock: string | null;
  error: string | null;
}

const COLUMNS = [
  ['walletId', 'wallet_id'],
  ['kind', 'kind'],
  ['operator', 'operator'],
  ['strategy', 'strategy'],
  ['assetToken', 'asset_token'],
  ['assetSymbol', 'asset_symbol'],
  ['assetDecimals', 'asset_decimals'],
  ['depositShares', 'deposit_shares'],
  ['withdrawableShares', 'withdrawable_shares'],
  ['depositUnderlying', 'deposit_underlying'],
  ['withdrawableUnderlying', 'withdrawable_underlying'],
  ['pod', 'pod'],
  ['slashingFactor', 'slashing_factor'],
  ['startBlock', 'start_block'],
  ['completableBlock', 'completable_block'],
  ['error', 'error'],
] as const;

export function createEigenRepo(db: Database.Database) {
  // Skips rows of a wallet removed while the chain was being read, like balances do.
  const insert = db.prepare(
    `INSERT INTO eigen_positions (snapshot_id, ${COLUMNS.map(([, column]) => column).join(', ')})
     SELECT @snapshotId, ${COLUMNS.map(([key]) => `@${key}`).join(', ')} WHERE EXISTS (SELECT 1 FROM wallets WHERE id = @walletId)`,
  );
  const selectForSnapshot = db.prepare<[number], Record<string, unknown>>(
    `SELECT ${COLUMNS.map(([key, column]) => `${column} AS ${key}`).join(', ')} FROM eigen_positions WHERE snapshot_id = ? ORDER BY wallet_id, rowid`,
  );
  return {
    /** Call inside the snapshot transaction. */
    insertAll: (snapshotId: number, rows: readonly EigenStoredRow[]): void => {
      for (const row of rows) insert.run({ snapshotId, ...row });
    },
    forSnapshot: (snapshotId: number): EigenStoredRow[] => selectForSnapshot.all(snapshotId) as unknown as EigenStoredRow[],
  };
}

export type EigenRepo = ReturnType<typeof createEigenRepo>;
