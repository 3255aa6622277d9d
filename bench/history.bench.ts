/**
 * bench:history — a year of refresh history for 1,000 wallets in one SQLite file: how the file
 * grows, how long the History chart (portfolio value history) and the latest positions take to
 * load, a verified online backup, the open-time quick_check, thinning to daily after 90 days
 * and VACUUM. Each timed operation is set against a naive way of doing it in the same run.
 * Rows per snapshot are scaled down to 2 positions per wallet (ETH and stETH; a real Ethereum
 * snapshot holds every registry token per wallet). Prints numbers; asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openTempApp, makeTempDir } from '../test/support/temp-app';
import { DAY, seedEvmWallets, seedHistory } from '../test/support/synthetic-history';
import { portfolioValueHistory } from '../electron/main/services/value-history';
import { createBackup } from '../electron/main/services/backup.service';
import { thinSnapshots } from '../electron/main/services/retention.service';
import { checkProblem } from '../electron/main/db/backup';
import { naiveLatestPositions, naiveThin, naiveValueHistory } from './history-naive';

const WALLETS = Number(process.env.BENCH_WALLETS ?? 1_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const PER_DAY = Number(process.env.BENCH_PER_DAY ?? 2);
const START = Date.UTC(2025, 0, 1) / 1000;
const NOW = (START + DAYS * DAY + DAY / 2) * 1000;
const MB = 1024 * 1024;

const rows: [string, string, string][] = [];
function row(label: string, value: string, note = ''): void {
  rows.push([label, value, note]);
  console.log(`${label.padEnd(52)}${value.padStart(14)}  ${note}`);
}
function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}
async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const ratio = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}×`;

async function main(): Promise<void> {
  const app = openTempApp({ now: () => NOW });
  const ctx = app.services.ctx;
  const file = path.join(app.dataDir, 'slashboard.sqlite');
  const size = () => {
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return fs.statSync(file).size;
  };
  try {
    console.log(`bench:history — ${WALLETS.toLocaleString('en')} wallets × ${DAYS} days × ${PER_DAY} Ethereum snapshot(s) a day, 2 positions per wallet per snapshot (scaled down)`);
    const wallets = seedEvmWallets(ctx, WALLETS);
    const marks = new Set([29, 89, 179, DAYS - 1]);
    const seeded = time(() =>
      seedHistory(ctx, { walletIds: wallets, start: START, days: DAYS, perDay: PER_DAY }, (day) => {
        if (!marks.has(day)) return;
        const bytes = size();
        row(`file after ${day + 1} days`, `${(bytes / MB).toFixed(1)} MB`, `${((bytes / MB / (day + 1)) * 30).toFixed(1)} MB a month; ${(bytes / ((day + 1) * PER_DAY * WALLETS * 2)).toFixed(0)} bytes a balance row`);
      }),
    );
    row('seed (synthetic refresh writes)', ms(seeded.ms), `${seeded.value} snapshots, ${(seeded.value * WALLETS * 2).toLocaleString('en')} balance rows`);

    // Seeded through the repos, so no refresh has run PRAGMA optimize yet: the planner has no statistics.
    const unplanned = time(() => ctx.repos.snapshots.latestPositions());
    row('latest positions, no planner statistics yet', ms(unplanned.ms), `${unplanned.value.length} rows (scans balances_wallet)`);
    const optimize = time(() => ctx.db.pragma('optimize'));
    row('PRAGMA optimize (after every refresh)', ms(optimize.ms));
    const latest = time(() => ctx.repos.snapshots.latestPositions());
    const latestNaive = time(() => naiveLatestPositions(ctx.db));
    row('latest positions (chain_status pointer)', ms(latest.ms), `${latest.value.length} rows; ${ratio(unplanned.ms, latest.ms)} faster with statistics`);
    row('  naive: scan every balance, newest per wallet in JS', ms(latestNaive.ms), `${ratio(latestNaive.ms, latest.ms)} slower (${latestNaive.value} rows)`);
    const portfolio = time(() => app.services.portfolio.get());
    row('portfolio.get (positions valued, totals)', ms(portfolio.ms), `${portfolio.value.positions.length} positions`);

    const history = time(() => portfolioValueHistory(ctx));
    const historyNaive = time(() => naiveValueHistory(ctx));
    const same = history.value.at(-1)?.usdCents === historyNaive.value.at(-1)?.usdCents;
    row(`value history (History chart), ${DAYS} days`, ms(history.ms), `${history.value.length} points, ${ms(history.ms / history.value.length)} a point`);
    row('  naive: one query per wallet per point', ms(historyNaive.ms), `${ratio(historyNaive.ms, history.ms)} slower; same totals: ${same}`);
    // What the History page loads: every point with value per underlying, slashable ETH and yield since the previous point.
    const timeline = time(() => app.services.history.timeline());
    const first = timeline.value.points[0]?.time ?? 0;
    const compare = time(() => app.services.history.compare(first, Math.floor(NOW / 1000)));
    row('history.timeline (History page load)', ms(timeline.ms), `${timeline.value.points.length} points, ${ms(timeline.ms / Math.max(1, timeline.value.points.length))} a point; ${ratio(timeline.ms, history.ms)} the value history`);
    row('history.compare (first vs last snapshot)', ms(compare.ms), `${compare.value.positions.length} positions`);

    const quick = time(() => checkProblem(ctx.db, 'quick_check'));
    const full = time(() => checkProblem(ctx.db, 'integrity_check'));
    row('quick_check (at every start)', ms(quick.ms), `${quick.value ?? 'ok'}; ${((size() / MB / quick.ms) * 1000).toFixed(0)} MB/s`);
    row('  integrity_check (run on every backup written)', ms(full.ms), `${ratio(full.ms, quick.ms)} the quick check`);

    const backupDir = makeTempDir('slashboard-bench-backup-');
    const backup = await timeAsync(() => createBackup(ctx, 'manual', path.join(backupDir, 'year.sqlite')));
    const copy = time(() => fs.copyFileSync(file, path.join(backupDir, 'raw-copy.sqlite')));
    row('verified online backup (copy + integrity_check)', ms(backup.ms), `${(backup.value.bytes / MB).toFixed(1)} MB`);
    row('  naive: fs.copyFile (not consistent while writing)', ms(copy.ms), `the backup takes ${ratio(backup.ms, copy.ms)} as long`);

    // The naive thinning runs on a copy of the same year, so both start from the same rows.
    const twin = new Database(path.join(backupDir, 'year.sqlite'));
    twin.pragma('journal_mode = WAL');
    twin.pragma('foreign_keys = ON');
    const before = size();
    const thin = time(() => thinSnapshots(ctx, 90));
    const thinNaive = time(() => naiveThin(twin, Math.floor(NOW / 1000 / DAY) - 90));
    twin.close();
    row('thinning to daily after 90 days (one DELETE + optimize)', ms(thin.ms), `${thin.value} snapshots removed (${(thin.value * WALLETS * 2).toLocaleString('en')} balance rows)`);
    row('  naive: one DELETE per snapshot, autocommit', ms(thinNaive.ms), `${ratio(thinNaive.ms, thin.ms)} slower (${thinNaive.value} removed)`);
    const again = time(() => thinSnapshots(ctx, 90));
    row('thinning again, nothing to do (after each refresh)', ms(again.ms), `${again.value} removed`);
    const vacuum = time(() => ctx.db.exec('VACUUM'));
    const after = size();
    row('VACUUM (on demand)', ms(vacuum.ms), `${(before / MB).toFixed(1)} MB → ${(after / MB).toFixed(1)} MB`);
    const thinned = time(() => portfolioValueHistory(ctx));
    row('value history after thinning', ms(thinned.ms), `${thinned.value.length} points (the first load took ${ratio(history.ms, thinned.ms)} as long)`);
    fs.rmSync(backupDir, { recursive: true, force: true });
  } finally {
    app.close();
  }
  console.log('\n| measure | value | note |\n|---|---:|---|');
  for (const [label, value, note] of rows) console.log(`| ${label.trim()} | ${value} | ${note} |`);
}

void main();
