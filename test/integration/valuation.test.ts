/**
 * Valuation through the production refresh: NAV getters answered by mocks at the registry's
 * real NAV contracts (real function signatures), Chainlink aggregators at the real feed
 * addresses, and the price API on loopback. Expected values are Python exact-integer results.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensOn, type EvmToken } from '../../shared/registry/evm-tokens';
import { USD_FEEDS } from '../../shared/registry/price-feeds';
import { installAggregator, setAggregatorRound, setTokenBalance } from '../support/evm-fixture';
import { installNavSource, navDecimals, navTokens, setNavRate } from '../support/nav-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { startPriceApiServer, type PriceApiServer } from '../support/price-api-server';
import { openTempApp } from '../support/temp-app';

const HOLDER = getAddress('0x7e57000000000000000000000000000000007e57');
const AMOUNT = 2_500_000_000_000_000_003n;
const NAV = 1_043_210_987_654_321_098n; // 18 decimals
const MARKET = 1_039_000_000_000_000_000n;
const ETH_USD = 3_123_456_789_010_000_000_000n; // $3,123.45678901 at 18 decimals, scaled to the feed's

const withCallNav = tokensOn('ethereum').filter((token) => token.nav?.type === 'call');
const withFeedNav = tokensOn('ethereum').filter((token) => token.nav?.type === 'chainlink');
const withChainlinkMarket = tokensOn('ethereum').filter((token) => token.market?.type === 'chainlink');
const withApiMarket = tokensOn('ethereum').filter((token) => token.market?.type === 'coingecko');
const scale = (value: bigint, decimals: number) => (decimals >= 18 ? value * 10n ** BigInt(decimals - 18) : value / 10n ** BigInt(18 - decimals));

let nodes: EvmNodes;
let api: PriceApiServer;
let asOf = 0;

beforeAll(async () => {
  nodes = await startEvmChains();
  api = await startPriceApiServer();
  const node = nodes.ethereum;
  const latest = await fetch(node.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['latest', false] }) });
  asOf = Number(((await latest.json()) as { result: { timestamp: string } }).result.timestamp);
  for (const token of navTokens()) {
    await installNavSource(node, token);
    await setNavRate(node, token, scale(NAV, navDecimals(token)), asOf - 600);
  }
  for (const token of withChainlinkMarket) {
    if (token.market?.type !== 'chainlink') continue;
    await installAggregator(node, token.market.feed);
    await setAggregatorRound(node, token.market.feed, token.market.decimals, scale(MARKET, token.market.decimals), asOf - 600);
  }
  for (const token of withApiMarket) if (token.market?.type === 'coingecko') api.setPrice(token.market.id, 1.039, (asOf - 600) * 1000);
  for (const feed of USD_FEEDS) {
    await installAggregator(node, feed.feed);
    await setAggregatorRound(node, feed.feed, feed.decimals, feed.underlying === 'ETH' ? scale(ETH_USD, feed.decimals) : 6_512_345_678_901n, asOf - 60);
  }
  for (const token of tokensOn('ethereum')) await setTokenBalance(node, token.address, HOLDER, AMOUNT);
  for (const token of tokensOn('base')) await setTokenBalance(nodes.base, token.address, HOLDER, AMOUNT);
});
afterAll(async () => {
  await api?.close();
  await stopEvmChains(nodes);
});

async function refreshed() {
  const app = openTempApp({ rpcOverrides: rpcOverrides(nodes), priceApiOverride: api.url });
  await app.services.wallets.add(HOLDER);
  await app.services.refresh.run();
  const portfolio = app.services.portfolio.get();
  app.close();
  return portfolio;
}

const position = (portfolio: Awaited<ReturnType<typeof refreshed>>, token: EvmToken) =>
  portfolio.positions.find((item) => item.chain === token.chain && item.tokenAddress === token.address)!;

describe('valuation at the snapshot block', () => {
  it('values every token with an on-chain NAV getter exactly, with the getter as its source', async () => {
    expect(withCallNav.length).toBeGreaterThan(0);
    const portfolio = await refreshed();
    for (const token of withCallNav) {
      const valuation = position(portfolio, token).valuation!;
      expect(valuation.nav, token.symbol).toMatchObject({ ok: true, source: expect.stringContaining(token.nav?.type === 'call' ? token.nav.contract : '') });
      // 2500000000000000003 * 1043210987654321098 // 10**18
      expect(valuation.underlyingValue, token.symbol).toBe('2608027469135802748');
    }
  });

  it('values a token whose NAV is a Chainlink exchange-rate feed, and refuses it when stale', async () => {
    expect(withFeedNav.map((token) => token.symbol)).toContain('rsETH');
    const fresh = await refreshed();
    for (const token of withFeedNav) expect(position(fresh, token).valuation!.underlyingValue, token.symbol).toBe('2608027469135802748');
    const rseth = withFeedNav.find((token) => token.symbol === 'rsETH')!;
    if (rseth.nav?.type !== 'chainlink') throw new Error('rsETH NAV must be a feed');
    await setAggregatorRound(nodes.ethereum, rseth.nav.feed, rseth.nav.decimals, scale(NAV, rseth.nav.decimals), asOf - rseth.nav.heartbeatSeconds - 7_200);
    const stale = await refreshed();
    expect(position(stale, rseth).valuation).toMatchObject({ nav: { ok: false, reason: expect.stringMatching(/^Feed answer is stale/) }, underlyingValue: null });
    await setAggregatorRound(nodes.ethereum, rseth.nav.feed, rseth.nav.decimals, scale(NAV, rseth.nav.decimals), asOf - 600);
  });

  it('prices the market side and the discount to NAV, and bridged tokens use the mainnet rates', async () => {
    expect(withChainlinkMarket.length + withApiMarket.length).toBeGreaterThan(0);
    const portfolio = await refreshed();
    for (const token of [...withChainlinkMarket, ...withApiMarket].filter((item) => item.nav?.type === 'call')) {
      const valuation = position(portfolio, token).valuation!;
      expect(valuation.marketValue, token.symbol).toBe('2597500000000000003'); // AMOUNT * 1.039
      expect(valuation.premium, token.symbol).toBeCloseTo(-0.004036563748038717, 11);
    }
    for (const bridged of tokensOn('base').filter((token) => token.nav?.type === 'mainnet')) {
      const origin = tokensOn('ethereum').find((token) => token.symbol === (bridged.nav?.type === 'mainnet' ? bridged.nav.symbol : ''))!;
      if (origin.nav?.type !== 'call') continue;
      expect(position(portfolio, bridged).valuation!.underlyingValue, bridged.symbol).toBe('2608027469135802748');
    }
  });

  it('keeps the premium to NAV and its spread to stETH as history for the Charts page', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes), priceApiOverride: api.url });
    await app.services.wallets.add(HOLDER);
    await app.services.refresh.run(['ethereum']);
    const series = app.services.candles.premium('weETH');
    app.close();
    const premium = Number(MARKET) / Number(NAV) - 1; // Chainlink weETH/ETH market over getRate()
    expect(series.points).toHaveLength(1);
    expect(series.points[0]!.premium).toBeCloseTo(premium, 6);
    // stETH is 1:1 NAV by design, so its premium is its market price − 1.
    expect(series.spread[0]!.premium).toBeCloseTo(premium - (Number(MARKET) / 1e18 - 1), 6);
    expect(series.symbols).toEqual(expect.arrayContaining(['weETH', 'rsETH']));
  });

  it('values USD with a fresh Chainlink answer and refuses a stale one', async () => {
    const ethUsd = USD_FEEDS.find((feed) => feed.underlying === 'ETH');
    const fresh = await refreshed();
    const native = fresh.positions.find((item) => item.chain === 'ethereum' && item.tokenAddress === null)!;
    if (!ethUsd) {
      expect(native.valuation).toMatchObject({ usd: { ok: false, reason: 'no verified ETH/USD feed configured' }, usdCents: null });
      return;
    }
    expect(native.valuation).toMatchObject({ usd: { ok: true } });
    await setAggregatorRound(nodes.ethereum, ethUsd.feed, ethUsd.decimals, scale(ETH_USD, ethUsd.decimals), asOf - ethUsd.heartbeatSeconds - 3_600);
    const stale = await refreshed();
    const again = stale.positions.find((item) => item.chain === 'ethereum' && item.tokenAddress === null)!;
    expect(again.valuation).toMatchObject({ usd: { ok: false, reason: expect.stringMatching(/^Feed answer is stale/) }, usdCents: null });
  });
});
