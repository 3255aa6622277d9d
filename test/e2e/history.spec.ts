/**
 * The History page in browser mode over a data dir seeded with two refreshes' snapshots 30 days
 * apart (test/support/history-fixture.ts, written through the repos before the server starts;
 * every API a dead port): the timeline, the compare table with its exact balance / rate / price
 * split, a changed range, and the CSV export saved through the browser's download.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { annualizedYield } from '../../shared/domain/yield';
import { makeTempDir, openTempApp } from '../support/temp-app';
import { startServeProcess, type ServeProcess } from '../support/serve-process';
import { DAY, RATES, seedHistory, T0, T1 } from '../support/history-fixture';
import { nav, percent } from './helpers';

const SHOTS = path.resolve('test/.artifacts/screenshots');
test.describe.configure({ mode: 'serial' });
test.use({ timezoneId: 'UTC', acceptDownloads: true });

let server: ServeProcess | undefined;
const dataDir = makeTempDir('slashboard-e2e-history-');

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const app = openTempApp({ dataDir });
  seedHistory(app.services);
  app.close();
  server = await startServeProcess(dataDir, {});
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the History page shows the timeline, explains the change per position and exports it as CSV', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await page.goto(server!.launchUrl);
  await nav(page, 'History');

  // Timeline: two refresh points; the second carries the realized yield of the start holdings.
  await expect(page.getByTestId('history-chart')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId(`point-${T0}`)).toContainText('$75,000.00');
  await expect(page.getByTestId(`point-${T1}`)).toContainText('$75,333.19 (1 not valued)');
  await expect(page.getByTestId(`yield-${T1}`)).toHaveText(percent(annualizedYield(75_000_00n, 75_286_50n, 30 * DAY)));

  // The range defaults to the first refresh and the last snapshot.
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-01-05T12:00');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-02-04T12:00');
  const cell = (column: string, row: string) => page.getByTestId(`${column}-ethereum-${row}-1`);
  await expect(cell('total', 'rETH')).toHaveText('+$12,124.19');
  await expect(cell('balance', 'rETH')).toHaveText('+$11,000.01');
  await expect(cell('rate', 'rETH')).toHaveText('+$21.99');
  await expect(cell('price', 'rETH')).toHaveText('+$1,102.19');
  await expect(cell('balance', 'wstETH')).toHaveText('$0.00');
  await expect(cell('rate', 'wstETH')).toHaveText('+$90.00');
  await expect(cell('price', 'wstETH')).toHaveText('+$3,609.00');
  await expect(cell('yield', 'wstETH')).toHaveText(percent(annualizedYield(RATES.t0.wstETH, RATES.t1.wstETH, 30 * DAY)));
  await expect(cell('balance', 'weETH')).toHaveText('−$15,750.00');
  await expect(cell('amount', 'weETH')).toHaveText('5 → 0');
  await expect(cell('total', 'cbETH')).toContainText('n/a');
  await expect(cell('total', 'cbETH').locator('span').first()).toHaveAttribute('title', 'balance could not be read at the end: execution reverted');
  await expect(page.getByTestId('rate-solana-JitoSOL-2')).toHaveText('+$150.00');
  await expect(page.getByTestId('totals-total')).toHaveText('+$333.19 (1 n/a)');
  await page.screenshot({ path: path.join(SHOTS, 'history.png'), fullPage: true });
  await page.getByTestId('compare-table').screenshot({ path: path.join(SHOTS, 'history-compare.png') });

  // Both times before the second refresh: nothing changed.
  await page.getByLabel('To', { exact: true }).fill('2026-01-10T00:00:00');
  await expect(page.getByTestId('totals-total')).toHaveText('$0.00');
  await expect(cell('amount', 'weETH')).toHaveText('5 → 5');
  await page.getByLabel('To', { exact: true }).fill('2026-02-04T12:00:00');
  await expect(page.getByTestId('totals-total')).toHaveText('+$333.19 (1 n/a)');

  // Export: the timeline between the two dates, saved through a Blob link.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('slashboard-history-2026-01-05_2026-02-04.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('time,snapshots,usd,unvalued,eth,btc,sol,slashableEth,slashableUsd,yieldSincePrevious,yieldMissing,yieldSeconds');
  expect(csv[1]).toBe('2026-01-05T12:00:00.000Z,ethereum:2@21000000;solana:1@300000000,75000.00,0,19.25,,115,16,48000.00,,,');
  expect(csv[2]).toMatch(/^2026-02-04T12:00:00\.000Z,ethereum:4@21216000;solana:3@306480000,75333\.19,1,17\.203999999999999999,,116,16,52800\.00,0\.0\d+,,2592000$/);
  await expect(page.getByRole('status').filter({ hasText: 'row(s)' })).toHaveText('slashboard-history-2026-01-05_2026-02-04.csv: 2 row(s)');

  // Positions as they were at "To": the formula-like wallet label is neutralised for spreadsheets.
  await page.getByLabel('What to export').selectOption('positions');
  const [positions] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const rows = fs.readFileSync((await positions.path())!, 'utf8').split('\r\n');
  expect(rows.find((line) => line.includes(',rETH,'))).toMatch(/^0x1{40},"'=SUM\(1,2\) ""main""",ethereum,.*,3\.333333333333333333,.*,12124\.19,/);
  expect(errors).toEqual([]);
});
