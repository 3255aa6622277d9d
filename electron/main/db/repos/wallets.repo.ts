import type Database from 'better-sqlite3';
import type { Wallet } from '../../../../shared/ipc/schemas';
import type { WalletKind } from '../../../../shared/domain/wallet/wallet-input';

interface WalletRow {
  id: number;
  kind: WalletKind;
  address: string;
  label: string | null;
  ens_name: string | null;
  ens_resolved_at: number | null;
  created_at: number;
}

export interface NewWallet {
  kind: WalletKind;
  address: string;
  label: string | null;
  ensName: string | null;
  ensResolvedAt: number | null;
}

const toWallet = (row: WalletRow): Wallet => ({
  id: row.id,
  kind: row.kind,
  address: row.address,
  label: row.label,
  ensName: row.ens_name,
  ensResolvedAt: row.ens_resolved_at,
  createdAt: row.created_at,
});

export function createWalletsRepo(db: Database.Database) {
  const selectAll = db.prepare<[], WalletRow>('SELECT * FROM wallets ORDER BY id');
  const selectById = db.prepare<[number], WalletRow>('SELECT * FROM wallets WHERE id = ?');
  const selectByAddress = db.prepare<[string, string], WalletRow>('SELECT * FROM wallets WHERE kind = ? AND address = ?');
  const insert = db.prepare(
    `INSERT INTO wallets (kind, address, label, ens_name, ens_resolved_at, created_at)
     VALUES (@kind, @address, @label, @ensName, @ensResolvedAt, @createdAt)`,
  );
  const updateLabel = db.prepare('UPDATE wallets SET label = ? WHERE id = ?');
  const deleteById = db.prepare('DELETE FROM wallets WHERE id = ?');

  return {
    list: (): Wallet[] => selectAll.all().map(toWallet),
    listByKind: (kind: WalletKind): Wallet[] => selectAll.all().filter((row) => row.kind === kind).map(toWallet),
    get: (id: number): Wallet | undefined => {
      const row = selectById.get(id);
      return row && toWallet(row);
    },
    findByAddress: (kind: WalletKind, address: string): Wallet | undefined => {
      const row = selectByAddress.get(kind, address);
      return row && toWallet(row);
    },
    /** Inserts all or none. */
    insertMany: (wallets: NewWallet[], now: number): Wallet[] =>
      db.transaction(() =>
        wallets.map((wallet) => {
          const info = insert.run({ ...wallet, createdAt: now });
          return toWallet(selectById.get(Number(info.lastInsertRowid))!);
        }),
      )(),
    rename: (id: number, label: string | null): boolean => updateLabel.run(label, id).changes === 1,
    /** Balances go with the wallet (ON DELETE CASCADE). */
    remove: (id: number): boolean => deleteById.run(id).changes === 1,
  };
}

export type WalletsRepo = ReturnType<typeof createWalletsRepo>;
