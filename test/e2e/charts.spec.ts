/**
 * The Charts page in browser mode: candles fetched once from a loopback Binance klines
 * server (documented shape, test/support/binance-server.ts), then drawn from the SQLite cache
 * with the network gone: candles, volume and RSI panes, S/R lines, volume-spike markers.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTempDir } from '../support/temp-app';
import { startBinanceServer, type BinanceServer } from '../support/binance-server';
import { startServeProcess, type ServeProcess } from '../support/serve-process';
import { nav } from './helpers';

const SHOTS = path.resolve('test/.artifacts/screenshots');
test.describe.configure({ mode: 'serial' });

let server: ServeProcess | undefined;
let binance: BinanceServer | undefined;
const dataDir = makeTempDir('slashboard-e2e-charts-');

test.beforeAll(async () => {
  binance = await startBinanceServer();
  server = await startServeProcess(dataDir, {}, { candlesApi: binance.url });
});
test.afterAll(async () => {
  await server?.stop();
  await binance?.close();
});

test('the Charts page draws candles, volume, RSI and S/R lines from the cache with the network off', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await page.goto(server!.launchUrl);
  await nav(page, 'Charts');
  await expect(page.getByText('No candles cached yet')).toBeVisible();
  await page.getByRole('button', { name: 'Fetch new candles' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'new candle(s)' })).toContainText(/^\d+ new candle\(s\) in 1 request\(s\)$/);
  const chart = page.getByTestId('candle-chart');
  await expect(chart).toHaveAttribute('data-candles', '300');

  // Network off: stop the candle server and restart the app pointing at a dead port.
  await binance!.close();
  binance = undefined;
  await server!.stop();
  server = await startServeProcess(dataDir, {});
  // The old page's event stream fails while its server is down (it retries): expected, not the page's fault.
  errors.length = 0;
  await page.goto(server.launchUrl);
  await nav(page, 'Charts');
  await expect(chart).toHaveAttribute('data-candles', '300');
  expect(Number(await chart.getAttribute('data-levels'))).toBeGreaterThan(0);
  expect(Number(await chart.getAttribute('data-spikes'))).toBeGreaterThan(0);
  // Three panes (candles, volume, RSI): lightweight-charts lays them out as table rows, with a separator row between panes and one for the time axis.
  await expect(chart.locator('table tr')).toHaveCount(3 + 2 + 1);
  await chart.hover({ position: { x: 300, y: 100 } });
  await expect(page.getByTestId('chart-legend')).toContainText(/O \d+\.\d{8} H .* RSI \d+\.\d{2}/);
  await page.getByRole('button', { name: 'Fetch new candles' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'unreachable' })).toContainText('Candle API unreachable');
  await expect(chart).toHaveAttribute('data-candles', '300');
  await page.screenshot({ path: path.join(SHOTS, '10-charts.png'), fullPage: true });
  expect(errors).toEqual([]);
});
