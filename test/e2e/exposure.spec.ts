/**
 * The Exposure page in browser mode against the anvil exposure scenario
 * (test/support/exposure-fixture.ts): the slashing alert, the shared-risk matrix, and a
 * stress scenario run and saved from the page. Expected figures come from the scenario's
 * inputs (the integration test checks every amount; here the page must show them).
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addWalletAndRefresh, nav } from './helpers';
import { makeTempDir } from '../support/temp-app';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { AVS1, installExposureScenario, USER } from '../support/exposure-fixture';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

const SHOTS = path.resolve('test/.artifacts/screenshots');

test.describe.configure({ mode: 'serial' });

let nodes: EvmNodes | undefined;
let server: ServeProcess | undefined;
const dataDir = makeTempDir('slashboard-e2e-exposure-');

test.beforeAll(async () => {
  nodes = await startEvmChains();
  await installExposureScenario(nodes.ethereum);
  server = await startServeProcess(dataDir, Object.fromEntries(Object.entries(rpcOverrides(nodes)).map(([chain, urls]) => [chain, urls[0]!])));
});

test.afterAll(async () => {
  await server?.stop();
  await stopEvmChains(nodes);
});


test('the Exposure page shows who can slash each position, the shared risk, and a stress scenario', async ({ page }) => {
  await addWalletAndRefresh(page, server!.launchUrl, USER);

  await nav(page, 'Exposure');
  await expect(page.getByTestId('slashing-alert')).toContainText('10.00 % of its allocated stake — missed attestations');
  const positions = page.getByTestId('exposure-positions');
  await expect(positions.getByRole('row', { name: /stETH restaked/ })).toContainText('8 ETH'); // 3 + 5 slashable
  await expect(positions.getByRole('row', { name: /ezETH/ })).toContainText('Renzo: 75.00 % of its backing is restaked');

  // Matrix rows/columns follow the positions' order: native stETH, then the LRTs as held.
  const ids = await page.getByTestId('exposure-matrix').locator('thead th').allTextContents();
  const column = (label: RegExp) => ids.slice(1).findIndex((text) => label.test(text));
  const native = column(/stETH restaked/);
  await expect(page.getByTestId(`matrix-${native}-${column(/ezETH/)}`)).toHaveText('100.00 %');
  await expect(page.getByTestId(`matrix-${native}-${column(/rsETH/)}`)).toHaveText('0.00 %');
  await expect(page.getByTestId('disjoint')).toContainText('stETH restaked + rsETH (ethereum)');

  // AVS1 slashed 50 %: native 1.5 ETH + ezETH (3 + 2.2222…)/2 ETH.
  const stress = page.getByTestId('stress');
  await stress.getByLabel('Which AVS or operator').selectOption(AVS1);
  await stress.getByLabel('By (%)').fill('50');
  await stress.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('stress-total')).toContainText('4.111111 ETH ($12,333.33)');
  await stress.getByRole('button', { name: 'Save scenario' }).click();
  await expect(stress.getByRole('button', { name: /avs 0x000000…0000a1 −50.00 %/i })).toBeVisible();
  await stress.getByLabel('By (%)').fill('150');
  await expect(stress.getByRole('button', { name: 'Run' })).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, '09-exposure.png'), fullPage: true });
});
