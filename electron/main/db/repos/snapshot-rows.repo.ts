/** One past snapshot's balance rows with their wallet, for history and compare (read only). */
import type Database from 'better-sqlite3';

export interface SnapshotBalanceRow {
  walletId: number;
  /** null for the network's native coin. */
  tokenAddress: string | null;
  symbol: string;
  name: string;
  decimals: number;
  rawAmount: string | null;
  error: string | null;
}

export function createSnapshotRowsRepo(db: Database.Database) {
  const select = db.prepare<[number], SnapshotBalanceRow>(
    `SELECT wallet_id AS walletId, NULLIF(token_address, '') AS tokenAddress, symbol, name, decimals, raw_amount AS rawAmount, error
     FROM balances WHERE snapshot_id = ?`,
  );
  return {
    /** Unordered: callers key rows by wallet, network and token. */
    balances: (snapshotId: number): SnapshotBalanceRow[] => select.all(snapshotId),
  };
}

export type SnapshotRowsRepo = ReturnType<typeof createSnapshotRowsRepo>;
