/**
 * The Risk page in browser mode against the anvil risk scenario (test/support/risk-fixture.ts):
 * who controls each protocol's contracts, the exit comparison for ezETH (a Uniswap v3 quote
 * for the actual size), the queued EigenLayer withdrawal on the timeline, the Portfolio's
 * Risk column, and an upgrade alert raised by a second refresh, then dismissed. Expected
 * figures come from RISK_EXPECTED (worked out from the scenario's inputs); the helpers below
 * only put them in the page's display format.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addWalletAndRefresh, nav, percent } from './helpers';
import { makeTempDir } from '../support/temp-app';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { E18, USER } from '../support/exposure-fixture';
import { installRiskScenario, RISK_EXPECTED, upgradeBetweenRefreshes } from '../support/risk-fixture';
import { startServeProcess, type ServeProcess } from '../support/serve-process';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { mainnetToken } from '../../shared/registry/evm-tokens';

const SHOTS = path.resolve('test/.artifacts/screenshots');

test.describe.configure({ mode: 'serial' });

let nodes: EvmNodes | undefined;
let server: ServeProcess | undefined;
const dataDir = makeTempDir('slashboard-e2e-risk-');

const EZETH_ID = `token:1:ethereum:${mainnetToken('ezETH')!.address.toLowerCase()}`;
const RSETH_ID = `token:1:ethereum:${mainnetToken('rsETH')!.address.toLowerCase()}`;

/** An 18-decimal amount as the page shows it: at most 6 decimals, truncated, thousands grouped. */
const eth = (wei: bigint) => {
  const fraction = (wei % E18).toString().padStart(18, '0').slice(0, 6).replace(/0+$/, '');
  return `${(wei / E18).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
};
const usd = (cents: bigint) => `$${(cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(cents % 100n).toString().padStart(2, '0')}`;

/** A whole number of days as the exit table shows a wait. */
const days = (seconds: number) => `${seconds / 86_400} days`;

const { controls } = RISK_EXPECTED;

test.beforeAll(async () => {
  nodes = await startEvmChains();
  await installRiskScenario(nodes.ethereum);
  server = await startServeProcess(dataDir, Object.fromEntries(Object.entries(rpcOverrides(nodes)).map(([chain, urls]) => [chain, urls[0]!])));
});

test.afterAll(async () => {
  await server?.stop();
  await stopEvmChains(nodes);
});

test('before any refresh the Risk page says what is missing', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await nav(page, 'Risk');
  await expect(page.getByTestId('risk-no-snapshot')).toContainText('Refresh to read the contracts');
  await expect(page.getByTestId('risk-no-positions')).toContainText('No positions');
});

test('the Risk page shows who controls each protocol, what exiting now costs, and the pending withdrawal', async ({ page }) => {
  await addWalletAndRefresh(page, server!.launchUrl, USER);
  // The Portfolio's Risk column: ezETH's worst flag is Renzo's EOA admin.
  await expect(page.getByTestId('pos-ethereum-ezETH').locator('td.risk')).toHaveText(controls.Renzo.line);

  await nav(page, 'Risk');
  const asOf = await page.getByTestId('risk-as-of').textContent();
  const snapshotBlock = BigInt(/block (\d+)/.exec(asOf ?? '')![1]!);
  await expect(page.getByTestId('risk-alerts')).toContainText('No upgrade alerts');

  const renzo = page.getByTestId('risk-card-Renzo');
  await expect(renzo.getByTestId('risk-weakest')).toHaveText(controls.Renzo.line);
  await expect(renzo.getByTestId('risk-weakest')).toHaveAttribute('title', new RegExp(`${controls.Renzo.address} \\(EOA\\)`));
  await expect(renzo.getByTestId(`risk-contract-${mainnetToken('ezETH')!.address.toLowerCase()}`).locator('td.control')).toHaveText(controls.ezETH.line);
  await expect(renzo.getByTestId('risk-audits')).toBeVisible();
  await expect(page.getByTestId('risk-card-Kelp').getByTestId('risk-weakest')).toHaveText(controls.Kelp.line);
  const eigen = page.getByTestId('risk-card-EigenLayer');
  await expect(eigen.getByTestId('risk-weakest')).toHaveText(controls.EigenLayer.line);
  await expect(eigen.getByTestId(`risk-contract-${EIGENLAYER.delegationManager.toLowerCase()}`).locator('td.control')).toHaveText(controls.EigenLayer.line);

  const positions = page.getByTestId('risk-positions');
  await expect(positions.getByTestId(`risk-pos-${EZETH_ID}`).locator('td.weakest')).toHaveText(controls.Renzo.line);
  await expect(positions.getByTestId(`risk-pos-${EZETH_ID}`).locator('td.flags')).toContainText('Slashable ');

  // Exit comparison: 20 ezETH redeem for 20 ETH (NAV 1.0); selling now goes through the 0.01 % pool.
  const { dex, costNow, costNowUsdCents } = RISK_EXPECTED.ezETH;
  const ezeth = page.getByTestId(`exit-${EZETH_ID}`);
  await expect(ezeth.locator('td.amount')).toHaveText(`${eth(RISK_EXPECTED.ezETH.amount)} ezETH`);
  // The shortest wait is the cooldown read from chain (the buffer covers 20 ETH).
  await expect(ezeth.locator('.wait-range')).toHaveText(new RegExp(`^${days(RISK_EXPECTED.ezETHRedeemMinSeconds)}( –|$)`));
  await expect(ezeth.locator('.basis')).toHaveText('chain');
  await expect(ezeth.locator('td.redeem-receive')).toHaveText(`${eth(RISK_EXPECTED.ezETH.navValue)} ETH`);
  await expect(ezeth.locator('td.dex-receive')).toContainText(`${eth(dex.amountOut)} ETH`);
  await expect(ezeth.locator('td.dex-receive')).toContainText(`Uniswap v3 ${percent(dex.feeTier / 1_000_000)} pool`);
  await expect(ezeth.locator('td.dex-impact')).toHaveText(percent(dex.priceImpactPpm / 1_000_000));
  await expect(ezeth.locator('td.cost-now')).toContainText(`${eth(costNow)} ETH${usd(costNowUsdCents)}vs DEX`);
  const rseth = page.getByTestId(`exit-${RSETH_ID}`);
  await expect(rseth.locator('td.dex-receive')).toContainText(RISK_EXPECTED.rsETH.dexError);
  await expect(rseth.locator('.wait-range')).toHaveText(new RegExp(`^${days(RISK_EXPECTED.rsETH.redeemMinSeconds)}( –|$)`));
  await expect(rseth.locator('.basis')).toHaveText('chain');

  // The queued withdrawal: the fixture mines block N, queues it (start N − startBlockBack) in block
  // N + 1 and mines N + 2, the snapshot; completable at start + the delay + 1 (docs/risk.md).
  const { shares, delayBlocks, startBlockBack } = RISK_EXPECTED.queuedWithdrawal;
  const completable = snapshotBlock - 2n - BigInt(startBlockBack) + BigInt(delayBlocks) + 1n;
  const queued = page.getByTestId('pending-withdrawals').locator('tbody tr').first();
  await expect(queued.locator('td.amount')).toHaveText(`${eth(shares)} stETH`);
  await expect(queued).toContainText('waiting');
  await expect(queued.locator('td.completes')).toContainText(`block ${completable}`);
  await expect(queued.locator('td.completes')).toContainText('est.');
  await expect(queued.locator('td.basis')).toContainText('DelegationManager delay from chain');
  await page.screenshot({ path: path.join(SHOTS, 'risk.png'), fullPage: true });
});

test('an upgrade between two refreshes raises an alert, which can be dismissed', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await nav(page, 'Risk');
  await expect(page.getByTestId('risk-card-Renzo')).toBeVisible();
  await upgradeBetweenRefreshes(nodes!.ethereum);
  await page.getByRole('button', { name: 'Refresh' }).click();

  const alerts = page.getByTestId('risk-alerts');
  const alert = alerts.locator('li').filter({ hasText: RISK_EXPECTED.alert.after });
  await expect(alert).toHaveCount(1, { timeout: 60_000 });
  await expect(alert).toContainText('Renzo');
  const row = page.getByTestId(`risk-pos-${EZETH_ID}`).locator('td.flags');
  await expect(row).toContainText('Upgrade alert: ');
  await page.screenshot({ path: path.join(SHOTS, 'risk-alert.png'), fullPage: true });

  await alert.getByRole('button', { name: /Dismiss/ }).click();
  await expect(alert).toContainText('dismissed');
  await expect(alert).toHaveClass(/muted/);
  await expect(alert.getByRole('button', { name: /Dismiss/ })).toHaveCount(0);
  await expect(row).not.toContainText('Upgrade alert: ');
  await expect(row.locator('div').first()).toHaveText(controls.Renzo.line);

  await nav(page, 'Portfolio');
  await expect(page.getByTestId('pos-ethereum-ezETH').locator('td.risk')).toHaveText(controls.Renzo.line);
});
