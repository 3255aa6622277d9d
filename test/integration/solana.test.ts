/**
 * Solana refresh end to end over a real SQLite file, against a loopback Solana JSON-RPC
 * server seeded with the real Jito stake-pool account bytes and recorded stake accounts,
 * and a loopback Jito Kobe server: positions, NAV, stake states, the VRT's vault, yields,
 * and bad responses that must keep the last snapshot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { openTempApp, type TempApp } from '../support/temp-app';
import { startSolanaRpcServer, type SolanaRpcServer } from '../support/solana-rpc-server';
import { startJitoServer, type JitoServer } from '../support/jito-server';
import { FIXTURES, HOLDINGS, JITOSOL_MINT, JITO_POOL, NCN, OPERATORS, POOL_1003, POOL_1052, VAULT, VAULT_AMOUNTS, VRT_MINT, WALLET, solanaFixture, type SolanaFixture } from '../support/solana-fixture';

const haveFixtures = fs.existsSync(FIXTURES);
/** Synthetic: about 0.7 % a year of MEV on the pool's TVL, a plausible share of JitoSOL's yield. */
const MEV_PER_DAY = 200_000_000_000n;
const START = 1_780_000_000;
const WAD = 10n ** 18n;
const nav = (pool: { totalLamports: bigint; poolTokenSupply: bigint }) => (pool.totalLamports * WAD) / pool.poolTokenSupply;

describe.skipIf(!haveFixtures)(haveFixtures ? 'Solana refresh' : 'Solana refresh (skipped: ../shared/fixtures/solana-jito-stake-pool is missing)', () => {
  let fixture: SolanaFixture;
  let rpc: SolanaRpcServer;
  let jito: JitoServer;
  let app: TempApp;
  let now = START * 1000;

  beforeEach(async () => {
    fixture = solanaFixture(START);
    rpc = await startSolanaRpcServer(fixture.state);
    jito = await startJitoServer({ firstDay: START - 120 * 86_400, tvlLamports: POOL_1003.totalLamports, mevPerDayLamports: MEV_PER_DAY, apy: 0.0718, status: null });
    now = START * 1000;
    app = openTempApp({ rpcOverrides: { solana: [rpc.url] }, jitoApiOverride: jito.url, httpOptions: { retries: 2, maxWaitMs: 50 }, now: () => now });
    await app.services.wallets.add(WALLET, 'Sol main');
  });
  afterEach(async () => {
    app.close();
    await Promise.all([rpc.close(), jito.close()]);
  });

  it('reads SOL, JitoSOL at its pool NAV, the VRT through its vault, and every stake account with its state', async () => {
    const summary = await app.services.refresh.run(['solana']);
    expect(summary.chains).toEqual([expect.objectContaining({ chain: 'solana', status: 'ok', blockNumber: fixture.state.slot.toString() })]);
    const portfolio = app.services.portfolio.get();
    const solana = portfolio.positions.filter((position) => position.chain === 'solana');
    const by = (address: string | null) => solana.find((position) => position.tokenAddress === address)!;

    expect(by(null).rawAmount).toBe(HOLDINGS.lamports.toString());
    expect(by(null).valuation).toMatchObject({ underlying: 'SOL', underlyingValue: HOLDINGS.lamports.toString() });

    const jitoNav = nav(POOL_1003);
    // The fixture README's 30-digit rate 1.290884268705030820527…, floored to 18 decimals.
    expect(jitoNav).toBe(1290884268705030820n);
    const jitoSol = by(JITOSOL_MINT);
    expect(jitoSol.rawAmount).toBe(HOLDINGS.jitoSol.toString());
    expect(jitoSol.valuation?.nav).toMatchObject({ ok: true, value: jitoNav.toString(), decimals: 18 });
    expect(jitoSol.valuation?.underlyingValue).toBe(((HOLDINGS.jitoSol * jitoNav) / WAD).toString());

    const vrt = by(VRT_MINT);
    const vrtNav = (VAULT_AMOUNTS.tokensDeposited * 10n ** 9n * jitoNav) / (VAULT_AMOUNTS.vrtSupply * 10n ** 9n);
    expect(vrt.symbol).toBe('VRT-FRj1');
    expect(vrt.valuation?.nav).toMatchObject({ ok: true, value: vrtNav.toString() });
    expect(vrt.valuation?.underlyingValue).toBe(((HOLDINGS.vrt * vrtNav) / WAD).toString());

    const states = Object.fromEntries(portfolio.stakeAccounts.map((account) => [account.pubkey, account.state]));
    expect(states).toEqual({
      GuXr1c5KyuJxpsoKMDiDBAJZq4GczPMNUmp4UKY9LbAE: 'inactive', // recorded: activated and deactivated in epoch 650
      [portfolio.stakeAccounts.find((account) => account.pubkey.startsWith('4Nd1'))!.pubkey]: 'active',
      [portfolio.stakeAccounts.find((account) => account.pubkey.startsWith('8opH'))!.pubkey]: 'activating',
      [portfolio.stakeAccounts.find((account) => account.pubkey.startsWith('Cuie'))!.pubkey]: 'deactivating',
      ...Object.fromEntries(portfolio.stakeAccounts.filter((account) => !/^(GuXr|4Nd1|8opH|Cuie)/.test(account.pubkey)).map((account) => [account.pubkey, account.state])),
    });
    expect(portfolio.stakeAccounts.length).toBeGreaterThanOrEqual(5);
    const stakeRows = solana.filter((position) => position.tokenAddress?.startsWith('stake:'));
    expect(stakeRows).toHaveLength(portfolio.stakeAccounts.length);
    const active = portfolio.stakeAccounts.find((account) => account.pubkey.startsWith('4Nd1'))!;
    expect(active).toMatchObject({ delegatedStake: '50000000000', voter: 'J2nUHEAgZFRyuJbFjdqPrAa9gyWDuc7hErtDQHPhsYRp', epoch: '1003' });

    const exposure = app.services.exposure.get().jito;
    expect(exposure.slashingLive).toBe(false);
    expect(exposure.statement).toMatch(/not live/);
    expect(exposure.vaults).toEqual([
      {
        vault: VAULT,
        vrtSymbol: 'VRT-FRj1',
        heldValue: vrt.valuation?.underlyingValue,
        operators: OPERATORS.map((address, index) => ({ address, stakedAmount: VAULT_AMOUNTS.delegated[index]!.toString() })).sort((a, b) => a.address.localeCompare(b.address)),
        ncns: [{ address: NCN, state: 'active' }],
      },
    ]);
    // Jito's statistics were asked for each window with the documented POST body.
    expect(jito.bodies).toHaveLength(3);
    expect(jito.bodies[0]).toMatchObject({ bucket_type: 'Daily', sort_by: { field: 'BlockTime', order: 'Asc' } });
  });

  it('measures JitoSOL over 98 days from two stored snapshots, split into staking and MEV', async () => {
    await app.services.refresh.run(['solana']);
    const seconds = 98 * 86_400 + 3_600;
    fixture.advanceTo1052(seconds);
    now += seconds * 1000;
    jito.state.tvlLamports = POOL_1052.totalLamports;
    await app.services.refresh.run(['solana']);

    const report = app.services.yield.get();
    const position = report.positions.find((item) => item.tokenAddress === JITOSOL_MINT)!;
    const window = position.windows.find((item) => item.windowDays === 90)!;
    const closedForm = Math.pow(Number(nav(POOL_1052)) / Number(nav(POOL_1003)), (365 * 86_400) / seconds) - 1;
    expect(window.blended.ok && window.blended.value).toBeCloseTo(closedForm, 9);
    expect(Math.abs((window.blended as { value: number }).value / closedForm - 1)).toBeLessThan(1e-9);
    // MEV: 90 daily points of 200 SOL over the pool TVL, net of the pool's 4 % epoch fee, simple annual rate.
    const mev = ((Number(MEV_PER_DAY) * 90 * 0.96) / Number(POOL_1052.totalLamports)) * (365 / 90);
    expect(window.premium.ok && window.premium.value).toBeCloseTo(mev, 12);
    expect(window.base.ok && window.base.value).toBeCloseTo(closedForm - mev, 9);
    expect(position.advertised).toMatchObject({ apy: 0.0718 });
    // 7 and 30 days have no stored sample that far back.
    expect(position.windows.find((item) => item.windowDays === 7)!.blended).toMatchObject({ ok: false, reason: expect.stringMatching(/not enough history/) });
    const vrt = report.positions.find((item) => item.tokenAddress === VRT_MINT)!;
    const vrtWindow = vrt.windows.find((item) => item.windowDays === 90)!;
    // The vault's own rate did not move: its growth is JitoSOL's, so the restaking premium is 0.
    expect(vrtWindow.premium.ok && Math.abs(vrtWindow.premium.value)).toBeLessThan(1e-9);
    expect(report.portfolio.find((item) => item.windowDays === 90)!.blended).toBeNull(); // no SOL/USD price: no USD weights
  });

  it('waits out a 429 with Retry-After and still writes the snapshot', async () => {
    rpc.fault('getBalance', { kind: 'status', status: 429, retryAfter: 0, times: 1 });
    const summary = await app.services.refresh.run(['solana']);
    expect(summary.chains[0]).toMatchObject({ status: 'ok' });
    expect(rpc.calls.filter((method) => method === 'getBalance')).toHaveLength(2);
  });

  it.each([
    ['a pool account owned by another program', () => (fixture.state.accounts.get(JITO_POOL)!.owner = '11111111111111111111111111111111'), /owned by 11111111111111111111111111111111, not the stake-pool program/],
    ['short pool data', () => (fixture.state.accounts.get(JITO_POOL)!.data = fixture.state.accounts.get(JITO_POOL)!.data.slice(0, 330)), /too short/],
    ['a JSON-RPC error', () => rpc.fault('getTokenAccountsByOwner', { kind: 'rpc-error', code: -32005, message: 'Node is behind by 42 slots' }), /error -32005 Node is behind by 42 slots/],
    ['a malformed body', () => rpc.fault('getMultipleAccounts', { kind: 'malformed' }), /not JSON/],
    ['429 on every try', () => rpc.fault('getEpochInfo', { kind: 'status', status: 429, retryAfter: 0 }), /rate limited \(HTTP 429\) after 3 attempts/],
  ])('%s: a clear error, and the last snapshot stays', async (_name, breakIt, message) => {
    await app.services.refresh.run(['solana']);
    const before = app.services.portfolio.get();
    breakIt();
    now += 60_000;
    const summary = await app.services.refresh.run(['solana']);
    expect(summary.chains[0]).toMatchObject({ chain: 'solana', status: 'failed', error: expect.stringMatching(message) });
    const after = app.services.portfolio.get();
    const status = after.chains.find((chain) => chain.chain === 'solana')!;
    expect(status.snapshot).toEqual(before.chains.find((chain) => chain.chain === 'solana')!.snapshot);
    expect(status.lastError?.message).toMatch(message);
    expect(after.positions).toEqual(before.positions);
  });
});
