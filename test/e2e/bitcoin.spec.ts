/**
 * Bitcoin in browser mode: the built server process against the loopback Esplora and Babylon
 * staking API servers, seeded with the real mainnet phase-1 staking transaction 7d90210b…
 * (test/support/bitcoin-fixture.ts). Two Taproot wallets are added and refreshed from the UI;
 * the Portfolio page must show the staker's confirmed and mempool balances and its Babylon
 * stake with the jailed finality provider, phase, lock times and slashable amount, the other
 * wallet's rejected tagged tx and its stake found only on Bitcoin; the Exposure page the
 * provider's slashable BTC, and the Yield page the APR the Babylon API publishes, in BABY.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { nav, percent } from './helpers';
import { makeTempDir } from '../support/temp-app';
import { startEsploraServer, type EsploraServer } from '../support/esplora-server';
import { startBabylonServer, type BabylonServer } from '../support/babylon-server';
import { BALANCES, FIXTURES, FP_NAME, ONCHAIN_WALLET, PRIMARY, PRIMARY_TX, SECONDARY, SECONDARY_TX, SLASHING_RATE, STAKER_WALLET, TIP_HEIGHT, seedBitcoinWorld } from '../support/bitcoin-fixture';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

const SHOTS = path.resolve('test/.artifacts/screenshots');
const PUBLISHED_APR = 0.0231;
const SAT = 10n ** 8n;
const RATE_SCALE = 10n ** 18n;
const DAY = 86_400;
const BLOCK_SECONDS = 600;

/** The page's BTC display: all 8 decimals kept, trailing zeros cut, grouped, real minus sign. */
const btc = (sat: bigint) => {
  const magnitude = sat < 0n ? -sat : sat;
  const whole = (magnitude / SAT).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (magnitude % SAT).toString().padStart(8, '0').replace(/0+$/, '');
  return `${sat < 0n ? '−' : ''}${whole}${fraction ? `.${fraction}` : ''} BTC`;
};
/** The slashing rate's 18-decimal string as a bigint and as the page's percent. */
const [rateWhole = '0', rateFraction = ''] = SLASHING_RATE.split('.');
const rate = BigInt(rateWhole) * RATE_SCALE + BigInt(rateFraction.padEnd(18, '0'));
const ratePercent = `${(rate * 100n) / RATE_SCALE}${`.${((rate * 100n) % RATE_SCALE).toString().padStart(18, '0')}`.replace(/\.?0+$/, '')} %`;
/** What a slashing takes, rounded up. */
const slashable = (PRIMARY.amount * rate + RATE_SCALE - 1n) / RATE_SCALE;
const blocksLeft = PRIMARY.startHeight + PRIMARY.stakingTime - TIP_HEIGHT;
const short = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-6)}`;

test.describe.configure({ mode: 'serial' });
test.skip(!fs.existsSync(FIXTURES), '../shared/fixtures/bitcoin-babylon-staking is missing');

let esplora: EsploraServer | undefined;
let babylon: BabylonServer | undefined;
let server: ServeProcess | undefined;
let badTxid = '';
const dataDir = makeTempDir('slashboard-e2e-bitcoin-');

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  [esplora, babylon] = await Promise.all([startEsploraServer(), startBabylonServer()]);
  ({ badTxid } = seedBitcoinWorld(esplora, babylon));
  babylon.setApr(PUBLISHED_APR);
  server = await startServeProcess(dataDir, { bitcoin: esplora.url }, { babylonApi: babylon.url });
});

test.afterAll(async () => {
  await server?.stop();
  await Promise.all([esplora?.close(), babylon?.close()]);
});

test('a Bitcoin wallet: balances, the Babylon stake and its jailed provider, slashable BTC, and the published APR in BABY', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await nav(page, 'Wallets');
  for (const [address, label] of [[STAKER_WALLET, 'Cold taproot'], [ONCHAIN_WALLET, 'On-chain only']] as const) {
    await page.getByLabel('Address or ENS name').fill(address);
    await page.getByLabel('Label (optional)').fill(label);
    await page.getByRole('button', { name: 'Add wallet' }).click();
    await expect(page.getByTestId(`wallet-${address}`)).toContainText('Bitcoin');
  }
  await nav(page, 'Portfolio');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('progress-bitcoin')).toContainText('done');
  await expect(page.getByTestId('chain-bitcoin')).toContainText(`as of tip height ${TIP_HEIGHT}`);
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();

  // The wallet's own section: the BTC balance row and the stake's row (both BTC).
  const positions = page.getByTestId(`positions-${STAKER_WALLET}`);
  await expect(positions.getByRole('heading')).toContainText('Cold taproot');
  await expect(positions.getByTestId('pos-bitcoin-BTC')).toHaveCount(1);
  await expect(positions.getByTestId(`pos-bitcoin-babylon:${PRIMARY_TX}`)).toContainText(`block ${TIP_HEIGHT}`);

  // The address: confirmed balance only, the mempool's spend apart, the scanned history.
  const address = page.getByTestId('bitcoin-addresses').getByTestId(`btc-address-${STAKER_WALLET}`);
  await expect(address.getByTestId('btc-confirmed')).toHaveText(btc(BALANCES.confirmed));
  await expect(address.getByTestId('btc-unconfirmed')).toHaveText(btc(BALANCES.unconfirmed));
  await expect(address.getByTestId('btc-history')).toHaveText('history scanned 2 txs (complete)');
  await expect(address.getByTestId('btc-rejected')).toHaveText('none');
  // The other wallet's tagged transaction with an unsupported OP_RETURN version is rejected, its reason on hover.
  const other = page.getByTestId('bitcoin-addresses').getByTestId(`btc-address-${ONCHAIN_WALLET}`);
  await expect(other.getByTestId('btc-rejected')).toHaveText('1 rejected');
  await expect(other.getByTestId('btc-rejected')).toHaveAttribute('title', new RegExp(`^${badTxid}: unsupported-version: `));

  // The Babylon stake: amount, the provider by name with its jailed status, phase, lock times, slashable.
  const stake = page.getByTestId('babylon-delegations').getByTestId(`delegation-${PRIMARY_TX}`);
  await expect(stake.getByTestId('delegation-amount')).toHaveText(btc(PRIMARY.amount));
  await expect(stake.getByTestId('delegation-amount')).toHaveAttribute('title', btc(PRIMARY.amount).replace(/,/g, ''));
  await expect(stake).toContainText(FP_NAME);
  await expect(stake.getByTestId('fp-status')).toHaveText('jailed');
  await expect(stake).toContainText('ACTIVE');
  await expect(stake.getByTestId('delegation-phase')).toHaveText('active');
  await expect(stake.getByTestId('staking-left')).toHaveText(`${blocksLeft} blocks (~${Math.round((blocksLeft * BLOCK_SECONDS) / DAY)} days)`);
  await expect(stake.getByTestId('delegation-slashable')).toHaveText(`${btc(slashable)} at ${ratePercent}`);
  await expect(stake.getByTestId('delegation-source')).toHaveText('Babylon API');
  await expect(page.getByTestId(`delegation-note-${PRIMARY_TX}`)).toHaveCount(0);
  // A stake found only on Bitcoin: its provider by short key, unlisted, not slashable, and the note saying why.
  const onchain = page.getByTestId(`delegation-${SECONDARY_TX}`);
  await expect(onchain.getByTestId('delegation-amount')).toHaveText(btc(SECONDARY.amount));
  await expect(onchain).toContainText(short(SECONDARY.fp));
  await expect(onchain.getByTestId('fp-status')).toHaveText('unlisted');
  await expect(onchain.getByTestId('delegation-phase')).toHaveText('unknown');
  await expect(onchain.getByTestId('delegation-slashable')).toHaveText('—');
  await expect(onchain.getByTestId('delegation-source')).toHaveText('Bitcoin only');
  await expect(page.getByTestId(`delegation-note-${SECONDARY_TX}`)).toContainText('found on Bitcoin; not listed by the Babylon staking API', { ignoreCase: true });
  await page.screenshot({ path: path.join(SHOTS, 'bitcoin.png'), fullPage: true });

  // Exposure: shown without any Ethereum snapshot; the provider's slashable BTC.
  await nav(page, 'Exposure');
  const section = page.getByTestId('babylon-exposure');
  await expect(section).toContainText(`as of tip height ${TIP_HEIGHT}`);
  await expect(page.getByTestId('babylon-statement')).toContainText('slashing rate');
  const provider = section.getByTestId(`fp-${PRIMARY.fp}`);
  await expect(provider).toContainText(FP_NAME);
  await expect(provider.getByTestId('fp-status')).toHaveText('jailed');
  await expect(provider.getByTestId('fp-rate')).toHaveText(ratePercent);
  await expect(provider.getByTestId('fp-slashable')).toHaveText(btc(slashable));
  await expect(provider.getByTestId('fp-positions')).toHaveText(`stake ${short(PRIMARY_TX)}`);
  await expect(section.getByTestId('fp-shared')).toHaveCount(0);
  // The Bitcoin-only stake's provider: staked, but nothing the covenant could slash.
  await expect(section.getByTestId(`fp-${SECONDARY.fp}`).getByTestId('fp-slashable')).toHaveText(btc(0n));

  // Yield: the Babylon API's APR as the stake's premium, published in BABY.
  await nav(page, 'Yield');
  const row = `babylon-bitcoin-${PRIMARY_TX}-1`;
  await expect(page.getByTestId(`yield-row-${row}`)).toContainText('Babylon');
  await expect(page.getByTestId(`advertised-${row}`)).toHaveText(`${percent(PUBLISHED_APR)} (BABY)`);
  await expect(page.getByTestId(`advertised-${row}`).locator('span')).toHaveAttribute('title', /^Published by Babylon staking API .+\n.+\npaid in BABY$/);
  await expect(page.getByTestId(`premium-${row}`)).toHaveText(percent(PUBLISHED_APR, true));
  await expect(page.getByTestId(`advertised-babylon-bitcoin-${SECONDARY_TX}-2`)).toHaveText('—');
});

test('offline mode: nothing is fetched, and every page shows the stored data with its time', async ({ page }) => {
  await page.goto(server!.launchUrl);
  await nav(page, 'Settings');
  await page.getByTestId('offline-switch').check();
  await expect(page.getByTestId('offline-banner')).toContainText('no network request is made');
  await expect(page.getByTestId('offline-banner')).toContainText('Stored data from');
  await expect(page.getByRole('button', { name: 'Offline' })).toBeDisabled();
  const sent = esplora!.requests.length + babylon!.requests.length;

  await page.reload();
  await nav(page, 'Portfolio');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByTestId('chain-bitcoin')).toContainText(`as of tip height ${TIP_HEIGHT}`);
  await expect(page.getByTestId(`delegation-${PRIMARY_TX}`).getByTestId('delegation-amount')).toHaveText(btc(PRIMARY.amount));
  await nav(page, 'Exposure');
  await expect(page.getByTestId(`fp-${PRIMARY.fp}`).getByTestId('fp-slashable')).toHaveText(btc(slashable));
  await nav(page, 'Yield');
  await expect(page.getByTestId(`advertised-babylon-bitcoin-${PRIMARY_TX}-1`)).toHaveText(`${percent(PUBLISHED_APR)} (BABY)`);
  expect(esplora!.requests.length + babylon!.requests.length).toBe(sent);

  await page.getByRole('button', { name: 'Go online' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
});
