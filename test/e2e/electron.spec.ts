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

    // DevTools cannot be opened outside development (webPreferences.devTools false).
    expect(
      await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents;
        contents.openDevTools();
        return contents.isDevToolsOpened();
      }),
    ).toBe(false);
    // The CSP header is on the app's own files, and inline script and eval do not run.
    const csp = await page.evaluate(async () => (await fetch('app://slashboard/index.html')).headers.get('content-security-policy'));
    expect(csp).toMatch(/script-src 'self'/);
    const blocked = await page.evaluate(() => {
      type Doc = { createElement(tag: string): { textContent: string }; head: { appendChild(node: unknown): void } };
      const doc = (globalThis as unknown as { document: Doc }).document;
      const script = doc.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      doc.head.appendChild(script);
      let evalRan: boolean;
      try {
        evalRan = (0, eval)('true') === true;
      } catch {
        evalRan = false;
      }
      return { inline: (globalThis as { __inlineRan?: boolean }).__inlineRan === true, evalRan };
    });
    expect(blocked).toEqual({ inline: false, evalRan: false });
    // Navigation away is prevented (will-navigate): the window stays on the app, and no second window opens.
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())).toMatch(/^app:\/\/slashboard\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // Permission requests and checks are refused.
    expect(await page.evaluate(() => (globalThis as unknown as { Notification: { requestPermission(): Promise<string> } }).Notification.requestPermission())).toBe('denied');
    expect(
      await page.evaluate(async () =>
        (await (globalThis as unknown as { navigator: { permissions: { query(d: { name: string }): Promise<{ state: string }> } } }).navigator.permissions.query({ name: 'geolocation' })).state,
      ),
    ).toBe('denied');
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
