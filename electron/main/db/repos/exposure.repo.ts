/** Operator allocations per Ethereum snapshot, and the slashing / allocation events seen. */
import type Database from 'better-sqlite3';
import type { AllocationRead } from '../../chain/evm/allocations';
import type { SlashingEvent } from '../../chain/evm/slashing-events';

export interface StoredEvent extends SlashingEvent {
  seenAt: number;
}

export interface EntityName {
  kind: 'operator' | 'avs';
  address: string;
  uri: string;
  uriBlock: number;
  name: string | null;
  error: string | null;
}

export interface LrtRead {
  protocol: string;
  totalSupply: bigint | null;
  stakers: number;
  error: string | null;
}

/** One EigenLayer stake of an LRT protocol's staker (a pod is the beacon-chain ETH strategy). */
export interface LrtStake {
  protocol: string;
  staker: string;
  operator: string | null;
  strategy: string;
  assetToken: string | null;
  assetDecimals: number;
  withdrawableUnderlying: bigint;
}

export function createExposureRepo(db: Database.Database) {
  const insertAllocation = db.prepare(
    `INSERT INTO operator_allocations (snapshot_id, operator, avs, set_id, strategy, current_magnitude, pending_diff, effect_block, max_magnitude, slashable)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertError = db.prepare('INSERT INTO operator_read_errors (snapshot_id, operator, error) VALUES (?, ?, ?)');
  const selectAllocations = db.prepare<[number], Record<string, string | number>>(
    `SELECT operator, avs, set_id AS setId, strategy, current_magnitude AS currentMagnitude, pending_diff AS pendingDiff,
            effect_block AS effectBlock, max_magnitude AS maxMagnitude, slashable
     FROM operator_allocations WHERE snapshot_id = ? ORDER BY operator, avs, set_id, strategy`,
  );
  const selectErrors = db.prepare<[number], { operator: string; error: string }>('SELECT operator, error FROM operator_read_errors WHERE snapshot_id = ?');
  const insertEvent = db.prepare(
    `INSERT OR IGNORE INTO slashing_events (chain, block_number, log_index, tx_hash, kind, operator, avs, set_id, strategies, amounts, description, effect_block, seen_at)
     VALUES ('ethereum', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectEvents = db.prepare<[], Record<string, string | number | null>>(
    `SELECT block_number AS blockNumber, log_index AS logIndex, tx_hash AS transactionHash, kind, operator, avs, set_id AS setId,
            strategies, amounts, description, effect_block AS effectBlock, seen_at AS seenAt
     FROM slashing_events WHERE chain = 'ethereum' ORDER BY block_number DESC, log_index DESC`,
  );
  const selectScan = db.prepare<[], { lastBlock: number; scannedAt: number; error: string | null }>(
    "SELECT last_block AS lastBlock, scanned_at AS scannedAt, error FROM event_scans WHERE chain = 'ethereum'",
  );
  const upsertScan = db.prepare(
    `INSERT INTO event_scans (chain, last_block, scanned_at, error) VALUES ('ethereum', ?, ?, ?)
     ON CONFLICT (chain) DO UPDATE SET last_block = excluded.last_block, scanned_at = excluded.scanned_at, error = excluded.error`,
  );
  // A first scan that fails leaves last_block at -1: nothing scanned yet.
  const markScanError = db.prepare(
    `INSERT INTO event_scans (chain, last_block, scanned_at, error) VALUES ('ethereum', -1, ?, ?)
     ON CONFLICT (chain) DO UPDATE SET scanned_at = excluded.scanned_at, error = excluded.error`,
  );

  const insertLrtRead = db.prepare('INSERT INTO lrt_reads (snapshot_id, protocol, total_supply, stakers, error) VALUES (?, ?, ?, ?, ?)');
  const insertLrtStake = db.prepare(
    `INSERT OR REPLACE INTO lrt_stakes (snapshot_id, protocol, staker, operator, strategy, asset_token, asset_decimals, withdrawable_underlying)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectLrtReads = db.prepare<[number], { protocol: string; totalSupply: string | null; stakers: number; error: string | null }>(
    'SELECT protocol, total_supply AS totalSupply, stakers, error FROM lrt_reads WHERE snapshot_id = ?',
  );
  const selectLrtStakes = db.prepare<[number], Record<string, string | number | null>>(
    `SELECT protocol, staker, operator, strategy, asset_token AS assetToken, asset_decimals AS assetDecimals, withdrawable_underlying AS withdrawableUnderlying
     FROM lrt_stakes WHERE snapshot_id = ? ORDER BY protocol, staker, strategy`,
  );

  const upsertName = db.prepare(
    `INSERT OR REPLACE INTO entity_names (kind, address, uri, uri_block, name, error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectNames = db.prepare<[], EntityName>('SELECT kind, address, uri, uri_block AS uriBlock, name, error FROM entity_names');
  const selectNamedScan = db.prepare<[string], { lastBlock: number }>('SELECT last_block AS lastBlock FROM event_scans WHERE chain = ?');
  const upsertNamedScan = db.prepare(
    `INSERT INTO event_scans (chain, last_block, scanned_at, error) VALUES (?, ?, ?, NULL)
     ON CONFLICT (chain) DO UPDATE SET last_block = excluded.last_block, scanned_at = excluded.scanned_at, error = NULL`,
  );

  return {
    names: (): EntityName[] => selectNames.all(),
    saveName: (entry: EntityName, at: number): void => void upsertName.run(entry.kind, entry.address, entry.uri, entry.uriBlock, entry.name, entry.error, at),
    /** Metadata events are scanned separately from slashing events, under their own key. */
    metadataScannedTo: (): number | null => selectNamedScan.get('ethereum:metadata')?.lastBlock ?? null,
    saveMetadataScan: (lastBlock: bigint, at: number): void => void upsertNamedScan.run('ethereum:metadata', Number(lastBlock), at),
    insertLrt: (snapshotId: number, reads: readonly LrtRead[], stakes: readonly LrtStake[]): void => {
      for (const read of reads) insertLrtRead.run(snapshotId, read.protocol, read.totalSupply?.toString() ?? null, read.stakers, read.error);
      for (const stake of stakes) {
        insertLrtStake.run(snapshotId, stake.protocol, stake.staker, stake.operator, stake.strategy, stake.assetToken, stake.assetDecimals, stake.withdrawableUnderlying.toString());
      }
    },
    lrtReads: (snapshotId: number): LrtRead[] =>
      selectLrtReads.all(snapshotId).map((row) => ({ ...row, totalSupply: row.totalSupply === null ? null : BigInt(row.totalSupply) })),
    lrtStakes: (snapshotId: number): LrtStake[] =>
      selectLrtStakes.all(snapshotId).map((row) => ({
        protocol: row.protocol as string,
        staker: row.staker as string,
        operator: row.operator as string | null,
        strategy: row.strategy as string,
        assetToken: row.assetToken as string | null,
        assetDecimals: row.assetDecimals as number,
        withdrawableUnderlying: BigInt(row.withdrawableUnderlying as string),
      })),
    insertAllocations: (snapshotId: number, rows: readonly AllocationRead[], errors: ReadonlyMap<string, string>): void => {
      for (const row of rows) {
        insertAllocation.run(snapshotId, row.operator, row.avs, row.setId, row.strategy, row.currentMagnitude.toString(), row.pendingDiff.toString(), row.effectBlock, row.maxMagnitude.toString(), row.slashable ? 1 : 0);
      }
      for (const [operator, error] of errors) insertError.run(snapshotId, operator, error);
    },
    allocations: (snapshotId: number): AllocationRead[] =>
      selectAllocations.all(snapshotId).map((row) => ({
        operator: row.operator as `0x${string}`,
        avs: row.avs as `0x${string}`,
        setId: row.setId as number,
        strategy: row.strategy as `0x${string}`,
        currentMagnitude: BigInt(row.currentMagnitude as string),
        pendingDiff: BigInt(row.pendingDiff as string),
        effectBlock: row.effectBlock as number,
        maxMagnitude: BigInt(row.maxMagnitude as string),
        slashable: row.slashable === 1,
      })),
    readErrors: (snapshotId: number) => selectErrors.all(snapshotId),
    insertEvents: (events: readonly SlashingEvent[], seenAt: number): void => {
      for (const event of events) {
        insertEvent.run(
          Number(event.blockNumber), event.logIndex, event.transactionHash, event.kind, event.operator, event.avs, event.setId,
          JSON.stringify(event.strategies), JSON.stringify(event.amounts.map(String)), event.description, event.effectBlock, seenAt,
        );
      }
    },
    events: (): StoredEvent[] =>
      selectEvents.all().map((row) => ({
        kind: row.kind as StoredEvent['kind'],
        blockNumber: BigInt(row.blockNumber as number),
        logIndex: row.logIndex as number,
        transactionHash: row.transactionHash as string,
        operator: row.operator as `0x${string}`,
        avs: row.avs as `0x${string}`,
        setId: row.setId as number,
        strategies: JSON.parse(row.strategies as string) as `0x${string}`[],
        amounts: (JSON.parse(row.amounts as string) as string[]).map(BigInt),
        description: row.description as string | null,
        effectBlock: row.effectBlock as number | null,
        seenAt: row.seenAt as number,
      })),
    lastScan: () => selectScan.get() ?? null,
    saveScan: (lastBlock: bigint, at: number): void => void upsertScan.run(Number(lastBlock), at, null),
    scanFailed: (error: string, at: number): void => void markScanError.run(at, error),
  };
}

export type ExposureRepo = ReturnType<typeof createExposureRepo>;
