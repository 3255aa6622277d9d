/**
 * The Yield page in browser mode against anvil: wstETH and weETH NAV rates set 31 simulated
 * days apart, a refresh from the UI, then base / premium / blended per position and for the
 * portfolio, checked against the closed form computed here from the rates and block times.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addWalletAndRefresh, nav, percent } from './helpers';
import { makeTempDir } from '../support/temp-app';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { allBlockTimes, increaseTime, installAggregator, setAggregatorRound, setTokenBalance, setView } from '../support/evm-fixture';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

const SHOTS = path.resolve('test/.artifacts/screenshots');
const MAIN = '0x4444444444444444444444444444444444444444' as const;
// Registry addresses (shared/registry/evm-tokens.json, sources there): the NAV getters are on the tokens.
const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const ETH_USD_FEED = '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419' as const;
const WSTETH_RATE = 'function stEthPerToken() view returns (uint256)';
const WEETH_RATE = 'function getRate() view returns (uint256)';
const RATES = {
  wstETH: { then: 1_200_000_000_000_000_000n, now: 1_202_920_000_000_000_000n },
  weETH: { then: 1_050_000_000_000_000_000n, now: 1_053_100_000_000_000_000n },
};
const AMOUNTS = { wstETH: 10_000_000_000_000_000_000n, weETH: 20_000_000_000_000_000_000n };
const ETH_USD = 300_000_000_000n; // $3,000.00000000
const DAY = 86_400;

test.describe.configure({ mode: 'serial' });

let nodes: EvmNodes | undefined;
let server: ServeProcess | undefined;
let times: number[] = [];
const dataDir = makeTempDir('slashboard-e2e-yield-');

test.beforeAll(async () => {
  nodes = await startEvmChains();
  const node = nodes.ethereum;
  await setTokenBalance(node, WSTETH, MAIN, AMOUNTS.wstETH);
  await setTokenBalance(node, WEETH, MAIN, AMOUNTS.weETH);
  await setView(node, WSTETH, WSTETH_RATE, RATES.wstETH.then);
  await setView(node, WEETH, WEETH_RATE, RATES.weETH.then);
  await increaseTime(node, 31 * DAY);
  await setView(node, WSTETH, WSTETH_RATE, RATES.wstETH.now);
  await setView(node, WEETH, WEETH_RATE, RATES.weETH.now);
  await installAggregator(node, ETH_USD_FEED);
  times = await allBlockTimes(node);
  await setAggregatorRound(node, ETH_USD_FEED, 8, ETH_USD, times.at(-1)!);
  times = await allBlockTimes(node);
  server = await startServeProcess(dataDir, Object.fromEntries(Object.entries(rpcOverrides(nodes)).map(([chain, urls]) => [chain, urls[0]!])));
});

test.afterAll(async () => {
  await server?.stop();
  await stopEvmChains(nodes);
});


test('the Yield page shows base, premium and blended yield per position and for the portfolio', async ({ page }) => {
  await addWalletAndRefresh(page, server!.launchUrl, MAIN);

  // The refresh pinned the newest block; the 30-day window starts in the state of the last
  // block at or before head − 30 days, i.e. the block that set the "then" rates.
  const head = times.at(-1)!;
  const start = times.findLastIndex((time) => time <= head - 30 * DAY);
  const seconds = head - times[start]!;
  const closed = (rate: { then: bigint; now: bigint }) => (Number(rate.now) / Number(rate.then)) ** ((365 * DAY) / seconds) - 1;
  const wsteth = closed(RATES.wstETH);
  const weeth = closed(RATES.weETH);

  await nav(page, 'Yield');
  await expect(page.getByRole('heading', { name: 'Yield', exact: true })).toBeVisible();
  const row = (symbol: string) => `token-ethereum-${symbol}-1`;
  await expect(page.getByTestId(`blended-${row('wstETH')}`)).toHaveText(percent(wsteth));
  await expect(page.getByTestId(`base-${row('wstETH')}`)).toHaveText(percent(wsteth));
  await expect(page.getByTestId(`premium-${row('wstETH')}`)).toHaveText(percent(0, true));
  await expect(page.getByTestId(`base-${row('weETH')}`)).toHaveText(percent(wsteth));
  await expect(page.getByTestId(`premium-${row('weETH')}`)).toHaveText(percent(weeth - wsteth, true));
  await expect(page.getByTestId(`blended-${row('weETH')}`)).toHaveText(percent(weeth));
  await expect(page.getByTestId(`yield-row-${row('weETH')}`)).toContainText(`weETH blocks ${start}→${times.length - 1}`);
  await expect(page.getByTestId(`yield-row-${row('weETH')}`)).toContainText('eth_call at the past block');

  // USD weights as main computes them: floor(amount × NAV) wei, then floor(wei × price) cents.
  const usd = (amount: bigint, nav: bigint) => Number((((amount * nav) / 10n ** 18n) * ETH_USD) / 10n ** 24n);
  const weights = [usd(AMOUNTS.wstETH, RATES.wstETH.now), usd(AMOUNTS.weETH, RATES.weETH.now)];
  const blended = (weights[0]! * wsteth + weights[1]! * weeth) / (weights[0]! + weights[1]!);
  await expect(page.getByTestId('portfolio-blended')).toHaveText(percent(blended));
  await expect(page.getByTestId('portfolio-base')).toHaveText(percent(wsteth));
  await expect(page.getByTestId('portfolio-premium')).toHaveText(percent(blended - wsteth, true));
  await expect(page.getByTestId('yield-chart')).toHaveAttribute('data-points', '1');
  await page.screenshot({ path: path.join(SHOTS, '08-yield.png'), fullPage: true });

  // The chain is 31 days old: the 90-day window is not measured, and says why on hover.
  await page.getByRole('radio', { name: '90 d' }).click();
  await expect(page.getByTestId(`blended-${row('weETH')}`)).toContainText('not measured');
  await expect(page.getByTestId(`blended-${row('weETH')}`)).toHaveAttribute('title', /^not enough history: .*first block is after/);
  await expect(page.getByTestId('portfolio-blended')).toHaveText('not measured');

  // Another base reference: rETH has no rate on this chain, so the LRT premium is not measured.
  await page.getByRole('radio', { name: '30 d' }).click();
  await page.getByLabel('Base reference').selectOption('rETH');
  await expect(page.getByTestId(`base-${row('weETH')}`)).toHaveAttribute('title', /^base reference rETH: rETH rate could not be read/);
  await expect(page.getByTestId(`blended-${row('weETH')}`)).toHaveText(percent(weeth));
});
