/**
 * Measured yields through the production refresh on real anvil nodes: NAV rates change
 * every 6 simulated days for 60 days (evm_increaseTime between blocks); the expected yields
 * are recomputed here from rates read back at the brute-force-found blocks, independently of
 * the block search, the multicall and the stored samples. A second chain runs as a pruned
 * (non-archive) node, where the yields must come from samples stored by earlier refreshes.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBlockAtOrBefore } from '../../electron/main/chain/evm/block-search';
import { createEvmClient } from '../../electron/main/chain/evm/client';
import { portfolioValueHistory } from '../../electron/main/services/value-history';
import type { YieldReport } from '../../shared/ipc/yield-schemas';
import { EIGENLAYER, REWARD_TOKENS } from '../../shared/registry/eigenlayer';
import { tokensOn, type EvmToken } from '../../shared/registry/evm-tokens';
import { USD_FEEDS } from '../../shared/registry/price-feeds';
import type { AnvilNode } from '../support/anvil';
import { setClaimed, setPod, setWithdrawable } from '../support/eigen-fixture';
import { allBlockTimes, increaseTime, installAggregator, readAt, setAggregatorRound, setTokenBalance } from '../support/evm-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { installNavSource, navDecimals, navTokens, setNavRate } from '../support/nav-fixture';
import { startRpcProxy } from '../support/rpc-proxy';
import { openTempApp, type TempApp } from '../support/temp-app';

const DAY = 86_400;
const STEP_DAYS = 6;
const STEPS = 10;
const YEAR = 365 * DAY;
const HOLDER = getAddress('0x7e57000000000000000000000000000000000a01');
const EIGEN_EARNER = getAddress('0x7e57000000000000000000000000000000000a02');
const POD = getAddress('0x7e57000000000000000000000000000000000a03');
const EIGEN_ONLY_EARNER = getAddress('0x7e57000000000000000000000000000000000a04');
const E18 = 10n ** 18n;
const WETH = REWARD_TOKENS.find((token) => token.symbol === 'WETH')!.address;
const EIGEN = REWARD_TOKENS.find((token) => token.symbol === 'EIGEN')!.address;

/** A designed yield per token; the measured one follows the rates actually on chain. */
const designed = (token: EvmToken, index: number) => (token.symbol === 'weETH' ? 0.021 : 0.024 + index * 0.001);
const rateAt = (token: EvmToken, index: number, days: number): bigint => {
  const start = 1.0 + index * 0.01;
  const value = start * (1 + designed(token, index)) ** (days / 365);
  return BigInt(Math.round(value * 1e9)) * 10n ** BigInt(navDecimals(token) - 9);
};

const latestTime = async (node: AnvilNode) => (await allBlockTimes(node)).at(-1)!;

/** Sets every NAV for simulated day `days`; Chainlink rounds are stamped with the chain's time. */
async function setAllRates(node: AnvilNode, days: number): Promise<Map<string, bigint>> {
  const now = await latestTime(node);
  const set = new Map<string, bigint>();
  for (const [index, token] of navTokens().entries()) {
    const value = rateAt(token, index, days);
    await setNavRate(node, token, value, now);
    set.set(token.symbol, value);
  }
  return set;
}

async function prepare(node: AnvilNode): Promise<void> {
  for (const token of navTokens()) await installNavSource(node, token);
  for (const feed of USD_FEEDS) await installAggregator(node, feed.feed);
  for (const symbol of ['weETH', 'wstETH', 'stETH', 'LBTC']) {
    const token = tokensOn('ethereum').find((item) => item.symbol === symbol)!;
    await setTokenBalance(node, token.address, HOLDER, 10n * E18 + 7n);
  }
  await setPod(node, EIGEN_EARNER, POD, 32n * E18, E18);
  await setWithdrawable(node, EIGEN_EARNER, EIGENLAYER.beaconChainEthStrategy, 32n * E18, 32n * E18);
  await setPod(node, EIGEN_ONLY_EARNER, getAddress('0x7e57000000000000000000000000000000000a05'), 64n * E18, E18);
  await setWithdrawable(node, EIGEN_ONLY_EARNER, EIGENLAYER.beaconChainEthStrategy, 64n * E18, 64n * E18);
}

async function freshUsdFeeds(node: AnvilNode): Promise<void> {
  const now = await latestTime(node);
  for (const feed of USD_FEEDS) await setAggregatorRound(node, feed.feed, feed.decimals, 3_000n * 10n ** BigInt(feed.decimals), now);
}

/** Annualized growth, computed here with plain floating point: the closed form. */
const closedForm = (then: bigint, now: bigint, seconds: number) => (Number(now) / Number(then)) ** (YEAR / seconds) - 1;
const expectClose = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);

const assetYield = (report: YieldReport, symbol: string, days: number) => report.assets.find((asset) => asset.rateSymbol === symbol && asset.windowDays === days)!;

describe('yield from an archive node', () => {
  let nodes: EvmNodes;
  let app: TempApp;
  let report: YieldReport;
  let snapshotBlock: bigint;
  let times: number[];

  beforeAll(async () => {
    nodes = await startEvmChains();
    const node = nodes.ethereum;
    await prepare(node);
    for (let step = 0; step <= STEPS; step += 1) {
      if (step > 0) await increaseTime(node, STEP_DAYS * DAY);
      await setAllRates(node, step * STEP_DAYS);
      if (step === 5) await setClaimed(node, EIGEN_EARNER, WETH, E18 / 20n);
      if (step === 9) await setClaimed(node, EIGEN_EARNER, WETH, (E18 * 3n) / 25n);
      if (step === 10) await setClaimed(node, EIGEN_ONLY_EARNER, EIGEN, 10n * E18 + E18 / 2n);
    }
    await freshUsdFeeds(node);
    app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(HOLDER);
    await app.services.wallets.add(EIGEN_EARNER);
    await app.services.wallets.add(EIGEN_ONLY_EARNER);
    const summary = await app.services.refresh.run(['ethereum']);
    const outcome = summary.chains[0]!;
    if (outcome.status !== 'ok') throw new Error(`refresh failed: ${JSON.stringify(outcome)}`);
    snapshotBlock = BigInt(outcome.blockNumber);
    report = app.services.yield.get();
    times = await allBlockTimes(node);
  }, 240_000);
  afterAll(async () => {
    app?.close();
    await stopEvmChains(nodes);
  });

  /** The last block at or before `target`, by scanning every block. */
  const bruteBlock = (target: number) => BigInt(times.findLastIndex((time) => time <= target));

  it('measures every NAV rate over 7 and 30 days from eth_call at the window start block, to 1e-9 of the closed form', async () => {
    const head = times[Number(snapshotBlock)]!;
    for (const days of [7, 30]) {
      const start = bruteBlock(head - days * DAY);
      for (const token of navTokens()) {
        const measured = assetYield(report, token.symbol, days);
        if (!measured) continue; // only rates some position uses (and the reference) are listed
        expect(measured.from, `${token.symbol} ${days}d`).toMatchObject({ blockNumber: start.toString(), origin: 'archive' });
        const signature = token.nav!.type === 'call' ? token.nav!.signature : 'function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)';
        const address = token.nav!.type === 'call' ? token.nav!.contract : token.nav!.type === 'chainlink' ? token.nav!.feed : '';
        const args = token.nav!.type === 'call' ? (token.nav!.args ?? []).map(BigInt) : [];
        const read = async (block: bigint) => {
          const value = await readAt(nodes.ethereum, address, signature, block, args);
          return Array.isArray(value) ? (value[1] as bigint) : (value as bigint);
        };
        const expected = closedForm(await read(start), await read(snapshotBlock), head - times[Number(start)]!);
        expect(measured.figure.ok, `${token.symbol} ${days}d`).toBe(true);
        expectClose((measured.figure as { value: number }).value, expected, `${token.symbol} ${days}d`);
        expect(measured.days).toBeCloseTo((head - times[Number(start)]!) / DAY, 9);
      }
    }
    expect(report.assets.filter((asset) => asset.figure.ok).map((asset) => asset.rateSymbol)).toEqual(expect.arrayContaining(['wstETH', 'weETH', 'LBTC']));
  });

  it('says "not enough history" for a 90-day window on a 60-day chain', () => {
    const wsteth = assetYield(report, 'wstETH', 90);
    expect(wsteth.figure.ok).toBe(false);
    expect((wsteth.figure as { reason: string }).reason).toMatch(/^not enough history: no rate sample near \d{4}-\d{2}-\d{2} \(Not enough history: the chain's first block is after /);
    expect(report.history.find((read) => read.label === '90d')?.blockNumber).toBeNull();
  });

  it('splits weETH into the wstETH base and a (negative) premium, and measures stETH with wstETH', () => {
    const weeth = report.positions.find((position) => position.symbol === 'weETH' && position.source === 'token')!;
    const reference = assetYield(report, 'wstETH', 30).figure as { value: number };
    const own = assetYield(report, 'weETH', 30).figure as { value: number };
    const parts = weeth.windows.find((window) => window.windowDays === 30)!;
    expect(parts.base).toEqual({ ok: true, value: reference.value });
    expect(parts.premium.ok && parts.premium.value).toBeCloseTo(own.value - reference.value, 15);
    expect(own.value).toBeLessThan(reference.value); // weETH was designed to earn less
    expect(parts.incomeUnderlying).toBe(((BigInt(weeth.underlyingValue!) * BigInt(Math.round(own.value * 1e12))) / 10n ** 12n).toString());
    const steth = report.positions.find((position) => position.symbol === 'stETH')!;
    expect(steth.rateSymbol).toBe('wstETH');
    expect(steth.windows[1]!.blended).toEqual({ ok: true, value: reference.value });
    const lbtc = report.positions.find((position) => position.symbol === 'LBTC')!;
    expect(lbtc.windows[1]!.base).toMatchObject({ ok: false, reason: expect.stringContaining('no BTC base reference') });
  });

  it('prices the EigenPod premium from WETH claimed in the window, over the restaked 32 ETH', async () => {
    const pod = report.positions.find((position) => position.source === 'eigenlayer' && position.walletId === 2)!;
    const head = times[Number(snapshotBlock)]!;
    const start = bruteBlock(head - 30 * DAY);
    const claimed = async (block: bigint) =>
      (await readAt(nodes.ethereum, '0x7750d328b314EfFa365A0402CcfD489B80B0adda', 'function cumulativeClaimed(address, address) view returns (uint256)', block, [EIGEN_EARNER, WETH])) as bigint;
    const delta = (await claimed(snapshotBlock)) - (await claimed(start));
    expect(delta).toBe((E18 * 3n) / 25n - E18 / 20n);
    const parts = pod.windows.find((window) => window.windowDays === 30)!;
    expectClose((parts.premium as { value: number }).value, (Number(delta) / 32e18) * (YEAR / (head - times[Number(start)]!)), 'pod premium');
    expect(parts.base).toEqual(assetYield(report, 'wstETH', 30).figure);
    expect(pod.note).toMatch(/claimed EigenLayer rewards only/);
  });

  it('leaves the premium unmeasured, saying what was claimed, when the claim is in a token without an ETH price', () => {
    const pod = report.positions.find((position) => position.source === 'eigenlayer' && position.walletId === 3)!;
    const parts = pod.windows.find((window) => window.windowDays === 7)!;
    expect(parts.premium).toEqual({ ok: false, reason: 'claimed 10.5 EIGEN in the window, with no ETH price here' });
    expect(parts.blended.ok).toBe(false);
    expect(parts.base).toEqual(assetYield(report, 'wstETH', 7).figure);
  });

  it('weights the portfolio blend by USD value', () => {
    const days = 30;
    const measured = report.positions.flatMap((position) => {
      const parts = position.windows.find((window) => window.windowDays === days)!;
      return parts.blended.ok && position.usdCents !== null ? [{ usd: Number(position.usdCents), value: parts.blended.value }] : [];
    });
    const expected = measured.reduce((sum, item) => sum + item.usd * item.value, 0) / measured.reduce((sum, item) => sum + item.usd, 0);
    const portfolio = report.portfolio.find((item) => item.windowDays === days)!;
    expectClose(portfolio.blended!, expected, 'portfolio blended');
    expect(portfolio.income.find((item) => item.underlying === 'ETH')!.raw).toMatch(/^\d+$/);
  });

  it('finds the block for a timestamp exactly on the anvil chain, in O(log n) reads', async () => {
    const evm = createEvmClient('ethereum', [nodes.ethereum.url]);
    const head = { number: BigInt(times.length - 1), timestamp: times.at(-1)! };
    const bound = 4 * Math.ceil(Math.log2(times.length)) + 2;
    for (const target of [times[0]! - 1, times[0]!, times[3]! + 1, times[Math.floor(times.length / 2)]!, head.timestamp - 13 * DAY, head.timestamp + 5]) {
      let reads = 0;
      const result = await findBlockAtOrBefore({
        target,
        head,
        readTime: async (number) => (reads++, Number((await evm.client.getBlock({ blockNumber: number })).timestamp)),
      });
      const expected = times.findLastIndex((time) => time <= target);
      expect(result.block?.number ?? null, `target ${target}`).toBe(expected < 0 ? null : BigInt(expected));
      expect(reads, `target ${target}`).toBeLessThanOrEqual(bound);
    }
  });

  it('reuses cached block times: a second refresh reads fewer blocks', async () => {
    let blockReads = 0;
    const proxy = await startRpcProxy(nodes.ethereum.url, (_index, body) => {
      blockReads += (body.match(/eth_getBlockByNumber/g) ?? []).length;
      return 'forward';
    });
    const second = openTempApp({ dataDir: app.dataDir, rpcOverrides: { ethereum: [proxy.url] } });
    try {
      await second.services.refresh.run(['ethereum']);
      // One for the pinned head; the three window searches start from cached brackets.
      expect(blockReads).toBeLessThanOrEqual(1 + 3 * 4);
      expect(second.services.yield.get().assets.find((asset) => asset.rateSymbol === 'wstETH' && asset.windowDays === 7)!.figure.ok).toBe(true);
    } finally {
      second.services.ctx.close();
      await proxy.close();
    }
  });
});

describe('yield from a pruned (non-archive) node', () => {
  let nodes: EvmNodes;
  let app: TempApp;
  const setAt: Map<string, bigint>[] = [];
  const refreshBlocks: bigint[] = [];

  beforeAll(async () => {
    nodes = await startEvmChains({ ethereumPruneHistory: 8 });
    const node = nodes.ethereum;
    await prepare(node);
    app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(HOLDER);
    for (let step = 0; step <= STEPS; step += 1) {
      if (step > 0) await increaseTime(node, STEP_DAYS * DAY);
      setAt.push(await setAllRates(node, step * STEP_DAYS));
      await freshUsdFeeds(node);
      const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
      if (outcome.status !== 'ok') throw new Error(`refresh failed: ${JSON.stringify(outcome)}`);
      refreshBlocks.push(BigInt(outcome.blockNumber));
    }
  }, 240_000);
  afterAll(async () => {
    app?.close();
    await stopEvmChains(nodes);
  });

  it('measures 30 days from the rates stored at the refresh 30 days earlier, and says so', async () => {
    const report = app.services.yield.get();
    const times = await allBlockTimes(nodes.ethereum);
    const wsteth = assetYield(report, 'wstETH', 30);
    const startStep = STEPS - 30 / STEP_DAYS;
    expect(wsteth.from).toMatchObject({ origin: 'refresh', blockNumber: refreshBlocks[startStep]!.toString() });
    const seconds = times[Number(refreshBlocks[STEPS]!)]! - times[Number(refreshBlocks[startStep]!)]!;
    expectClose((wsteth.figure as { value: number }).value, closedForm(setAt[startStep]!.get('wstETH')!, setAt[STEPS]!.get('wstETH')!, seconds), 'wstETH 30d');
    expect(report.history.find((read) => read.label === '30d')?.error).toMatch(/not an archive node/);
  });

  it('leaves 7 days unmeasured when no refresh sample is near its start, with the reason', () => {
    const report = app.services.yield.get();
    const figure = assetYield(report, 'wstETH', 7).figure;
    expect(figure.ok).toBe(false);
    expect((figure as { reason: string }).reason).toMatch(/^not enough history: .*it is not an archive node.*BlockOutOfRange/);
  });

  it('values the portfolio at every stored Ethereum snapshot with that snapshot\'s rates', () => {
    const points = portfolioValueHistory(app.services.ctx);
    expect(points).toHaveLength(STEPS + 1);
    const latest = app.services.portfolio.get().positions.reduce((sum, position) => sum + BigInt(position.valuation?.usdCents ?? '0'), 0n);
    expect(points.at(-1)!.usdCents).toBe(latest.toString());
    expect(BigInt(points.at(-1)!.usdCents)).toBeGreaterThan(BigInt(points[0]!.usdCents)); // NAVs grew
  });

  it('draws the rolling 30-day yield from the stored refresh samples', () => {
    const series = app.services.yield.series('wstETH', 30);
    expect(series.samples).toBe(STEPS + 1);
    // Samples every 6 days: the steps from day 30 on have a start sample 30 days earlier.
    expect(series.points.length).toBe(STEPS + 1 - 30 / STEP_DAYS);
  });
});
