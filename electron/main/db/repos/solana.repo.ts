/** Solana rows of a Solana snapshot: stake accounts, Jito vault links, Jito stats; written inside the snapshot's transaction. */
import type Database from 'better-sqlite3';

export interface StakeAccountRow {
  walletId: number;
  pubkey: string;
  lamports: string;
  state: string;
  delegatedStake: string | null;
  voter: string | null;
  activationEpoch: string | null;
  deactivationEpoch: string | null;
  staker: string;
  withdrawer: string;
  epoch: string;
}

export interface VaultLinkRow {
  vault: string;
  /** vrt: address is the vault's VRT mint. */
  kind: 'vrt' | 'operator' | 'ncn';
  address: string;
  amount: string | null;
  state: string | null;
}

export interface JitoStatsRow {
  windowDays: number;
  fromTime: number | null;
  toTime: number | null;
  days: number | null;
  mevLamports: string | null;
  meanTvlLamports: string | null;
  publishedApy: number | null;
  publishedAt: number | null;
  source: string;
  error: string | null;
}

export function createSolanaRepo(db: Database.Database) {
  // A wallet removed while Solana was being read is skipped, like its balances.
  const insertStake = db.prepare(
    `INSERT INTO solana_stake_accounts (snapshot_id, wallet_id, pubkey, lamports, state, delegated_stake, voter, activation_epoch, deactivation_epoch, staker, withdrawer, epoch)
     SELECT @snapshotId, @walletId, @pubkey, @lamports, @state, @delegatedStake, @voter, @activationEpoch, @deactivationEpoch, @staker, @withdrawer, @epoch
     WHERE EXISTS (SELECT 1 FROM wallets WHERE id = @walletId)`,
  );
  const insertLink = db.prepare(
    'INSERT OR REPLACE INTO solana_vault_links (snapshot_id, vault, kind, address, amount, state) VALUES (@snapshotId, @vault, @kind, @address, @amount, @state)',
  );
  const insertStats = db.prepare(
    `INSERT INTO jito_stats (snapshot_id, window_days, from_time, to_time, days, mev_lamports, mean_tvl_lamports, published_apy, published_at, source, error)
     VALUES (@snapshotId, @windowDays, @fromTime, @toTime, @days, @mevLamports, @meanTvlLamports, @publishedApy, @publishedAt, @source, @error)`,
  );
  const selectStakes = db.prepare<[number], StakeAccountRow>(
    `SELECT wallet_id AS walletId, pubkey, lamports, state, delegated_stake AS delegatedStake, voter, activation_epoch AS activationEpoch,
            deactivation_epoch AS deactivationEpoch, staker, withdrawer, epoch
     FROM solana_stake_accounts WHERE snapshot_id = ? ORDER BY wallet_id, pubkey`,
  );
  const selectLinks = db.prepare<[number], VaultLinkRow>('SELECT vault, kind, address, amount, state FROM solana_vault_links WHERE snapshot_id = ? ORDER BY vault, kind, address');
  const selectStats = db.prepare<[number], JitoStatsRow>(
    `SELECT window_days AS windowDays, from_time AS fromTime, to_time AS toTime, days, mev_lamports AS mevLamports, mean_tvl_lamports AS meanTvlLamports,
            published_apy AS publishedApy, published_at AS publishedAt, source, error
     FROM jito_stats WHERE snapshot_id = ? ORDER BY window_days`,
  );
  return {
    insertAll(snapshotId: number, rows: { stakes: readonly StakeAccountRow[]; links: readonly VaultLinkRow[]; stats: readonly JitoStatsRow[] }): void {
      for (const row of rows.stakes) insertStake.run({ snapshotId, ...row });
      for (const row of rows.links) insertLink.run({ snapshotId, ...row });
      for (const row of rows.stats) insertStats.run({ snapshotId, ...row });
    },
    stakes: (snapshotId: number): StakeAccountRow[] => selectStakes.all(snapshotId),
    links: (snapshotId: number): VaultLinkRow[] => selectLinks.all(snapshotId),
    stats: (snapshotId: number): JitoStatsRow[] => selectStats.all(snapshotId),
  };
}

export type SolanaRepo = ReturnType<typeof createSolanaRepo>;
