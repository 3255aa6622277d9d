import { describe, expect, it } from 'vitest';
import { valuePosition, type RateBook, type StoredRateLike } from '../../shared/domain/position-valuation';
import type { EvmToken } from '../../shared/registry/evm-tokens';

const T0 = 1_790_000_000;
const token = (over: Partial<EvmToken>): EvmToken => ({
  chain: 'ethereum',
  address: '0x0000000000000000000000000000000000000001',
  symbol: 'TEST',
  name: 'Test',
  decimals: 18,
  kind: 'lrt',
  underlying: 'ETH',
  protocol: 'Test',
  source: 'a test token, not in the registry',
  ...over,
});
const rate = (key: string, value: bigint | null, decimals: number, updatedAt: number | null = null, error: string | null = null): StoredRateLike => ({
  key,
  value: value === null ? null : value.toString(),
  decimals,
  updatedAt,
  source: `source of ${key}`,
  error,
});
const book = (rates: StoredRateLike[], usd: [string, number][] = [['ETH', 3600]]): RateBook => ({
  rates: new Map(rates.map((item) => [item.key, item])),
  asOf: T0,
  usdHeartbeats: new Map(usd),
});

const LRT = token({
  symbol: 'xETH',
  nav: { type: 'call', contract: '0x0000000000000000000000000000000000000002', signature: 'function getRate() view returns (uint256)', decimals: 18, source: 'test' },
  market: { type: 'chainlink', feed: '0x0000000000000000000000000000000000000003', decimals: 18, heartbeatSeconds: 86_400, source: 'test' },
});

describe('valuePosition', () => {
  const rates = [
    rate('nav:xETH', 1_043_210_987_654_321_098n, 18),
    rate('market:xETH', 1_039_000_000_000_000_000n, 18, T0 - 3_600),
    rate('usd:ETH', 312_345_678_901n, 8, T0 - 120), // $3,123.45678901
  ];

  it('values an LRT in ETH and USD, with its discount to NAV', () => {
    const v = valuePosition(2_500_000_000_000_000_003n, 18, LRT, book(rates));
    // Independent check (Python exact ints): 2500000000000000003 * 1043210987654321098 // 10**18
    expect(v.underlyingValue).toBe(2_608_027_469_135_802_748n);
    // 2500000000000000003 * 1039000000000000000 // 10**18
    expect(v.marketValue).toBe(2_597_500_000_000_000_003n);
    // 1.039 / 1.043210987654321098 − 1
    expect(v.premium).toBeCloseTo(-0.004036563748038717, 11); // Python Fraction
    // 2608027469135802748 * 312345678901 * 100 // (10**18 * 10**8) cents
    expect(v.usdCents).toBe(814_606n);
    // Selling at market instead of redeeming: 2597500000000000003 - 2608027469135802748
    expect(v.sellVsRedeem).toBe(-10_527_469_135_802_745n);
    // -(10527469135802745 * 312345678901 * 100 // 10**26) cents, truncated toward zero
    expect(v.sellVsRedeemUsdCents).toBe(-3_288n);
    expect(v.nav).toMatchObject({ ok: true, source: 'source of nav:xETH' });
  });

  it('values the native coin 1:1 and still prices it in USD', () => {
    const v = valuePosition(10n ** 18n, 18, null, book(rates));
    expect(v).toMatchObject({ underlyingValue: 10n ** 18n, marketValue: 10n ** 18n, premium: 0, usdCents: 312_345n });
  });

  it('marks a stale or non-positive Chainlink answer instead of using it', () => {
    const stale = valuePosition(10n ** 18n, 18, LRT, book([rates[0]!, rate('market:xETH', 10n ** 18n, 18, T0 - 90_000), rate('usd:ETH', 0n, 8, T0)]));
    expect(stale.market).toEqual({ ok: false, reason: 'Feed answer is stale: updated 1500 min ago, heartbeat 1440 min' });
    expect(stale.premium).toBeNull();
    expect(stale.usd).toEqual({ ok: false, reason: 'Feed answer is zero' });
    expect(stale.usdCents).toBeNull();
    expect(stale.underlyingValue).toBe(1_043_210_987_654_321_098n); // NAV is still fine
  });

  it('says why a figure is missing: failed read, zero NAV, no source, no USD feed', () => {
    const failed = valuePosition(1n, 18, LRT, book([rate('nav:xETH', null, 18, null, 'Call reverted: paused')]));
    expect(failed.nav).toEqual({ ok: false, reason: 'Call reverted: paused' });
    expect(failed.underlyingValue).toBeNull();
    expect(valuePosition(1n, 18, LRT, book([rate('nav:xETH', 0n, 18)])).nav).toEqual({ ok: false, reason: 'NAV rate is zero' });
    expect(valuePosition(1n, 18, token({}), book([])).nav).toEqual({ ok: false, reason: 'no verified on-chain NAV source yet' });
    expect(valuePosition(1n, 8, token({ underlying: 'BTC', decimals: 8 }), book([])).usd).toEqual({ ok: false, reason: 'no verified BTC/USD feed configured' });
  });

  it('values a BTC token in 8-decimal BTC units', () => {
    const btc = token({ underlying: 'BTC', decimals: 8, nav: { type: 'par', source: 'test: 1:1 by design' } });
    const v = valuePosition(123_456_789n, 8, btc, book([rate('usd:BTC', 6_512_345_678_901n, 8, T0)], [['BTC', 3600]]));
    expect(v.underlyingValue).toBe(123_456_789n);
    // 123456789 * 6512345678901 * 100 // (10**8 * 10**8)
    expect(v.usdCents).toBe(8_039_932n);
  });
});
