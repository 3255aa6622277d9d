/** bench:history's naive baselines: the obvious ways to do what the app does with one query each. */
import type Database from 'better-sqlite3';
import { valuePosition } from '../shared/domain/position-valuation';
import { assetOf, rateBook } from '../electron/main/services/portfolio-valuation';
import type { AppContext } from '../electron/main/services/context';

const DAY = 86_400;

/** Every balance ever stored, reduced to the newest per wallet, chain and token in JS. */
export function naiveLatestPositions(db: Database.Database): number {
  const newest = new Map<string, number>();
  const rows = db.prepare<[], { walletId: number; chain: string; tokenAddress: string; snapshotId: number }>(
    'SELECT b.wallet_id AS walletId, s.chain, b.token_address AS tokenAddress, b.snapshot_id AS snapshotId FROM balances b JOIN snapshots s ON s.id = b.snapshot_id',
  );
  for (const row of rows.iterate()) {
    const key = `${row.walletId}:${row.chain}:${row.tokenAddress}`;
    if ((newest.get(key) ?? -1) < row.snapshotId) newest.set(key, row.snapshotId);
  }
  return newest.size;
}

/** The value history with one balances query per wallet per Ethereum snapshot (Ethereum-only data). */
export function naiveValueHistory(ctx: AppContext): { time: number; usdCents: string }[] {
  const wallets = ctx.repos.wallets.list();
  const balances = ctx.db.prepare<[number, number], { tokenAddress: string; symbol: string; decimals: number; rawAmount: string | null }>(
    'SELECT token_address AS tokenAddress, symbol, decimals, raw_amount AS rawAmount FROM balances WHERE snapshot_id = ? AND wallet_id = ?',
  );
  return ctx.repos.snapshots
    .all()
    .filter((snapshot) => snapshot.chain === 'ethereum')
    .map((snapshot) => {
      const book = rateBook({ blockNumber: snapshot.blockNumber, blockTime: snapshot.blockTime, rates: ctx.repos.rates.forSnapshot(snapshot.id) });
      let cents = 0n;
      for (const wallet of wallets) {
        for (const balance of balances.all(snapshot.id, wallet.id)) {
          if (balance.rawAmount === null || balance.rawAmount === '0') continue;
          const asset = assetOf('ethereum', balance.tokenAddress === '' ? null : balance.tokenAddress, balance.symbol);
          const value = asset ? valuePosition(BigInt(balance.rawAmount), balance.decimals, asset.token, book, asset.native).usdCents : null;
          if (value !== null) cents += value;
        }
      }
      return { time: snapshot.blockTime, usdCents: cents.toString() };
    });
}

/** Thinning decided in JS, then one autocommitted DELETE per snapshot. */
export function naiveThin(db: Database.Database, cutoffDay: number): number {
  const pointers = new Set(db.prepare<[], { id: number }>('SELECT last_snapshot_id AS id FROM chain_status WHERE last_snapshot_id IS NOT NULL').all().map((row) => row.id));
  const keep = new Map<string, { id: number; time: number }>();
  const old: { id: number; key: string }[] = [];
  for (const row of db.prepare<[], { id: number; chain: string; time: number }>('SELECT id, chain, block_time AS time FROM snapshots').all()) {
    const day = Math.floor(row.time / DAY);
    if (day >= cutoffDay) continue;
    const key = `${row.chain}:${day}`;
    old.push({ id: row.id, key });
    const best = keep.get(key);
    if (!best || row.time > best.time || (row.time === best.time && row.id > best.id)) keep.set(key, { id: row.id, time: row.time });
  }
  const remove = db.prepare('DELETE FROM snapshots WHERE id = ?');
  let removed = 0;
  for (const row of old) {
    if (keep.get(row.key)!.id === row.id || pointers.has(row.id)) continue;
    removed += remove.run(row.id).changes;
  }
  return removed;
}
