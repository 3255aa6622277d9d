/**
 * Snapshot thinning over a real SQLite file: every snapshot of the last N days stays, older
 * days keep the last snapshot per network, a chain's latest snapshot is never removed, the
 * rows hanging off removed snapshots go with them, and the value history keeps a daily point.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openTempApp, type TempApp } from '../support/temp-app';
import { DAY, seedEvmWallets, seedHistory, writeBitcoinSnapshot } from '../support/synthetic-history';
import { portfolioValueHistory } from '../../electron/main/services/value-history';
import { afterRefresh } from '../../electron/main/services/after-refresh';

const START = Date.UTC(2025, 0, 1) / 1000;
const DAYS = 200;
const PER_DAY = 4;
/** The clock: noon of the day after the last seeded day. */
const NOW = (START + DAYS * DAY + DAY / 2) * 1000;
let app: TempApp;
let wallets: number[];

beforeEach(() => {
  app = openTempApp({ now: () => NOW });
  wallets = seedEvmWallets(app.services.ctx, 3);
  seedHistory(app.services.ctx, { walletIds: wallets, start: START, days: DAYS, perDay: PER_DAY, bitcoin: true });
});
afterEach(() => app.close());

const count = (sql: string, ...params: unknown[]) => (app.services.ctx.db.prepare(sql).get(...params) as { n: number }).n;
const snapshotsPerDay = (chain: string) =>
  app.services.ctx.db.prepare<[string], { day: number; n: number }>('SELECT block_time / 86400 AS day, COUNT(*) AS n FROM snapshots WHERE chain = ? GROUP BY day ORDER BY day').all(chain);

describe('retention', () => {
  it('keeps 90 days whole and one snapshot per network per older day, with their rows', async () => {
    expect(await app.dispatch('retention.get', undefined)).toEqual({ ok: true, value: { keepAllDays: 90 } });
    const cutoffDay = Math.floor(NOW / 1000 / DAY) - 90;
    const oldDays = cutoffDay - START / DAY;
    const result = await app.dispatch('retention.run', undefined);
    expect(result).toMatchObject({ ok: true, value: { removed: oldDays * (PER_DAY - 1) * 2, vacuumed: false } });
    for (const chain of ['ethereum', 'bitcoin']) {
      const days = snapshotsPerDay(chain);
      expect(days).toHaveLength(DAYS);
      expect(days.filter((day) => day.day < cutoffDay).every((day) => day.n === 1)).toBe(true);
      expect(days.filter((day) => day.day >= cutoffDay).every((day) => day.n === PER_DAY)).toBe(true);
    }
    // The kept one is the day's last: its block time is the last slot of the day.
    const firstDay = app.services.ctx.db.prepare<[number], { block_time: number }>("SELECT block_time FROM snapshots WHERE chain = 'ethereum' AND block_time / 86400 = ?").get(START / DAY)!;
    expect(firstDay.block_time).toBe(START + Math.floor(((PER_DAY - 1) * DAY) / PER_DAY));
    // ON DELETE CASCADE took the removed snapshots' balances and rates; nothing dangles.
    const snapshots = count('SELECT COUNT(*) AS n FROM snapshots');
    expect(count("SELECT COUNT(*) AS n FROM balances b JOIN snapshots s ON s.id = b.snapshot_id WHERE s.chain = 'ethereum'")).toBe((snapshots / 2) * wallets.length * 2);
    expect(count('SELECT COUNT(*) AS n FROM balances WHERE snapshot_id NOT IN (SELECT id FROM snapshots)')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM asset_rates WHERE snapshot_id NOT IN (SELECT id FROM snapshots)')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM asset_rates')).toBe((snapshots / 2) * 3);
    // History: one point per remaining Ethereum snapshot, valued, daily for the old part.
    const history = portfolioValueHistory(app.services.ctx);
    expect(history).toHaveLength(snapshots / 2);
    expect(history.every((point) => point.unvalued === 0 && BigInt(point.usdCents) > 0n)).toBe(true);
    expect(new Set(history.map((point) => Math.floor(point.time / DAY))).size).toBe(DAYS);
    // Nothing left to do: cheap and zero.
    expect(await app.dispatch('retention.run', undefined)).toMatchObject({ ok: true, value: { removed: 0 } });
  });

  it('follows the setting, refuses a bad one, and compacts the file on demand', async () => {
    expect(await app.dispatch('retention.set', { keepAllDays: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await app.dispatch('retention.set', { keepAllDays: 10 })).toEqual({ ok: true, value: { keepAllDays: 10 } });
    const file = path.join(app.dataDir, 'slashboard.sqlite');
    app.services.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.statSync(file).size;
    const result = await app.dispatch('retention.run', { vacuum: true });
    const oldDays = Math.floor(NOW / 1000 / DAY) - 10 - START / DAY;
    expect(result).toMatchObject({ ok: true, value: { removed: oldDays * (PER_DAY - 1) * 2, vacuumed: true } });
    const { bytesAfter } = (result as { ok: true; value: { bytesAfter: number } }).value;
    expect(bytesAfter).toBe(fs.statSync(file).size);
    expect(bytesAfter).toBeLessThan(before * 0.6);
    expect(app.services.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it("never removes a chain's latest snapshot, even when it is not the last of its day", async () => {
    // A lagging fallback RPC: the newest Bitcoin snapshot has an older block time than the one before it.
    const ctx = app.services.ctx;
    const day = START / DAY + 20;
    writeBitcoinSnapshot(ctx, wallets, day * DAY + 36_000, 9_000);
    const latest = writeBitcoinSnapshot(ctx, wallets, day * DAY + 30_000, 9_001);
    expect(ctx.repos.snapshots.statuses().find((status) => status.chain === 'bitcoin')!.snapshotId).toBe(latest);
    await app.dispatch('retention.run', undefined);
    expect(count('SELECT COUNT(*) AS n FROM snapshots WHERE id = ?', latest)).toBe(1);
    expect(app.services.portfolio.get().positions.filter((position) => position.chain === 'bitcoin')).toHaveLength(wallets.length);
  });

  it('runs after a refresh in which a network succeeded, with the automatic backup', async () => {
    const failed = await afterRefresh(app.services.ctx, [{ chain: 'bitcoin', status: 'failed', error: 'database or disk is full' }]);
    expect(failed[0]).toMatchObject({ error: expect.stringMatching(/^Not saved: the disk is full .* \(SQLite: database or disk is full\)$/) });
    expect(count('SELECT COUNT(*) AS n FROM snapshots')).toBe(DAYS * PER_DAY * 2);
    await afterRefresh(app.services.ctx, [{ chain: 'bitcoin', status: 'ok', blockNumber: '1', positions: 1, failedPositions: 0, httpRequests: 1, riskRequests: 0, historyRequests: 0 }]);
    expect(count('SELECT COUNT(*) AS n FROM snapshots')).toBeLessThan(DAYS * PER_DAY * 2);
    expect(app.services.backup.list().backups.map((entry) => entry.kind)).toEqual(['auto']);
  });
});
