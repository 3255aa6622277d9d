import type Database from 'better-sqlite3';
import type { NetworkId } from '../../../../shared/registry/networks';

export interface BalanceRow {
  walletId: number;
  /** null for the chain's native coin. */
  tokenAddress: string | null;
  symbol: string;
  name: string;
  decimals: number;
  rawAmount: bigint | null;
  error: string | null;
}

export interface NewSnapshot {
  chain: NetworkId;
  blockNumber: bigint;
  blockTime: number;
  fetchedAt: number;
  rpcUrl: string;
  walletCount: number;
  balances: BalanceRow[];
}

/** One stored balance of a snapshot, with its wallet (history, compare, value over time). */
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

export interface ChainStatusRow {
  chain: NetworkId;
  snapshotId: number | null;
  blockNumber: string | null;
  blockTime: number | null;
  fetchedAt: number | null;
  rpcUrl: string | null;
  walletCount: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

/** A stored balance of a network's latest snapshot, with the snapshot's block and endpoint. */
export interface StoredPosition extends SnapshotBalanceRow {
  chain: NetworkId;
  blockNumber: string;
  blockTime: number;
  rpcUrl: string;
}

export function createSnapshotsRepo(db: Database.Database) {
  const insertSnapshot = db.prepare(
    `INSERT INTO snapshots (chain, block_number, block_time, fetched_at, rpc_url, wallet_count)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // A wallet removed while its chain was being read is skipped, not a failed snapshot.
  const insertBalance = db.prepare(
    `INSERT INTO balances (snapshot_id, wallet_id, token_address, symbol, name, decimals, raw_amount, error)
     SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM wallets WHERE id = ?)`,
  );
  const markSuccess = db.prepare(
    `INSERT INTO chain_status (chain, last_snapshot_id, last_attempt_at, last_error, last_error_at)
     VALUES (?, ?, ?, NULL, NULL)
     ON CONFLICT (chain) DO UPDATE SET last_snapshot_id = excluded.last_snapshot_id,
       last_attempt_at = excluded.last_attempt_at, last_error = NULL, last_error_at = NULL`,
  );
  const markFailure = db.prepare(
    `INSERT INTO chain_status (chain, last_attempt_at, last_error, last_error_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (chain) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
       last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
  );
  const selectStatuses = db.prepare<[], Record<string, unknown>>(
    `SELECT cs.chain, cs.last_snapshot_id AS snapshotId, s.block_number AS blockNumber, s.block_time AS blockTime,
            s.fetched_at AS fetchedAt, s.rpc_url AS rpcUrl, s.wallet_count AS walletCount,
            cs.last_attempt_at AS lastAttemptAt, cs.last_error AS lastError, cs.last_error_at AS lastErrorAt
     FROM chain_status cs LEFT JOIN snapshots s ON s.id = cs.last_snapshot_id`,
  );
  const selectLatestPositions = db.prepare<[], Record<string, unknown>>(
    `SELECT b.wallet_id AS walletId, s.chain, b.token_address AS tokenAddress, b.symbol, b.name, b.decimals,
            b.raw_amount AS rawAmount, b.error, s.block_number AS blockNumber, s.block_time AS blockTime,
            s.rpc_url AS rpcUrl
     FROM chain_status cs
     JOIN snapshots s ON s.id = cs.last_snapshot_id
     JOIN balances b ON b.snapshot_id = s.id
     ORDER BY b.wallet_id, s.chain, b.token_address`,
  );
  const countSnapshots = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM snapshots WHERE chain = ?');
  const selectAll = db.prepare<[], { id: number; chain: NetworkId; blockNumber: string; blockTime: number }>(
    'SELECT id, chain, block_number AS blockNumber, block_time AS blockTime FROM snapshots ORDER BY block_time, id',
  );
  const selectBalances = db.prepare<[number], SnapshotBalanceRow>(
    `SELECT wallet_id AS walletId, NULLIF(token_address, '') AS tokenAddress, symbol, name, decimals, raw_amount AS rawAmount, error
     FROM balances WHERE snapshot_id = ?`,
  );

  return {
    /** All rows or none: the snapshot, its balances and the chain's pointer to it. */
    write: (snapshot: NewSnapshot): number =>
      db.transaction(() => {
        const info = insertSnapshot.run(
          snapshot.chain,
          snapshot.blockNumber.toString(),
          snapshot.blockTime,
          snapshot.fetchedAt,
          snapshot.rpcUrl,
          snapshot.walletCount,
        );
        const id = Number(info.lastInsertRowid);
        for (const row of snapshot.balances) {
          insertBalance.run(
            id,
            row.walletId,
            row.tokenAddress ?? '',
            row.symbol,
            row.name,
            row.decimals,
            row.rawAmount === null ? null : row.rawAmount.toString(),
            row.error,
            row.walletId,
          );
        }
        markSuccess.run(snapshot.chain, id, snapshot.fetchedAt);
        return id;
      })(),
    recordFailure: (chain: NetworkId, message: string, at: number): void => {
      markFailure.run(chain, at, message, at);
    },
    statuses: (): ChainStatusRow[] => selectStatuses.all() as unknown as ChainStatusRow[],
    latestPositions: (): StoredPosition[] =>
      selectLatestPositions.all().map((row) => ({
        ...(row as unknown as StoredPosition),
        tokenAddress: row.tokenAddress === '' ? null : (row.tokenAddress as string),
      })),
    count: (chain: NetworkId): number => countSnapshots.get(chain)?.n ?? 0,
    /** Every snapshot of every chain, oldest first (for history charts). */
    all: () => selectAll.all(),
    /** One snapshot's balances (token address null for the native coin), unordered: callers key rows by wallet, network and token. */
    balancesOf: (snapshotId: number): SnapshotBalanceRow[] => selectBalances.all(snapshotId),
  };
}

export type SnapshotsRepo = ReturnType<typeof createSnapshotsRepo>;
