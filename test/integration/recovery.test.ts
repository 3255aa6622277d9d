/**
 * A database that cannot be used at start-up: recovery mode instead of a crash, over the same
 * dispatch function the Electron window and the browser-mode server use. Damaged pages behind
 * a good header (found by quick_check), a file that is not SQLite at all, and one from a newer
 * version; restoring the latest automatic backup brings the normal app back in the same process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppHost, type AppHost } from '../../electron/main/app-host';
import { autoBackup } from '../../electron/main/services/backup.service';
import { startServer } from '../../electron/main/server/server';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import type { AppEvent } from '../../shared/ipc/events';
import { makeTempDir, openTempApp } from '../support/temp-app';
import { damageMiddle, integrity, writeNewerFile } from '../support/db-files';
import { seedEvmWallets, seedHistory } from '../support/synthetic-history';

const NOW = Date.UTC(2026, 1, 1, 8, 30, 0);
const dirs: string[] = [];
const hosts: AppHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder with 50 wallets and 20 days of history, an automatic backup, then one more wallet the backup lacks. */
async function dataDirWithBackup(): Promise<string> {
  const dataDir = makeTempDir('slashboard-recovery-');
  dirs.push(dataDir);
  const app = openTempApp({ dataDir, now: () => NOW });
  seedHistory(app.services.ctx, { walletIds: seedEvmWallets(app.services.ctx, 50), start: NOW / 1000 - 20 * 86_400, days: 20, perDay: 2 });
  await autoBackup(app.services.ctx);
  seedEvmWallets(app.services.ctx, 1, 50);
  app.close();
  return dataDir;
}

const open = (dataDir: string) => {
  const host = openAppHost({ dataDir, mode: 'browser', now: () => NOW });
  hosts.push(host);
  return host;
};
const liveFile = (dataDir: string) => path.join(dataDir, 'slashboard.sqlite');

describe('recovery mode', () => {
  it('finds damaged pages at start, offers the latest automatic backup and restores it', async () => {
    const dataDir = await dataDirWithBackup();
    damageMiddle(liveFile(dataDir));
    const host = open(dataDir);
    expect(host.services()).toBeNull();
    const info = await host.dispatch('app.info', undefined);
    expect(info).toMatchObject({ ok: false, error: { code: 'RECOVERY', message: expect.stringMatching(/cannot open its database: The database at .* is damaged \(quick check: .*\)\. 1 backup\(s\) can be restored; the newest is auto-20260201-083000\.sqlite/) } });
    expect(await host.dispatch('wallets.list', undefined)).toMatchObject({ ok: false, error: { code: 'RECOVERY' } });
    const status = await host.dispatch('recovery.status', undefined);
    expect(status).toMatchObject({ ok: true, value: { active: true, error: { code: 'RECOVERY' }, dataDir, backups: [{ kind: 'auto', name: 'auto-20260201-083000.sqlite' }] } });
    const backup = (status as { ok: true; value: { backups: { path: string }[] } }).value.backups[0]!.path;

    expect(await host.dispatch('recovery.restore', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/recovery\.status lists/) } });
    const events: AppEvent[] = [];
    host.subscribe((event) => events.push(event));
    const restored = await host.dispatch('recovery.restore', { path: backup });
    expect(restored).toMatchObject({ ok: true, value: { path: backup, schemaVersion: MIGRATIONS.length, movedAside: [expect.stringMatching(/slashboard\.sqlite\.corrupt-\d{8}-\d{6}$/)] } });
    expect(events.filter((event) => event.name === 'data.changed').map((event) => event.payload)).toEqual([{ what: 'wallets' }, { what: 'portfolio' }, { what: 'settings' }]);

    // The same dispatch now serves the normal app, on the backup's data (the wallet added after it is gone).
    expect(await host.dispatch('app.info', undefined)).toMatchObject({ ok: true, value: { dataDir, schemaVersion: MIGRATIONS.length } });
    expect(await host.dispatch('wallets.list', undefined)).toMatchObject({ ok: true, value: { length: 50 } });
    expect(await host.dispatch('recovery.status', undefined)).toMatchObject({ ok: true, value: { active: false, error: null } });
    expect(integrity(liveFile(dataDir))).toBe('ok');
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });

  it('starts in recovery mode for a file that is not SQLite, and from the browser-mode server', async () => {
    const dataDir = await dataDirWithBackup();
    fs.writeFileSync(liveFile(dataDir), 'garbage '.repeat(10_000));
    const host = open(dataDir);
    const server = await startServer({ dispatch: host.dispatch, events: host, staticDir: dataDir });
    try {
      const post = async (channel: string, input?: unknown) =>
        (await fetch(`${server.url}/api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ input }) })).json();
      expect(await post('app.info')).toMatchObject({ ok: false, error: { code: 'RECOVERY', message: expect.stringMatching(/not a database|could not be prepared|Cannot open/) } });
      const status = (await post('recovery.status')) as { value: { backups: { path: string }[] } };
      expect(await post('recovery.restore', { path: status.value.backups[0]!.path })).toMatchObject({ ok: true });
      expect(await post('app.info')).toMatchObject({ ok: true, value: { schemaVersion: MIGRATIONS.length } });
      expect(await post('recovery.restore', { path: status.value.backups[0]!.path })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not in recovery mode/) } });
    } finally {
      await server.close();
    }
  });

  it('sets a file from a newer Slashboard aside as .newer, and says when there is no backup', async () => {
    const dataDir = makeTempDir('slashboard-recovery-');
    dirs.push(dataDir);
    writeNewerFile(liveFile(dataDir));
    const host = open(dataDir);
    expect(await host.dispatch('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'RECOVERY', message: expect.stringMatching(/newer version of Slashboard.*No backup was found in /) } });
    await expect(host.recovery()!.restoreLatest()).rejects.toThrow(/No backup was found/);
    const backupsDir = path.join(dataDir, 'backups');
    fs.mkdirSync(backupsDir);
    const app = openTempApp({ dataDir: makeTempDir(), now: () => NOW });
    dirs.push(app.dataDir);
    const good = (await app.services.backup.create(path.join(backupsDir, 'slashboard-20260101-000000.sqlite'))).path;
    app.close();
    const { services, result } = await host.recovery()!.restoreLatest();
    services.ctx.close();
    expect(result.path).toBe(good);
    expect(result.movedAside).toEqual([expect.stringMatching(/slashboard\.sqlite\.newer-\d{8}-\d{6}$/)]);
  });

  it('restores from the command line even when the database cannot be opened', async () => {
    const dataDir = await dataDirWithBackup();
    damageMiddle(liveFile(dataDir));
    const backup = fs.readdirSync(path.join(dataDir, 'backups'))[0]!;
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/main/cli/index.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8' });
    const restore = cli('restore', path.join(dataDir, 'backups', backup));
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/is damaged \(quick check: [^\n]*\n.*Moved the unreadable database aside: .*slashboard\.sqlite\.corrupt-[^\n]*\nRestored .*auto-20260201-083000\.sqlite \(schema \d+\)\n$/s);
    const restored = openTempApp({ dataDir });
    expect(restored.services.wallets.list()).toHaveLength(50);
    restored.close();
    const backupRun = cli('backup', '--to', path.join(dataDir, 'manual.sqlite'));
    expect(backupRun).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Backup written and verified: .*manual\.sqlite \(\d+ bytes, \d+ ms\)\n$/) });
    expect(cli('backup', '--to', path.join(dataDir, 'manual.sqlite'))).toMatchObject({ status: 1, stderr: expect.stringMatching(/already exists; a backup never overwrites a file/) });
    expect(cli('thin', '--keep-days', '5', '--vacuum')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Removed \d+ snapshot\(s\): every snapshot of the last 5 days is kept.*\nCompacted the database: \d+ → \d+ bytes\n$/) });
  }, 120_000);
});
