/**
 * A damaged database at start, in browser mode: the built server opens in recovery mode, the
 * page shows what went wrong and offers the latest backup, and restoring it brings the app
 * back with the backup's wallets, never a crash loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { nav } from './helpers';
import { makeTempDir, openTempApp } from '../support/temp-app';
import { damageMiddle } from '../support/db-files';
import { DB_FILE_NAME } from '../../electron/main/db/open';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

const WALLET = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const dataDir = makeTempDir('slashboard-e2e-recovery-');
let server: ServeProcess | undefined;

test.beforeAll(async () => {
  const app = openTempApp({ dataDir });
  await app.services.wallets.add(WALLET, 'Kept in the backup');
  // Enough rows that the file has pages in the middle to damage.
  app.services.ctx.db.exec("CREATE TABLE IF NOT EXISTS padding (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO padding SELECT hex(randomblob(200)) FROM n;");
  await app.services.backup.create();
  app.close();
  damageMiddle(path.join(dataDir, DB_FILE_NAME));
  server = await startServeProcess(dataDir, {});
});

test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a damaged database shows the recovery screen, and restoring the latest backup brings the data back', async ({ page }) => {
  await page.goto(server!.launchUrl);
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toContainText('Slashboard cannot open its database');
  await expect(screen).toContainText(dataDir);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByTestId('restore-latest').click();

  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await nav(page, 'Wallets');
  await expect(page.getByTestId(`wallet-${WALLET}`)).toContainText('Kept in the backup');
  const moved = fs.readdirSync(dataDir).filter((name) => name.startsWith(`${DB_FILE_NAME}.corrupt-`));
  expect(moved.length).toBeGreaterThan(0);
});
