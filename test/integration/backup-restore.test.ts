/**
 * Backups and restore over real SQLite files: a backup taken while the app writes is
 * consistent, automatic backups follow the 24-hour / newest-7 rule, and restore brings an
 * older backup up to this schema while refusing damaged, foreign and future files (and any
 * path outside the backups folder) with nothing lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { autoBackup, AUTO_BACKUPS_KEPT } from '../../electron/main/services/backup.service';
import { openTempApp, type TempApp } from '../support/temp-app';
import { damageMiddle, integrity, writeForeignFile, writeNewerFile, writeOlderSchemaFile } from '../support/db-files';
import { seedEvmWallets, writeEthereumSnapshot } from '../support/synthetic-history';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const HOUR = 3_600_000;
let clock = T0;
let app: TempApp;
let backups: string;

beforeEach(() => {
  clock = T0;
  // Bitcoin points at a dead port: a refresh here fails fast and never leaves the machine.
  app = openTempApp({ now: () => clock, rpcOverrides: { bitcoin: ['http://127.0.0.1:9'] }, httpOptions: { retries: 0 } });
  backups = path.join(app.dataDir, 'backups');
});
afterEach(() => app.close());

/** Every snapshot in the file has one balance row per wallet and position (2 per wallet here). */
function wholeSnapshots(file: string): { snapshots: number; partial: number } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare<[], { n: number; walletCount: number }>('SELECT COUNT(b.wallet_id) AS n, s.wallet_count AS walletCount FROM snapshots s LEFT JOIN balances b ON b.snapshot_id = s.id GROUP BY s.id').all();
    return { snapshots: rows.length, partial: rows.filter((row) => row.n !== row.walletCount * 2).length };
  } finally {
    db.close();
  }
}

describe('backup', () => {
  it('is consistent and verified when taken while the app keeps writing snapshots', async () => {
    const ctx = app.services.ctx;
    const wallets = seedEvmWallets(ctx, 300);
    for (let step = 0; step < 20; step++) writeEthereumSnapshot(ctx, wallets, 1_760_000_000 + step * 600, step);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        writeEthereumSnapshot(ctx, wallets, 1_770_000_000 + written * 600, 100 + written);
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const phases: string[] = [];
    ctx.events.subscribe((event) => event.name === 'backup.progress' && phases.push(event.payload.phase));
    const result = await app.services.backup.create();
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(result.path).toBe(path.join(backups, 'slashboard-20260110-120000.sqlite'));
    expect(result.bytes).toBe(fs.statSync(result.path).size);
    expect(phases[0]).toBe('started');
    expect(phases).toContain('copying');
    expect(phases.slice(-2)).toEqual(['verifying', 'done']);
    expect(integrity(result.path)).toBe('ok');
    const copy = wholeSnapshots(result.path);
    expect(copy.partial).toBe(0);
    expect(copy.snapshots).toBeGreaterThanOrEqual(20);
    // One self-contained file: no -wal beside it, nothing left half-written.
    expect(fs.readdirSync(backups)).toEqual(['slashboard-20260110-120000.sqlite']);
  });

  it('writes only inside the backups folder from the app, never over a file', async () => {
    expect(await app.dispatch('backup.create', { path: 'mine.sqlite' })).toMatchObject({ ok: true, value: { path: path.join(backups, 'mine.sqlite') } });
    expect(await app.dispatch('backup.create', { path: 'mine.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/already exists/) } });
    for (const outside of ['/etc/cron.d/x.sqlite', '../slashboard.sqlite', path.join(app.dataDir, 'x.sqlite'), 'notes.txt']) {
      expect(await app.dispatch('backup.create', { path: outside })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Only \.sqlite files inside/) } });
    }
    fs.symlinkSync('/tmp', path.join(backups, 'escape'));
    expect(await app.dispatch('backup.create', { path: 'escape/x.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The CLI's --to may name any folder that exists.
    const elsewhere = path.join(app.dataDir, 'elsewhere.sqlite');
    expect((await app.services.backup.create(elsewhere)).path).toBe(elsewhere);
    expect(integrity(elsewhere)).toBe('ok');
  });

  it('takes an automatic backup at most once per 24 hours and keeps the newest 7', async () => {
    seedEvmWallets(app.services.ctx, 3);
    expect(await autoBackup(app.services.ctx)).toMatchObject({ path: path.join(backups, 'auto-20260110-120000.sqlite') });
    clock += 23 * HOUR;
    expect(await autoBackup(app.services.ctx)).toBeNull();
    clock += HOUR;
    expect(await autoBackup(app.services.ctx)).not.toBeNull();
    await app.services.backup.create(); // manual backups are never pruned
    for (let day = 0; day < 8; day++) {
      clock += 25 * HOUR;
      await autoBackup(app.services.ctx);
    }
    const list = app.services.backup.list().backups;
    expect(list.filter((entry) => entry.kind === 'auto')).toHaveLength(AUTO_BACKUPS_KEPT);
    expect(list.filter((entry) => entry.kind === 'manual')).toHaveLength(1);
    expect(list[0]!.time).toBe(clock - (clock % 1000));
    expect(list.map((entry) => entry.time)).toEqual([...list.map((entry) => entry.time)].sort((a, b) => b - a));
  });
});

describe('restore', () => {
  const current = async () => (await app.dispatch('wallets.list', undefined)) as { ok: true; value: { address: string }[] };

  beforeEach(async () => {
    await app.services.wallets.add('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'Current');
    fs.mkdirSync(backups, { recursive: true });
  });

  it('restores an older-schema backup, migrated up, after setting the current data aside', async () => {
    const file = path.join(backups, 'old-v5.sqlite');
    writeOlderSchemaFile(file, 5);
    const changed: string[] = [];
    app.services.ctx.events.subscribe((event) => event.name === 'data.changed' && changed.push(event.payload.what));
    const result = await app.dispatch('backup.restore', { path: file });
    expect(result).toMatchObject({ ok: true, value: { path: file, fromSchema: 5, toSchema: MIGRATIONS.length } });
    expect(app.services.ctx.schemaVersion()).toBe(MIGRATIONS.length);
    expect((await current()).value.map((wallet) => wallet.address)).toEqual(['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']);
    expect(app.services.settings.get().theme).toBe('dark');
    expect(app.services.portfolio.get().positions).toEqual([expect.objectContaining({ chain: 'bitcoin', rawAmount: '123456789', blockNumber: '850000' })]);
    expect(changed).toEqual(expect.arrayContaining(['wallets', 'portfolio', 'settings']));
    // The replaced data is one restore away.
    const aside = (result as { ok: true; value: { asidePath: string } }).value.asidePath;
    expect(path.basename(aside)).toMatch(/^before-restore-20260110-120000\.sqlite$/);
    expect(integrity(aside)).toBe('ok');
    expect(await app.dispatch('backup.restore', { path: aside })).toMatchObject({ ok: true });
    expect((await current()).value.map((wallet) => wallet.address)).toEqual(['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']);
    // Prepared statements still work on the same connection after both restores.
    await app.services.wallets.add('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'Again');
    expect((await current()).value).toHaveLength(2);
    expect(fs.readdirSync(backups).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  const refusals: [string, (file: string) => void, string, RegExp][] = [
    ['a file that is not SQLite', (file) => fs.writeFileSync(file, 'not a database '.repeat(500)), 'INVALID_INPUT', /is not a SQLite database/],
    ['a damaged backup', (file) => (writeOlderSchemaFile(file, MIGRATIONS.length), growAndDamage(file)), 'DATABASE', /is damaged \(integrity check: /],
    ['a foreign SQLite file', writeForeignFile, 'INVALID_INPUT', /not a Slashboard database \(a foreign file: no wallets, snapshots, settings table\)/],
    ['a SQLite file without a schema version', (file) => new Database(file).exec('CREATE TABLE wallets (id)').close(), 'INVALID_INPUT', /a foreign file: no schema version/],
    ['a file from a newer Slashboard', writeNewerFile, 'DATABASE', new RegExp(`newer version of Slashboard \\(schema ${MIGRATIONS.length + 1}, this app knows up to ${MIGRATIONS.length}\\)`)],
  ];
  for (const [what, write, code, message] of refusals) {
    it(`refuses ${what} with a clear message and changes nothing`, async () => {
      const file = path.join(backups, 'candidate.sqlite');
      write(file);
      const before = fs.readFileSync(file);
      expect(await app.dispatch('backup.restore', { path: file })).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
      expect((await current()).value.map((wallet) => wallet.address)).toEqual(['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readdirSync(backups)).toEqual(['candidate.sqlite']);
    });
  }

  it('refuses a path outside the backups folder from the app', async () => {
    const outside = path.join(app.dataDir, 'outside.sqlite');
    writeOlderSchemaFile(outside, MIGRATIONS.length);
    expect(await app.dispatch('backup.restore', { path: outside })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Only \.sqlite files inside/) } });
    expect(await app.dispatch('backup.restore', { path: 'missing.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rolls back completely when the rows cannot be inserted, keeping the aside copy', async () => {
    const file = path.join(backups, 'dangling.sqlite');
    writeOlderSchemaFile(file, MIGRATIONS.length);
    // A balance of a wallet that does not exist: integrity_check does not see it, the foreign key check does.
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO balances (snapshot_id, wallet_id, token_address, symbol, name, decimals, raw_amount) VALUES (1, 99, '', 'BTC', 'Bitcoin', 8, '1')").run();
    db.close();
    expect(await app.dispatch('backup.restore', { path: file })).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringMatching(/foreign key/) } });
    expect((await current()).value.map((wallet) => wallet.address)).toEqual(['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']);
    expect(app.services.backup.list().backups.map((entry) => entry.kind).sort()).toEqual(['before-restore', 'other']);
  });

  it('refuses while a refresh is running', async () => {
    const file = path.join(backups, 'good.sqlite');
    writeOlderSchemaFile(file, MIGRATIONS.length);
    const refresh = app.services.refresh.run(['bitcoin']); // a dead Esplora: fails, but runs for a moment
    expect(await app.dispatch('backup.restore', { path: file })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    await refresh;
  });
});

/** Adds enough rows for middle pages to exist, then damages them. */
function growAndDamage(file: string): void {
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`filler.${i}`, JSON.stringify('x'.repeat(60)));
  })();
  db.close();
  damageMiddle(file);
}
