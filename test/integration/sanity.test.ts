/**
 * Absurd values on a real anvil node (issue 12): a 2^256−1 balance beside a normal one, a NAV
 * of 0 and one of 1000× the normal, a Chainlink ETH/USD answer jumping 100×. The refresh
 * finishes; the good figures are stored as good; the absurd ones are stored as suspect with
 * the reason (value cleared, asset_rates.error), the portfolio shows them missing with that
 * reason, and no total includes them. Bounds: shared/domain/sanity.ts, docs/sanity-bounds.md.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensOn, type EvmToken } from '../../shared/registry/evm-tokens';
import { USD_FEEDS } from '../../shared/registry/price-feeds';
import { isSanityReason } from '../../shared/domain/sanity';
import type { Portfolio } from '../../shared/ipc/schemas';
import { startAnvil, type AnvilNode } from '../support/anvil';
import { installAggregator, installBaseContracts, installToken, mineBlock, setAggregatorRound, setNativeBalance, setTokenBalance } from '../support/evm-fixture';
import { installEigenLayer } from '../support/eigen-fixture';
import { installNavSource, navDecimals, navTokens, setNavRate } from '../support/nav-fixture';
import { openTempApp, type TempApp } from '../support/temp-app';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

const HOLDER = getAddress('0x5a11e00000000000000000000000000000005a11');
const E18 = 10n ** 18n;
const MAX_UINT = 2n ** 256n - 1n;
const NORMAL = 5n * E18 + 3n;
const NORMAL_BTC = 500_000_003n; // 5.00000003 LBTC (8 decimals)
const NAV = 1_050_000_000_000_000_000n; // 1.05, 18 decimals
const MARKET = 1_040_000_000_000_000_000n;
const USD: Record<string, bigint> = { ETH: 3_000n * 10n ** 8n, BTC: 60_000n * 10n ** 8n, SOL: 150n * 10n ** 8n };
const token = (symbol: string): EvmToken => tokensOn('ethereum').find((item) => item.symbol === symbol)!;
const scale = (value: bigint, decimals: number) => (decimals >= 18 ? value * 10n ** BigInt(decimals - 18) : value / 10n ** BigInt(18 - decimals));
const ethUsd = USD_FEEDS.find((feed) => feed.underlying === 'ETH')!;

let node: AnvilNode;
let app: TempApp;
const outcomes: { value: string; where: string; outcome: string }[] = [];

const latestTime = async () => {
  const response = await fetch(node.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['latest', false] }) });
  return Number(((await response.json()) as { result: { timestamp: string } }).result.timestamp);
};

async function refresh(): Promise<{ portfolio: Portfolio; rates: Map<string, { value: string | null; error: string | null }> }> {
  const summary = await app.services.refresh.run(['ethereum']);
  expect(summary.chains[0]).toMatchObject({ chain: 'ethereum', status: 'ok' });
  const portfolio = app.services.portfolio.get();
  const snapshot = portfolio.chains.find((chain) => chain.chain === 'ethereum')!.snapshot!;
  return { portfolio, rates: new Map(app.services.ctx.repos.rates.forSnapshot(snapshot.id).map((rate) => [rate.key, rate])) };
}

/** The Portfolio page's components, loaded at run time: they are TSX of the web build, outside this test's tsconfig. */
const component = async (file: string, name: string) =>
  ((await import(`../../renderer/src/features/portfolio/${file}.tsx`)) as Record<string, FunctionComponent<{ positions: Portfolio['positions'] }>>)[name]!;

const position = (portfolio: Portfolio, symbol: string) => portfolio.positions.find((item) => item.chain === 'ethereum' && item.symbol === symbol)!;
const expectSuspect = (reason: string | null | undefined, pattern: RegExp) => {
  expect(isSanityReason(reason), reason ?? 'no reason').toBe(true);
  expect(reason).toMatch(pattern);
};

beforeAll(async () => {
  node = await startAnvil({ chainId: 1 });
  await installBaseContracts(node);
  await installEigenLayer(node);
  for (const item of tokensOn('ethereum')) await installToken(node, item);
  const now = await latestTime();
  for (const item of navTokens()) {
    await installNavSource(node, item);
    await setNavRate(node, item, scale(NAV, navDecimals(item)), now);
  }
  for (const item of tokensOn('ethereum')) {
    if (item.market?.type !== 'chainlink') continue;
    await installAggregator(node, item.market.feed);
    await setAggregatorRound(node, item.market.feed, item.market.decimals, scale(MARKET, item.market.decimals), now);
  }
  for (const feed of USD_FEEDS) {
    await installAggregator(node, feed.feed);
    await setAggregatorRound(node, feed.feed, feed.decimals, USD[feed.underlying]!, now);
  }
  // 2^256−1 of wstETH (the only holder, so the mock's totalSupply is 2^256−1 too: only the 2^255 bound can tell).
  await setTokenBalance(node, token('wstETH').address, HOLDER, MAX_UINT);
  for (const symbol of ['rETH', 'weETH', 'cbETH']) await setTokenBalance(node, token(symbol).address, HOLDER, NORMAL);
  await setTokenBalance(node, token('LBTC').address, HOLDER, NORMAL_BTC);
  await setNativeBalance(node, HOLDER, 2n * E18);
  app = openTempApp({ rpcOverrides: { ethereum: [node.url] } });
  await app.services.wallets.add(HOLDER);
});

afterAll(async () => {
  app?.close();
  await node?.stop();
  if (outcomes.length > 0) console.table(outcomes);
});

describe('absurd values at the read → store boundary', () => {
  it('a 2^256−1 balance fails its position only; the normal balances and rates are stored as good', async () => {
    const { portfolio, rates } = await refresh();
    const wsteth = position(portfolio, 'wstETH');
    expect(wsteth).toMatchObject({ rawAmount: null, valuation: null });
    expectSuspect(wsteth.error, /balance 115792089237316195423570985008687907853269984665640564039457584007913129639935 is at least 2\^255/);
    outcomes.push({ value: 'wstETH balance 2^256−1', where: 'balance row', outcome: 'position error (suspect), not summed' });
    expect(position(portfolio, 'rETH')).toMatchObject({ rawAmount: NORMAL.toString(), error: null, valuation: { nav: { ok: true }, usd: { ok: true } } });
    outcomes.push({ value: 'rETH balance 5.000…003', where: 'balance row', outcome: 'good' });
    expect(portfolio.totals.find((total) => total.chain === 'ethereum' && total.symbol === 'wstETH')).toMatchObject({ rawAmount: '0', failed: 1 });
    expect(rates.get('nav:rETH')).toMatchObject({ value: NAV.toString(), error: null });
    expect(rates.get('usd:ETH')).toMatchObject({ value: USD.ETH!.toString(), error: null });
  });

  it('NAV 0, NAV 1000× and ETH/USD 100× are stored as suspect with the reason; the rest stays good and out of reach of the totals', async () => {
    const now = await latestTime();
    await setNavRate(node, token('rETH'), 0n, now);
    await setNavRate(node, token('weETH'), NAV * 1_000n, now);
    await setAggregatorRound(node, ethUsd.feed, ethUsd.decimals, USD.ETH! * 100n, now);
    await mineBlock(node);
    const { portfolio, rates } = await refresh();

    expect(rates.get('nav:rETH')?.value).toBeNull();
    expectSuspect(rates.get('nav:rETH')?.error, /NAV is zero .*raw value read: 0, 18 decimals/);
    expect(rates.get('nav:weETH')?.value).toBeNull();
    expectSuspect(rates.get('nav:weETH')?.error, /NAV 1050 ETH per token is outside \[0\.5, 2\] \(raw value read: 1050000000000000000000, 18 decimals\)/);
    expect(rates.get('usd:ETH')?.value).toBeNull();
    expectSuspect(rates.get('usd:ETH')?.error, /ETH\/USD 300000 is more than 10× above the 3000 stored/);
    // Good figures of the same snapshot are stored as good.
    expect(rates.get('nav:cbETH')).toMatchObject({ value: NAV.toString(), error: null });
    expect(rates.get('usd:BTC')).toMatchObject({ value: USD.BTC!.toString(), error: null });
    // rETH's market is judged against the market bounds (its NAV was rejected), weETH's likewise.
    expect(rates.get('market:rETH')).toMatchObject({ value: MARKET.toString(), error: null });

    const reth = position(portfolio, 'rETH').valuation!;
    expect(reth).toMatchObject({ nav: { ok: false }, underlyingValue: null, usdCents: null, premium: null });
    if (!reth.nav.ok) expectSuspect(reth.nav.reason, /NAV is zero/);
    const weeth = position(portfolio, 'weETH').valuation!;
    expect(weeth).toMatchObject({ nav: { ok: false }, underlyingValue: null, usdCents: null });
    if (!weeth.nav.ok) expectSuspect(weeth.nav.reason, /outside \[0\.5, 2\]/);
    const cbeth = position(portfolio, 'cbETH').valuation!;
    // 5000000000000000003 * 1050000000000000000 // 10**18
    expect(cbeth).toMatchObject({ nav: { ok: true }, underlyingValue: '5250000000000000003', usd: { ok: false }, usdCents: null });
    if (!cbeth.usd.ok) expectSuspect(cbeth.usd.reason, /more than 10× above/);
    const lbtc = position(portfolio, 'LBTC').valuation!;
    // 500000003 sat × 1.05 = 525000003 sat (floored); × $60,000 = $315,000.0018 → 31500000 cents
    expect(lbtc).toMatchObject({ nav: { ok: true }, usd: { ok: true }, underlyingValue: '525000003', usdCents: '31500000' });

    // Totals: the ETH group sums only what was valued (native 2 ETH + cbETH), has no USD, counts the two suspect NAVs as unvalued.
    const eth = portfolio.valueTotals.find((total) => total.by === 'underlying' && total.key === 'ETH')!;
    expect(eth).toMatchObject({ underlyingValue: (2n * E18 + 5_250_000_000_000_000_003n).toString(), usdCents: null, unvalued: 2 });
    const btc = portfolio.valueTotals.find((total) => total.by === 'underlying' && total.key === 'BTC')!;
    expect(btc).toMatchObject({ usdCents: lbtc.usdCents, unvalued: 0 });
    for (const total of portfolio.valueTotals) expect(BigInt(total.usdCents ?? '0')).toBeLessThan(10n ** 12n);

    // What the Portfolio page renders from it: a sanity-warning marker per rejected figure, the reasons listed on top.
    const table = renderToStaticMarkup(createElement(await component('PositionsTable', 'PositionsTable'), { positions: portfolio.positions.filter((item) => item.chain === 'ethereum') }));
    expect(table.match(/data-testid="sanity-warning"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(table).toContain('NAV is zero');
    const summary = renderToStaticMarkup(createElement(await component('SanityWarning', 'SanitySummary'), { positions: portfolio.positions }));
    expect(summary).toContain('data-testid="sanity-summary"');
    for (const pattern of ['at least 2^255', 'NAV is zero', 'outside [0.5, 2]', 'more than 10× above']) expect(summary).toContain(pattern);

    outcomes.push(
      { value: 'rETH NAV 0', where: 'nav:rETH', outcome: 'suspect: NAV is zero; position unvalued' },
      { value: 'weETH NAV 1050 (1000×)', where: 'nav:weETH', outcome: 'suspect: outside [0.5, 2]; position unvalued' },
      { value: 'ETH/USD $300,000 (100×)', where: 'usd:ETH', outcome: 'suspect: >10× jump; every ETH position without USD' },
      { value: 'cbETH NAV 1.05, BTC/USD $60,000', where: 'nav:cbETH, usd:BTC', outcome: 'good; in totals' },
    );
  });

  it('a second refresh at the same absurd price is still compared with the last good price, not with the suspect one', async () => {
    await mineBlock(node);
    const { rates } = await refresh();
    expectSuspect(rates.get('usd:ETH')?.error, /more than 10× above the 3000 stored/);
    outcomes.push({ value: 'ETH/USD $300,000 again', where: 'usd:ETH', outcome: 'still suspect (previous good = $3,000)' });

    const now = await latestTime();
    await setAggregatorRound(node, ethUsd.feed, ethUsd.decimals, USD.ETH! + 10n ** 8n, now);
    await mineBlock(node);
    const restored = await refresh();
    expect(restored.rates.get('usd:ETH')).toMatchObject({ value: (USD.ETH! + 10n ** 8n).toString(), error: null });
    expect(position(restored.portfolio, 'cbETH').valuation).toMatchObject({ usd: { ok: true } });
    outcomes.push({ value: 'ETH/USD $3,001', where: 'usd:ETH', outcome: 'good again' });
  });
});
