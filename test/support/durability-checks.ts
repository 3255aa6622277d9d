/** What must hold of a data folder after a crash: a whole file, whole snapshots, whole backups. */
import fs from 'node:fs';
import path from 'node:path';
import { bech32 } from '@scure/base';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../electron/main/db/open';
import { listBackups } from '../../electron/main/services/backup-files';

/** `count` valid native SegWit (P2WPKH) addresses with seeded key hashes, no history anywhere. */
export function p2wpkhAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const hash = new Uint8Array(20);
    new DataView(hash.buffer).setUint32(16, index + 1);
    hash[0] = 0x5b;
    return bech32.encode('bc', [0, ...bech32.toWords(hash)]);
  });
}

export interface FileReport {
  integrity: string;
  snapshots: number;
  /** Snapshots missing any of their rows. */
  partial: number;
  /** fetched_at of the snapshot chain_status points to. */
  latestFetchedAt: number | null;
  pointerIsNewest: boolean;
  orphans: number;
}

/** Checks one database; `balancesPerSnapshot` is what a completed Bitcoin refresh of this world writes. */
export function inspectFile(db: Database.Database, balancesPerSnapshot: number): FileReport {
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const rows = db
    .prepare<[], { balances: number; addresses: number; walletCount: number; params: number; rates: number }>(
      `SELECT (SELECT COUNT(*) FROM balances WHERE snapshot_id = s.id) AS balances,
              (SELECT COUNT(*) FROM bitcoin_addresses WHERE snapshot_id = s.id) AS addresses,
              s.wallet_count AS walletCount,
              (SELECT COUNT(*) FROM babylon_params WHERE snapshot_id = s.id) AS params,
              (SELECT COUNT(*) FROM asset_rates WHERE snapshot_id = s.id) AS rates
       FROM snapshots s`,
    )
    .all();
  const partial = rows.filter((row) => row.balances !== balancesPerSnapshot || row.addresses !== row.walletCount || row.params === 0 || row.rates !== 1).length;
  const pointer = db.prepare<[], { id: number | null; fetchedAt: number | null }>("SELECT cs.last_snapshot_id AS id, s.fetched_at AS fetchedAt FROM chain_status cs LEFT JOIN snapshots s ON s.id = cs.last_snapshot_id WHERE cs.chain = 'bitcoin'").get();
  const newest = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM snapshots').get()!.id;
  const orphans = db.prepare<[], { n: number }>('SELECT (SELECT COUNT(*) FROM balances WHERE snapshot_id NOT IN (SELECT id FROM snapshots)) + (SELECT COUNT(*) FROM bitcoin_addresses WHERE snapshot_id NOT IN (SELECT id FROM snapshots)) AS n').get()!.n;
  return { integrity, snapshots: rows.length, partial, latestFetchedAt: pointer?.fetchedAt ?? null, pointerIsNewest: (pointer?.id ?? null) === newest, orphans };
}

/** Opens the folder as the next start would (WAL recovery, migrations), then checks it and every finished backup. */
export function inspectDataDir(dataDir: string, balancesPerSnapshot: number): { live: FileReport; backups: FileReport[] } {
  const db = openDatabase(dataDir);
  let live: FileReport;
  try {
    live = inspectFile(db, balancesPerSnapshot);
  } finally {
    db.close();
  }
  const backups = listBackups(path.join(dataDir, 'backups')).map((entry) => {
    const copy = new Database(entry.path, { readonly: true, fileMustExist: true });
    try {
      return inspectFile(copy, balancesPerSnapshot);
    } finally {
      copy.close();
    }
  });
  return { live, backups };
}

/**
 * Makes a file unwritable for this process: chmod when not root; as root (which chmod does not
 * stop) the immutable attribute, where the file system and capabilities allow it. Returns the undo, or null.
 */
export function makeUnwritable(file: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(file, 0o444);
    fs.chmodSync(path.dirname(file), 0o555);
    return () => {
      fs.chmodSync(path.dirname(file), 0o755);
      fs.chmodSync(file, 0o644);
    };
  }
  const set = spawnSync('chattr', ['+i', file], { encoding: 'utf8' });
  if (set.status !== 0) return null;
  return () => void spawnSync('chattr', ['-i', file]);
}
