/**
 * Bitcoin refresh end to end over a real SQLite file, against loopback Esplora and Babylon
 * staking API servers seeded with real mainnet staking transactions: balances, delegations
 * found by pubkey lookup and by the staking transactions in the history, states, lock times,
 * exposure per finality provider, APR, and bad answers that must keep the last snapshot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { openTempApp, type TempApp } from '../support/temp-app';
import { buildReport } from '../../electron/main/services/report';
import { startPriceApiServer } from '../support/price-api-server';
import { startEsploraServer, type EsploraServer } from '../support/esplora-server';
import { startBabylonServer, type BabylonServer } from '../support/babylon-server';
import { BALANCES, EXAMPLE, FIXTURES, FP_NAME, LOOKUP_WALLET, ONCHAIN_WALLET, PRIMARY, PRIMARY_TX, SECONDARY, SECONDARY_TX, SLASHING_RATE, STAKER_WALLET, TIP_HEIGHT, seedBitcoinWorld } from '../support/bitcoin-fixture';

const haveFixtures = fs.existsSync(FIXTURES);
const NOW = 1_790_000_000_000;

describe.skipIf(!haveFixtures)(haveFixtures ? 'Bitcoin refresh' : 'Bitcoin refresh (skipped: ../shared/fixtures/bitcoin-babylon-staking is missing)', () => {
  let esplora: EsploraServer;
  let babylon: BabylonServer;
  let app: TempApp;
  let badTxid: string;

  beforeEach(async () => {
    [esplora, babylon] = await Promise.all([startEsploraServer(), startBabylonServer()]);
    ({ badTxid } = seedBitcoinWorld(esplora, babylon));
    app = openTempApp({ rpcOverrides: { bitcoin: [esplora.url] }, babylonApiOverride: babylon.url, httpOptions: { retries: 2, baseDelayMs: 5, maxWaitMs: 50 }, now: () => NOW });
    await app.services.wallets.add(STAKER_WALLET, 'Cold taproot');
  });
  afterEach(async () => {
    app.close();
    await Promise.all([esplora.close(), babylon.close()]);
  });

  const delegation = (hash: string) => app.services.portfolio.get().bitcoin.delegations.find((row) => row.stakingTxHash === hash)!;

  it('reads the confirmed balance and the Babylon stake found from the staking transaction in the history', async () => {
    const summary = await app.services.refresh.run(['bitcoin']);
    expect(summary.chains).toEqual([expect.objectContaining({ chain: 'bitcoin', status: 'ok', blockNumber: String(TIP_HEIGHT), positions: 2 })]);
    // Esplora: tip, address, history, the staking tx's raw hex; Babylon: pubkey lookup, delegations, network info,
    // finality providers, stats, APR; the price API (a dead port here: one attempt).
    expect(summary.chains[0]).toMatchObject({ httpRequests: 11 });
    expect(esplora.requests).toHaveLength(4);
    const portfolio = app.services.portfolio.get();
    const btc = portfolio.positions.filter((position) => position.chain === 'bitcoin');
    expect(btc.map((position) => [position.tokenAddress, position.rawAmount, position.name])).toEqual([
      [null, BALANCES.confirmed.toString(), 'Bitcoin'],
      [`babylon:${PRIMARY_TX}`, PRIMARY.amount.toString(), 'Babylon stake (active)'],
    ]);
    expect(btc[1]!.valuation).toMatchObject({ underlying: 'BTC', underlyingValue: PRIMARY.amount.toString(), kind: 'babylon-stake', protocol: 'Babylon' });
    expect(portfolio.bitcoin.addresses).toEqual([
      expect.objectContaining({ confirmedSat: '58000', unconfirmedSat: '-29000', txCount: 1, mempoolTxCount: 1, historyScanned: 2, historyComplete: true, rejectedTxs: [], stakerPks: [PRIMARY.staker] }),
    ]);
    // The pubkey lookup did not know the address: the key came from the OP_RETURN.
    expect(babylon.requests.some((url) => url.pathname === '/v1/staker/pubkey-lookup' && url.searchParams.get('address') === STAKER_WALLET)).toBe(true);
    expect(babylon.requests.some((url) => url.pathname === '/v2/delegations' && url.searchParams.get('staker_pk_hex') === PRIMARY.staker)).toBe(true);
    expect(delegation(PRIMARY_TX)).toEqual(
      expect.objectContaining({
        stakerPk: PRIMARY.staker,
        finalityProviders: [{ btcPk: PRIMARY.fp, moniker: FP_NAME, status: 'jailed', commission: '0.050000000000000000' }],
        amountSat: '30000400000',
        state: 'ACTIVE',
        phase: 'active',
        source: 'babylon-api',
        onBitcoin: true,
        paramsVersion: 1,
        startHeight: PRIMARY.startHeight,
        endHeight: PRIMARY.startHeight + PRIMARY.stakingTime,
        stakingBlocksLeft: PRIMARY.startHeight + PRIMARY.stakingTime - TIP_HEIGHT,
        stakingSecondsLeft: (PRIMARY.startHeight + PRIMARY.stakingTime - TIP_HEIGHT) * 600,
        unbondingBlocks: 1008,
        unbondingSeconds: 1008 * 600,
        slashingRate: SLASHING_RATE,
        slashableSat: '3000040000',
      }),
    );
  });

  it('puts each finality provider\'s slashable BTC on the Exposure page, with its name and status', async () => {
    await app.services.wallets.add(LOOKUP_WALLET, 'SegWit');
    await app.services.refresh.run(['bitcoin']);
    const { babylon: exposure } = app.services.exposure.get();
    expect(exposure.asOf).toEqual({ tipHeight: String(TIP_HEIGHT), fetchedAt: NOW });
    expect(exposure.providers.map((fp) => [fp.btcPk, fp.moniker, fp.status, fp.stakedSat, fp.slashableSat, fp.slashingRates])).toEqual([
      [PRIMARY.fp, FP_NAME, 'jailed', '30000400000', '3000040000', [SLASHING_RATE]],
      // The staking API's example delegation: params version 1 as well, to a provider it does not list.
      [EXAMPLE.fp, null, 'unlisted', '50000', '5000', [SLASHING_RATE]],
    ]);
    expect(exposure.providers[0]!.positions).toEqual([`babylon:${PRIMARY_TX}`]);
  });

  it('report --json carries the addresses, delegations and per-provider exposure as exact BTC decimals', async () => {
    await app.services.refresh.run(['bitcoin']);
    const report = buildReport(app.services.portfolio.get(), app.services.yield.get(), app.services.exposure.get(), app.services.risk.get(), NOW);
    expect(report.bitcoin.tipHeight).toBe(String(TIP_HEIGHT));
    expect(report.bitcoin.addresses).toEqual([expect.objectContaining({ wallet: STAKER_WALLET, confirmedBtc: '0.00058', unconfirmedBtc: '-0.00029', historyComplete: true })]);
    expect(report.bitcoin.babylonDelegations).toEqual([
      expect.objectContaining({ wallet: STAKER_WALLET, stakingTxHash: PRIMARY_TX, amountBtc: '300.004', state: 'ACTIVE', phase: 'active', slashingRate: SLASHING_RATE, slashableBtc: '30.0004', stakingBlocksLeft: 28_790 }),
    ]);
    expect(report.exposure.babylon.finalityProviders).toEqual([expect.objectContaining({ btcPk: PRIMARY.fp, moniker: FP_NAME, status: 'jailed', stakedBtc: '300.004', slashableBtc: '30.0004' })]);
  });

  it('finds a delegation through the pubkey lookup of a SegWit address, and shows its lock times at the tip', async () => {
    await app.services.wallets.add(LOOKUP_WALLET, 'SegWit');
    await app.services.refresh.run(['bitcoin']);
    const portfolio = app.services.portfolio.get();
    const row = portfolio.bitcoin.delegations.find((item) => item.stakerPk === EXAMPLE.staker)!;
    expect(row).toMatchObject({ amountSat: '50000', phase: 'active', onBitcoin: false, endHeight: EXAMPLE.endHeight, stakingBlocksLeft: 0 });
    expect(portfolio.wallets.find((wallet) => wallet.id === row.walletId)!.address).toBe(LOOKUP_WALLET);
  });

  it('keeps a phase-1 stake the API does not list, rejects a tagged transaction of another version, and does not fail', async () => {
    await app.services.wallets.add(ONCHAIN_WALLET, 'On-chain only');
    const summary = await app.services.refresh.run(['bitcoin']);
    expect(summary.chains[0]).toMatchObject({ status: 'ok' });
    const row = delegation(SECONDARY_TX);
    expect(row).toMatchObject({ stakerPk: SECONDARY.staker, amountSat: SECONDARY.amount.toString(), state: 'BITCOIN_ONLY', phase: 'unknown', source: 'bitcoin', slashableSat: null, startHeight: 864_790, endHeight: 864_790 + 64_000 });
    expect(row.finalityProviders).toEqual([{ btcPk: SECONDARY.fp, moniker: null, status: 'unlisted', commission: null }]);
    const address = app.services.portfolio.get().bitcoin.addresses.find((item) => item.stakerPks.includes(SECONDARY.staker))!;
    expect(address.rejectedTxs).toEqual([{ txid: badTxid, reason: expect.stringMatching(/^unsupported-version: Babylon OP_RETURN version 1/) }]);
    expect(address.historyScanned).toBe(3);
    // Only the tagged transactions (of both wallets) were fetched raw; the ordinary one was not a candidate.
    expect(esplora.requests.filter((path) => path.endsWith('/hex')).sort()).toEqual([`/tx/${badTxid}/hex`, `/tx/${SECONDARY_TX}/hex`, `/tx/${PRIMARY_TX}/hex`].sort());

    // Once its staking output is spent, the stake is withdrawn and no longer a position.
    esplora.setSpent(SECONDARY_TX, 0, 'ab'.repeat(32));
    await app.services.refresh.run(['bitcoin']);
    expect(delegation(SECONDARY_TX).phase).toBe('withdrawn');
    expect(app.services.portfolio.get().positions.some((position) => position.tokenAddress === `babylon:${SECONDARY_TX}`)).toBe(false);
  });

  it('shows the APR the staking API publishes for the stake as its premium, and 0 as not measured', async () => {
    await app.services.refresh.run(['bitcoin']);
    let row = app.services.yield.get().positions.find((position) => position.tokenAddress === `babylon:${PRIMARY_TX}`)!;
    expect(row.windows[0]!.premium).toEqual({ ok: false, reason: expect.stringContaining('published an APR of 0') });
    expect(row.advertised).toBeNull();

    babylon.setApr(0.0231);
    await app.services.refresh.run(['bitcoin']);
    row = app.services.yield.get().positions.find((position) => position.tokenAddress === `babylon:${PRIMARY_TX}`)!;
    expect(row).toMatchObject({ source: 'babylon', kind: 'babylon-stake', rewardToken: 'BABY' });
    expect(row.windows.map((window) => [window.base, window.premium, window.blended])).toEqual(Array(3).fill([{ ok: true, value: 0 }, { ok: true, value: 0.0231 }, { ok: true, value: 0.0231 }]));
    expect(row.advertised).toEqual({ apy: 0.0231, at: NOW / 1000, source: expect.stringContaining(`/v2/apr?satoshis_staked=${PRIMARY.amount}`) });
    const apr = babylon.requests.filter((url) => url.pathname === '/v2/apr').at(-1)!;
    expect(apr.searchParams.get('satoshis_staked')).toBe(PRIMARY.amount.toString());
  });

  it('keeps the last snapshot, marked stale with the reason, when Esplora or the Babylon API answers badly', async () => {
    await app.services.refresh.run(['bitcoin']);
    const before = app.services.portfolio.get().chains.find((chain) => chain.chain === 'bitcoin')!.snapshot!;
    const cases: [() => void, RegExp][] = [
      [() => esplora.failNext('malformed-json', 1, 0, '/address/'), /^Esplora \/address\/bc1p\w+: unexpected response \(not JSON\)/],
      [() => esplora.failNext('wrong-shape', 1, 0, '/address/'), /^Esplora \/address\/bc1p\w+: unexpected response \(/],
      [() => esplora.failNext('server-error', 3, 0, '/blocks/tip/height'), /^Esplora \/blocks\/tip\/height: HTTP 503 after 3 attempts/],
      [() => babylon.failNext('wrong-shape', 1, 0, '/v2/delegations'), /^Babylon API \/v2\/delegations: unexpected response \(/],
      [() => babylon.failNext('wrong-shape', 1, 0, '/v2/network-info'), /^Babylon API \/v2\/network-info: unexpected response \(/],
      [() => babylon.failNext('server-error', 3, 0, '/v2/finality-providers'), /^Babylon API \/v2\/finality-providers: HTTP 500 after 3 attempts \(INTERNAL_SERVICE_ERROR\)/],
    ];
    for (const [fault, message] of cases) {
      fault();
      const summary = await app.services.refresh.run(['bitcoin']);
      expect(summary.chains[0]).toMatchObject({ chain: 'bitcoin', status: 'failed', error: expect.stringMatching(message) });
      const chain = app.services.portfolio.get().chains.find((item) => item.chain === 'bitcoin')!;
      expect(chain.snapshot).toEqual(before);
      expect(chain.lastError?.message).toMatch(message);
    }
    expect(delegation(PRIMARY_TX).amountSat).toBe('30000400000');
  });

  it('values BTC in USD from the price API when there is no Ethereum snapshot with Chainlink BTC/USD', async () => {
    const prices = await startPriceApiServer();
    try {
      prices.setPrice('bitcoin', 97_123.45, NOW - 60_000);
      app.close();
      app = openTempApp({ rpcOverrides: { bitcoin: [esplora.url] }, babylonApiOverride: babylon.url, priceApiOverride: prices.url, httpOptions: { retries: 1, baseDelayMs: 5, maxWaitMs: 50 }, now: () => NOW });
      await app.services.wallets.add(STAKER_WALLET, null);
      await app.services.refresh.run(['bitcoin']);
      expect(prices.requests).toEqual(['/coins/bitcoin/market_chart?vs_currency=usd&days=1']);
      const stake = app.services.portfolio.get().positions.find((position) => position.tokenAddress === `babylon:${PRIMARY_TX}`)!;
      // 300.004 BTC × 97 123.45 USD, in cents, truncated.
      expect(stake.valuation?.usdCents).toBe(((PRIMARY.amount * 9_712_345n) / 100_000_000n).toString());
      expect(stake.valuation?.usd).toMatchObject({ ok: true, source: expect.stringContaining('CoinGecko market_chart bitcoin in USD') });
      const { babylon: exposure } = app.services.exposure.get();
      expect(exposure.providers[0]!.slashableUsdCents).toBe(((3_000_040_000n * 9_712_345n) / 100_000_000n).toString());
    } finally {
      await prices.close();
    }
  });

  it('gets through a 429 with Retry-After and falls back to the next Esplora URL when the first is down', async () => {
    app.close();
    app = openTempApp({ rpcOverrides: { bitcoin: ['http://127.0.0.1:9', esplora.url] }, babylonApiOverride: babylon.url, httpOptions: { retries: 1, baseDelayMs: 5, maxWaitMs: 50 }, now: () => NOW });
    await app.services.wallets.add(STAKER_WALLET, null);
    babylon.failNext('rate-limit', 1, 0);
    const summary = await app.services.refresh.run(['bitcoin']);
    expect(summary.chains[0]).toMatchObject({ status: 'ok', blockNumber: String(TIP_HEIGHT) });
    expect(app.services.portfolio.get().chains.find((chain) => chain.chain === 'bitcoin')!.snapshot!.rpcUrl).toBe(esplora.url);
  });
});
