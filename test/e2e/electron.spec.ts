/**
 * The desktop app itself, through Playwright's Electron driver. Runs where the Electron
 * binary exists; elsewhere it is skipped and says why (browser-mode E2E covers the same UI
 * and handlers).
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron } from '../../scripts/electron-binary.mjs';
import { makeTempDir } from '../support/temp-app';

const found = findElectron({ download: false });
const reason = found.binary ? '' : `Electron E2E skipped: ${found.reason} (it cannot be downloaded on this machine); browser-mode E2E covers the same renderer and handlers`;
if (reason) console.log(reason);

test('the desktop window opens with the security baseline in force', async () => {
  test.skip(!found.binary, reason);
  const native = spawnSync(process.execPath, ['scripts/electron-native.mjs'], { stdio: 'inherit' });
  expect(native.status).toBe(0);
  const dataDir = makeTempDir('slashboard-electron-');
  const app = await electron.launch({ executablePath: found.binary!, args: ['.', '--data-dir', dataDir] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
    const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
    expect(url).toMatch(/^app:\/\/slashboard\//);
    // No Node in the page (nodeIntegration off, context isolated): only the typed bridge.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { slashboard?: object }).slashboard ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'onEvent'] });
    const listed = await page.evaluate(() => (globalThis as unknown as { slashboard: { invoke(c: string, i: unknown): Promise<unknown> } }).slashboard.invoke('wallets.list', undefined));
    expect(listed).toEqual({ ok: true, value: [] });
    expect(await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null)).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
