/**
 * The whole app as a user meets it, in browser mode: built server process, real SQLite
 * file, real anvil nodes, Debian's Chromium. Screenshots of each page go to test/.artifacts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nav } from './helpers';
import { makeTempDir } from '../support/temp-app';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { installAggregator, setAggregatorRound, setNativeBalance, setTokenBalance, setView } from '../support/evm-fixture';
import { startPriceApiServer, type PriceApiServer } from '../support/price-api-server';
import { installStrategy, setEigenDeposits, setOperator } from '../support/eigen-fixture';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

const SHOTS = path.resolve('test/.artifacts/screenshots');
const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const RETH = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const WEETH_BASE = '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A';
const MAIN = '0x1111111111111111111111111111111111111111' as const;
const OPERATOR = '0x3333333333333333333333333333333333333333' as const;
// rETH strategy proxy, Layr-Labs/eigenlayer-contracts README @f84a515.
const RETH_STRATEGY = '0x1BeE69b7dFFfA4E2d53C2a2Df135C388AD25dCD2' as const;
// Chainlink rETH/ETH and ETH/USD proxies (shared/registry; docs/research/chainlink-feeds.md).
const RETH_ETH_FEED = '0x536218f9E9Eb48863970252233c8F271f554C2d0' as const;
const ETH_USD_FEED = '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419' as const;
const SECOND = '0x2222222222222222222222222222222222222222' as const;

test.describe.configure({ mode: 'serial' });

let nodes: EvmNodes | undefined;
let server: ServeProcess | undefined;
let prices: PriceApiServer | undefined;
const dataDir = makeTempDir('slashboard-e2e-');

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  nodes = await startEvmChains();
  await setTokenBalance(nodes.ethereum, WSTETH, MAIN, 1_234_567_890_123_456_789n);
  await setTokenBalance(nodes.ethereum, RETH, MAIN, 42_000_000_000_000_000_017n);
  await setNativeBalance(nodes.ethereum, MAIN, 3_141_592_653_589_793_238n);
  await setTokenBalance(nodes.base, WEETH_BASE, SECOND, 987_654_321n);
  // MAIN restakes rETH natively on EigenLayer; slashing left 3 % less withdrawable.
  await installStrategy(nodes.ethereum, RETH_STRATEGY, RETH, 1_100_000_000_000_000_000n, 10n ** 18n);
  await setEigenDeposits(nodes.ethereum, MAIN, [{ strategy: RETH_STRATEGY, depositShares: 2_000_000_000_000_000_000n, withdrawableShares: 1_940_000_000_000_000_000n }]);
  await setOperator(nodes.ethereum, MAIN, OPERATOR);
  // rETH NAV 1.1 ETH on chain (getExchangeRate), market 1.089 ETH on its Chainlink feed: a 1 % discount.
  await setView(nodes.ethereum, RETH, 'function getExchangeRate() view returns (uint256)', 1_100_000_000_000_000_000n);
  const now = Math.floor(Date.now() / 1000);
  await installAggregator(nodes.ethereum, RETH_ETH_FEED);
  await setAggregatorRound(nodes.ethereum, RETH_ETH_FEED, 18, 1_089_000_000_000_000_000n, now - 60);
  await installAggregator(nodes.ethereum, ETH_USD_FEED);
  await setAggregatorRound(nodes.ethereum, ETH_USD_FEED, 8, 312_345_678_901n, now - 60); // $3,123.45678901
  prices = await startPriceApiServer();
  server = await startServeProcess(dataDir, flat(rpcOverrides(nodes)), { priceApi: prices.url });
});

test.afterAll(async () => {
  await server?.stop();
  await prices?.close();
  await stopEvmChains(nodes);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const flat = (urls: Record<string, string[]>) => Object.fromEntries(Object.entries(urls).map(([chain, list]) => [chain, list[0]!]));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

test('add wallets, import a CSV, refresh against anvil, and read it all back offline', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByText('Nothing to show yet.')).toBeVisible();
  await shot(page, '01-portfolio-empty');

  await nav(page, 'Wallets');
  await expect(page.getByText('No wallets yet.')).toBeVisible();
  const address = page.getByLabel('Address or ENS name');
  await address.fill('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046');
  await page.getByRole('button', { name: 'Add wallet' }).click();
  await expect(page.getByRole('alert')).toContainText('wrong EIP-55 checksum');
  await address.fill('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx');
  await page.getByRole('button', { name: 'Add wallet' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitcoin testnet or signet address');
  await shot(page, '02-wallets-bad-address');

  await address.fill(MAIN);
  await page.getByLabel('Label (optional)').fill('Main vault');
  await page.getByRole('button', { name: 'Add wallet' }).click();
  await expect(page.getByTestId(`wallet-${MAIN}`)).toContainText('Main vault');

  const csv = ['address,label', `${SECOND},Second`, '0xnot-an-address,Broken', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4,BTC'].join('\n');
  await page.getByTestId('csv-file').setInputFiles({ name: 'wallets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Added 2 wallets; 1 line rejected.');
  await expect(result).toContainText('Line 3: EVM address must be 0x followed by 40 hex digits');
  await expect(page.getByRole('row')).toHaveCount(4); // header + 3 wallets
  await shot(page, '03-wallets-imported');

  await nav(page, 'Portfolio');
  await page.getByRole('button', { name: 'Refresh' }).click();
  for (const chain of ['ethereum', 'arbitrum', 'base']) {
    await expect(page.getByTestId(`progress-${chain}`)).toContainText('done');
  }
  const main = page.getByTestId(`positions-${MAIN}`);
  await expect(main.getByTestId('pos-ethereum-wstETH')).toContainText('1.234567');
  await expect(main.getByTestId('pos-ethereum-wstETH').locator('td.amount')).toHaveAttribute('title', '1.234567890123456789');
  await expect(main.getByTestId('pos-ethereum-rETH').locator('td.amount')).toHaveAttribute('title', '42.000000000000000017');
  await expect(main.getByTestId('pos-ethereum-ETH').locator('td.amount')).toHaveAttribute('title', '3.141592653589793238');
  const reth = main.getByTestId('pos-ethereum-rETH');
  await expect(reth.locator('td.underlying')).toHaveAttribute('title', '46.200000000000000018'); // 42000000000000000017 * 11 // 10 (Python)
  await expect(reth.locator('td.premium')).toHaveText('−1.00 %');
  // 45.738… − 46.2… = −0.462 ETH; × $3,123.45678901 = −$1,443.03 (Python, truncated toward zero)
  await expect(reth.locator('td.premium')).toHaveAttribute('title', 'Selling at market instead of redeeming: -0.462 ETH (−$1,443.03)');
  // 46.200000000000000018 ETH × $3,123.45678901 = $144,303.70 (Python: 46200000000000000018 * 312345678901 * 100 // 10**26)
  await expect(reth.locator('td.usd')).toHaveText('$144,303.70');
  const second = page.getByTestId(`positions-${SECOND}`);
  await expect(second.getByTestId('pos-base-weETH').locator('td.amount')).toHaveAttribute('title', '0.000000000987654321');
  await expect(page.getByTestId('chain-ethereum')).toContainText('as of block');
  const eigen = main.getByTestId('eigenlayer');
  await expect(eigen).toContainText(`delegated to ${OPERATOR}`);
  const restaked = eigen.getByTestId('eigen-strategy-rETH');
  await expect(restaked.locator('td.num').nth(0)).toHaveAttribute('title', '2.2'); // 2 shares × 1.1
  await expect(restaked.locator('td.num').nth(1)).toHaveAttribute('title', '2.134'); // 1.94 shares × 1.1
  await expect(restaked).toContainText('reduced by slashing');
  await shot(page, '04-portfolio-refreshed');

  await nav(page, 'Settings');
  await expect(page.getByRole('note').first()).toContainText('This run uses http://127.0.0.1:');
  await page.getByLabel('Light').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await shot(page, '05-settings-light');
  await page.getByLabel('Dark').check();

  // Close the app, take the network away (stop every node), reopen on the same data.
  await server!.stop();
  await stopEvmChains(nodes);
  nodes = undefined;
  server = await startServeProcess(dataDir, { ethereum: 'http://127.0.0.1:9', arbitrum: 'http://127.0.0.1:9', base: 'http://127.0.0.1:9' });
  await page.goto(server.launchUrl);
  const again = page.getByTestId(`positions-${MAIN}`);
  await expect(again.getByTestId('pos-ethereum-wstETH').locator('td.amount')).toHaveAttribute('title', '1.234567890123456789');
  await expect(page.getByTestId(`positions-${SECOND}`).getByTestId('pos-base-weETH')).toBeVisible();
  await shot(page, '06-portfolio-offline');

  // A refresh with the network gone marks every chain stale and keeps the balances.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('chain-ethereum')).toContainText('stale');
  await expect(again.getByTestId('pos-ethereum-wstETH').locator('td.amount')).toHaveAttribute('title', '1.234567890123456789');
  await shot(page, '07-portfolio-stale');
});

test('removing a wallet asks first, then removes its positions', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await nav(page, 'Wallets');
  await page.getByTestId(`wallet-${SECOND}`).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('stored positions and history will be deleted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId(`wallet-${SECOND}`)).toBeVisible();
  await page.getByTestId(`wallet-${SECOND}`).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove wallet' }).click();
  await expect(page.getByTestId(`wallet-${SECOND}`)).toHaveCount(0);
  await nav(page, 'Portfolio');
  await expect(page.getByTestId(`positions-${SECOND}`)).toHaveCount(0);
  await expect(page.getByTestId(`positions-${MAIN}`)).toBeVisible();
});
