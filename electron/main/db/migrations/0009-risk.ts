import type { Migration } from '../migrate';

/**
 * Issue 11 (docs/risk.md). Per Ethereum snapshot: each risk contract's upgradeability read
 * (shared/domain/upgradeability.ts, JSON with the block number as a decimal string) and the
 * exit-path reads (DEX quotes for the sizes held, the protocols' redeem parameters), JSON
 * keyed by what was read. Alerts raised when a read differs from the previous one outlive the
 * snapshots they were found in (retention thins snapshots, not alerts).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'risk',
  up: `
    CREATE TABLE contract_reads (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      address TEXT NOT NULL,
      read_json TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, address)
    );

    CREATE TABLE exit_reads (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('dex-quote', 'redeem-params')),
      key TEXT NOT NULL,
      value_json TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, kind, key)
    );

    CREATE TABLE risk_alerts (
      id INTEGER PRIMARY KEY,
      snapshot_id INTEGER REFERENCES snapshots (id) ON DELETE SET NULL,
      block_number TEXT NOT NULL,
      contract TEXT NOT NULL,
      kind TEXT NOT NULL,
      message TEXT NOT NULL,
      alert_json TEXT NOT NULL,
      detected_at INTEGER NOT NULL,
      dismissed_at INTEGER
    );
    CREATE INDEX risk_alerts_by_time ON risk_alerts (detected_at);
  `,
};
