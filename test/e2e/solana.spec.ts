/**
 * Solana in browser mode: the built server process against the loopback Solana JSON-RPC
 * server (real Jito stake-pool account bytes, recorded stake accounts, a synthetic JitoSOL
 * vault; test/support/solana-fixture.ts) and the loopback Jito Kobe server. A Solana wallet
 * is added and refreshed from the UI; the Portfolio page must show JitoSOL valued in SOL and
 * the stake accounts with their states, the Yield page JitoSOL's measured 90-day yield after
 * a second refresh 98 days later, and the Exposure page the Jito vault with no slashing live.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nav, percent } from './helpers';
import { makeTempDir } from '../support/temp-app';
import { startSolanaRpcServer, type SolanaRpcServer } from '../support/solana-rpc-server';
import { startJitoServer, type JitoServer } from '../support/jito-server';
import { FIXTURES, HOLDINGS, NCN, OPERATORS, POOL_1003, POOL_1052, SLOTS_PER_EPOCH, VAULT, VAULT_AMOUNTS, WALLET, solanaFixture, type SolanaFixture } from '../support/solana-fixture';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

const SHOTS = path.resolve('test/.artifacts/screenshots');
const DAY = 86_400;
const WAD = 10n ** 18n;
const GAP = 98 * DAY + 3_600;
// The serve process runs on real time: the second snapshot (after GAP) lands near now.
const START = Math.floor(Date.now() / 1000) - GAP;
const MEV_PER_DAY = 200_000_000_000n;
const PUBLISHED_APY = 0.0718;
const nav1003 = (POOL_1003.totalLamports * WAD) / POOL_1003.poolTokenSupply;
const nav1052 = (POOL_1052.totalLamports * WAD) / POOL_1052.poolTokenSupply;
const slotOf = (epoch: bigint) => (epoch * SLOTS_PER_EPOCH + 1_000n).toString();

/** The page's amount display: 9-decimal lamports truncated to 6 fraction digits, grouped. */
const sol = (lamports: bigint) => {
  const whole = (lamports / 10n ** 9n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (lamports % 10n ** 9n).toString().padStart(9, '0').slice(0, 6).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
};
const exact = (lamports: bigint) => `${lamports / 10n ** 9n}.${(lamports % 10n ** 9n).toString().padStart(9, '0')}`.replace(/\.?0+$/, '');

test.describe.configure({ mode: 'serial' });
test.skip(!fs.existsSync(FIXTURES), '../shared/fixtures/solana-jito-stake-pool is missing');

let fixture: SolanaFixture;
let rpc: SolanaRpcServer | undefined;
let jito: JitoServer | undefined;
let server: ServeProcess | undefined;
const dataDir = makeTempDir('slashboard-e2e-solana-');

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  fixture = solanaFixture(START);
  rpc = await startSolanaRpcServer(fixture.state);
  jito = await startJitoServer({ firstDay: START - 120 * DAY, tvlLamports: POOL_1003.totalLamports, mevPerDayLamports: MEV_PER_DAY, apy: PUBLISHED_APY, status: null });
  server = await startServeProcess(dataDir, { solana: rpc.url }, { jitoApi: jito.url });
});

test.afterAll(async () => {
  await server?.stop();
  await Promise.all([rpc?.close(), jito?.close()]);
});

/** Presses Refresh and waits until the Solana card shows the snapshot at `slot`. */
async function refreshTo(page: Page, slot: string) {
  await nav(page, 'Portfolio');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('progress-solana')).toContainText('done');
  await expect(page.getByTestId('chain-solana')).toContainText(`as of slot ${slot}`);
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
}

test('a Solana wallet: JitoSOL in SOL, stake accounts, the measured JitoSOL yield, and the Jito vault with no live slashing', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await nav(page, 'Wallets');
  await page.getByLabel('Address or ENS name').fill(WALLET);
  await page.getByLabel('Label (optional)').fill('Sol main');
  await page.getByRole('button', { name: 'Add wallet' }).click();
  await expect(page.getByTestId(`wallet-${WALLET}`)).toContainText('Solana');
  await refreshTo(page, slotOf(POOL_1003.epoch));

  // JitoSOL at its pool NAV (total_lamports / pool_token_supply at epoch 1003), in SOL.
  const positions = page.getByTestId(`positions-${WALLET}`);
  await expect(positions.getByRole('heading')).toContainText('Sol main');
  const jitoSol = positions.getByTestId('pos-solana-JitoSOL');
  await expect(jitoSol.locator('td').nth(2)).toHaveText('Solana');
  await expect(jitoSol.locator('.amount')).toHaveText(sol(HOLDINGS.jitoSol));
  const jitoValue = (HOLDINGS.jitoSol * nav1003) / WAD;
  await expect(jitoSol.locator('.underlying')).toHaveText(`${sol(jitoValue)} SOL`);
  await expect(jitoSol.locator('.underlying')).toHaveAttribute('title', exact(jitoValue));
  await expect(jitoSol).toContainText(`slot ${slotOf(POOL_1003.epoch)}`);
  await expect(positions.getByTestId('pos-solana-VRT-FRj1')).toBeVisible();

  // Stake accounts: the synthetic ones in each activation state, u64::MAX epochs as "—".
  const stakes = page.getByTestId('stake-accounts');
  await expect(stakes.getByRole('heading', { name: 'Solana stake accounts' })).toBeVisible();
  const stake = (prefix: string) => stakes.locator(`[data-testid^="stake-${prefix}"]`);
  await expect(stake('4Nd1').getByTestId('stake-state')).toHaveText('active');
  await expect(stake('8opH').getByTestId('stake-state')).toHaveText('activating');
  await expect(stake('Cuie').getByTestId('stake-state')).toHaveText('deactivating');
  await expect(stake('GuXr').getByTestId('stake-state')).toHaveText('inactive');
  const active = stake('4Nd1').locator('td');
  await expect(active.nth(0)).toHaveText('Sol main');
  await expect(active.nth(1)).toHaveAttribute('title', /^4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T\n/);
  await expect(active.nth(3)).toHaveText('50 SOL');
  await expect(active.nth(4)).toHaveText('50.002282 SOL');
  await expect(active.nth(4)).toHaveAttribute('title', '50.00228288 SOL');
  await expect(active.nth(5)).toHaveAttribute('title', 'J2nUHEAgZFRyuJbFjdqPrAa9gyWDuc7hErtDQHPhsYRp');
  await expect(active.nth(6)).toHaveText(String(POOL_1003.epoch - 100n));
  await expect(active.nth(7)).toHaveText('—');
  await expect(active.nth(8)).toHaveText(String(POOL_1003.epoch));
  await expect(stake('Cuie').locator('td').nth(7)).toHaveText(String(POOL_1003.epoch));
  await page.screenshot({ path: path.join(SHOTS, 'solana.png'), fullPage: true });

  // 98 days later, at epoch 1052: the second stored pool rate gives a measured 90-day yield.
  fixture.advanceTo1052(GAP);
  jito!.state.tvlLamports = POOL_1052.totalLamports;
  await refreshTo(page, slotOf(POOL_1052.epoch));
  await nav(page, 'Yield');
  await page.getByRole('radio', { name: '90 d' }).click();
  const row = 'token-solana-JitoSOL-1';
  const blended = (Number(nav1052) / Number(nav1003)) ** ((365 * DAY) / GAP) - 1;
  // MEV: 90 daily points over the pool TVL, net of the pool's 4 % epoch fee, simple annual rate.
  const mev = ((Number(MEV_PER_DAY) * 90 * 0.96) / Number(POOL_1052.totalLamports)) * (365 / 90);
  await expect(page.getByTestId(`yield-row-${row}`)).toContainText('JitoSOL');
  await expect(page.getByTestId(`blended-${row}`)).toHaveText(percent(blended));
  await expect(page.getByTestId(`premium-${row}`)).toHaveText(percent(mev, true));
  await expect(page.getByTestId(`base-${row}`)).toHaveText(percent(blended - mev));
  await expect(page.getByTestId(`advertised-${row}`)).toHaveText(percent(PUBLISHED_APY));
  await expect(page.getByTestId(`advertised-${row}`).locator('span')).toHaveAttribute('title', /^Published by .+\n/);
  await expect(page.getByTestId(`yield-row-${row}`)).toContainText(`JitoSOL slots ${slotOf(POOL_1003.epoch)}→${slotOf(POOL_1052.epoch)}`);

  // Exposure: the statement that slashing is not live, the vault, its operators and NCN, no slashable figure.
  await nav(page, 'Exposure');
  const section = page.getByTestId('jito-exposure');
  await expect(section.getByRole('heading', { name: 'Jito restaking (Solana)' })).toBeVisible();
  await expect(page.getByTestId('jito-statement')).toContainText('not live');
  await expect(page.getByTestId('jito-source')).toContainText('jito-omnidocs');
  await expect(section).toContainText(`as of slot ${slotOf(POOL_1052.epoch)}`);
  const vault = page.getByTestId(`jito-vault-${VAULT}`);
  await expect(vault).toContainText(`VRT-FRj1 vault ${VAULT}`);
  const vrtNav = (VAULT_AMOUNTS.tokensDeposited * nav1052) / VAULT_AMOUNTS.vrtSupply;
  await expect(vault).toContainText(`Held: ${sol((HOLDINGS.vrt * vrtNav) / WAD)} SOL`);
  await expect(vault.getByTestId('jito-operators').getByRole('row', { name: OPERATORS[0] })).toContainText(sol(VAULT_AMOUNTS.delegated[0]!));
  await expect(vault.getByTestId('jito-operators').getByRole('row', { name: OPERATORS[1] })).toContainText(sol(VAULT_AMOUNTS.delegated[1]!));
  await expect(vault.getByTestId('jito-ncns').getByRole('row', { name: NCN })).toContainText('active');
  await expect(section.getByRole('columnheader', { name: /slashable/i })).toHaveCount(0);
});
