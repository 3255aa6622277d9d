/**
 * Risk rows (migration 0009): upgradeability reads and exit-path reads per Ethereum snapshot,
 * written inside the snapshot's transaction, and the upgrade alerts raised between two reads.
 * Values are JSON; bigints are stored as decimal strings (shared/domain/json-bigint.ts).
 */
import type Database from 'better-sqlite3';

export type ExitReadKind = 'dex-quote' | 'redeem-params';

export interface StoredAlert {
  id: number;
  snapshotId: number | null;
  blockNumber: string;
  contract: string;
  kind: string;
  message: string;
  alertJson: string;
  detectedAt: number;
  dismissedAt: number | null;
}

export function createRiskRepo(db: Database.Database) {
  const insertRead = db.prepare('INSERT INTO contract_reads (snapshot_id, address, read_json) VALUES (?, ?, ?)');
  const insertExit = db.prepare('INSERT INTO exit_reads (snapshot_id, kind, key, value_json) VALUES (?, ?, ?, ?)');
  const insertAlert = db.prepare(
    'INSERT INTO risk_alerts (snapshot_id, block_number, contract, kind, message, alert_json, detected_at) VALUES (@snapshotId, @blockNumber, @contract, @kind, @message, @alertJson, @detectedAt)',
  );
  const readsOf = db.prepare('SELECT address, read_json AS json FROM contract_reads WHERE snapshot_id = ? ORDER BY address');
  /** The newest read of an address in an Ethereum snapshot older than the given one. */
  const previousRead = db.prepare(
    `SELECT r.read_json AS json FROM contract_reads r JOIN snapshots s ON s.id = r.snapshot_id
     WHERE s.chain = 'ethereum' AND r.address = ? AND r.snapshot_id < ? ORDER BY r.snapshot_id DESC LIMIT 1`,
  );
  const exitsOf = db.prepare('SELECT kind, key, value_json AS json FROM exit_reads WHERE snapshot_id = ? ORDER BY kind, key');
  const alerts = db.prepare(
    `SELECT id, snapshot_id AS snapshotId, block_number AS blockNumber, contract, kind, message, alert_json AS alertJson,
            detected_at AS detectedAt, dismissed_at AS dismissedAt FROM risk_alerts ORDER BY detected_at DESC, id DESC LIMIT ?`,
  );
  const dismiss = db.prepare('UPDATE risk_alerts SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL');

  return {
    insertReads(snapshotId: number, reads: readonly { address: string; json: string }[]): void {
      for (const read of reads) insertRead.run(snapshotId, read.address, read.json);
    },
    insertExitReads(snapshotId: number, rows: readonly { kind: ExitReadKind; key: string; json: string }[]): void {
      for (const row of rows) insertExit.run(snapshotId, row.kind, row.key, row.json);
    },
    insertAlerts(rows: readonly Omit<StoredAlert, 'id' | 'dismissedAt'>[]): void {
      for (const row of rows) insertAlert.run(row);
    },
    reads: (snapshotId: number) => readsOf.all(snapshotId) as { address: string; json: string }[],
    previousRead: (address: string, snapshotId: number) => (previousRead.get(address, snapshotId) as { json: string } | undefined)?.json ?? null,
    exitReads: (snapshotId: number) => exitsOf.all(snapshotId) as { kind: ExitReadKind; key: string; json: string }[],
    alerts: (limit = 200) => alerts.all(limit) as StoredAlert[],
    /** False when there is no such alert or it was already dismissed. */
    dismiss: (id: number, at: number) => dismiss.run(at, id).changes === 1,
  };
}

export type RiskRepo = ReturnType<typeof createRiskRepo>;
