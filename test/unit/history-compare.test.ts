import { describe, expect, it } from 'vitest';
import { assignRemainder, attributeChange, navYield, portfolioRateYield, sideCents, sumEffects, type CompareSide, type Effect, type Figure } from '../../shared/domain/history-compare';
import { annualizedYield } from '../../shared/domain/yield';

const E18 = 10n ** 18n;
const DAY = 86_400;
const fig = (value: bigint, decimals: number): Figure => ({ ok: true, rate: { value, decimals } });
const ONE = fig(1n, 0);
const absent = (reason: string): Figure => ({ ok: false, reason });
const side = (amount: bigint | null, nav: Figure, usd: Figure, decimals = 18): CompareSide => ({ amount, decimals, nav, usd, unitDecimals: 18, error: amount === null ? 'execution reverted' : null });
const centsOf = (effect: Effect) => (effect.ok ? effect.cents : null);
const sum = (a: ReturnType<typeof attributeChange>) => centsOf(a.balance)! + centsOf(a.rate)! + centsOf(a.price)!;

describe('attributeChange', () => {
  it('splits a held LST exactly into rate and price effects', () => {
    const a = attributeChange(side(10n * E18, fig(1_200n * 10n ** 15n, 18), fig(300_000_000_000n, 8)), side(10n * E18, fig(1_203n * 10n ** 15n, 18), fig(330_000_000_000n, 8)));
    expect(a).toMatchObject({ total: { ok: true, cents: 369_900n }, balance: { ok: true, cents: 0n }, rate: { ok: true, cents: 9_000n }, price: { ok: true, cents: 360_900n }, remainder: 0n });
    expect(sum(a)).toBe(369_900n);
  });

  it('gives the truncation remainder to the largest term so the sum is exact', () => {
    // 3.333…3 rETH bought: balance 10,999.99…, rate 21.99…, price 1,102.19… ; value at the end 12,124.19.
    const a = attributeChange(side(0n, fig(11n * 10n ** 17n, 18), fig(300_000_000_000n, 8)), side(3_333_333_333_333_333_333n, fig(1_102_200_000_000_000_000n, 18), fig(330_000_000_000n, 8)));
    expect(a.total).toEqual({ ok: true, cents: 1_212_419n });
    expect(a).toMatchObject({ balance: { cents: 1_100_001n }, rate: { cents: 2_199n }, price: { cents: 110_219n }, remainder: 2n, remainderTo: 'balance' });
    expect(sum(a)).toBe(1_212_419n);
  });

  it('sums exactly over many awkward amounts and rates', () => {
    let seed = 12345n;
    const next = (mod: bigint) => (seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n) % mod;
    for (let i = 0; i < 500; i += 1) {
      const before = side(next(10n ** 22n), fig(E18 + next(10n ** 17n), 18), fig(100_000_000n + next(10n ** 12n), 8));
      const after = side(next(10n ** 22n), fig(E18 + next(10n ** 17n), 27 - Number(next(10n))), fig(100_000_000n + next(10n ** 12n), 8));
      const a = attributeChange(before, after);
      expect(a.total.ok).toBe(true);
      expect(sum(a)).toBe(centsOf(a.total));
      expect(a.remainder < 10n && a.remainder > -10n).toBe(true);
    }
  });

  it('a sold position is all balance effect; its end rates are not needed', () => {
    const a = attributeChange(side(5n * E18, fig(105n * 10n ** 16n, 18), fig(300_000_000_000n, 8)), side(0n, absent('no NAV'), absent('no price')));
    expect(a).toMatchObject({ total: { ok: true, cents: -1_575_000n }, balance: { ok: true, cents: -1_575_000n }, rate: { ok: true, cents: 0n }, price: { ok: true, cents: 0n }, remainderTo: 'balance' });
  });

  it('a bought position values the balance effect at the start rates', () => {
    const a = attributeChange(side(0n, ONE, fig(300_000_000_000n, 8)), side(E18, ONE, fig(330_000_000_000n, 8)));
    expect(a).toMatchObject({ total: { cents: 330_000n }, balance: { cents: 300_000n }, rate: { cents: 0n }, price: { cents: 30_000n } });
  });

  it('a missing price makes its effects null with the reason, never zero', () => {
    const a = attributeChange(side(E18, ONE, fig(300_000_000_000n, 8)), side(2n * E18, ONE, absent('Feed answer is stale')));
    expect(a.total).toEqual({ ok: false, reason: 'value at the end: USD price at the end: Feed answer is stale' });
    expect(a.balance).toEqual({ ok: true, cents: 300_000n });
    expect(a.rate).toEqual({ ok: true, cents: 0n });
    expect(a.price).toEqual({ ok: false, reason: 'USD price at the end: Feed answer is stale' });
    expect(a).toMatchObject({ remainder: 0n, remainderTo: null });
    const start = attributeChange(side(E18, ONE, absent('not read yet')), side(E18, ONE, fig(1n, 0)));
    expect(start.balance).toEqual({ ok: true, cents: 0n });
    expect(start.rate).toEqual({ ok: false, reason: 'USD price at the start: not read yet' });
    expect(start.price.ok).toBe(false);
  });

  it('an unreadable balance leaves every effect unknown', () => {
    const a = attributeChange(side(0n, ONE, fig(1n, 0)), side(null, ONE, fig(1n, 0)));
    for (const effect of [a.total, a.balance, a.rate, a.price]) expect(effect).toEqual({ ok: false, reason: 'balance could not be read at the end: execution reverted' });
  });

  it('values a side like the portfolio: floored to the raw unit, then to the cent', () => {
    expect(sideCents(side(3_333_333_333_333_333_333n, fig(1_102_200_000_000_000_000n, 18), fig(330_000_000_000n, 8)))).toBe(1_212_419n);
    expect(sideCents(side(0n, absent('x'), absent('y')))).toBe(0n);
    expect(sideCents(side(1n, absent('x'), fig(1n, 0)))).toBeNull();
  });
});

describe('assignRemainder', () => {
  it('breaks ties in the order balance, rate, price', () => {
    const terms = { balance: { ok: true, cents: -5n }, rate: { ok: true, cents: 5n }, price: { ok: true, cents: 1n } } as const;
    expect(assignRemainder({ ok: true, cents: 2n }, terms)).toMatchObject({ balance: { cents: -4n }, remainder: 1n, remainderTo: 'balance' });
  });
});

describe('navYield and portfolioRateYield', () => {
  it('annualizes a NAV growth, or says why not', () => {
    expect(navYield(fig(12n * 10n ** 17n, 18), fig(1_203n * 10n ** 15n, 18), 30 * DAY)).toEqual({ ok: true, value: annualizedYield(1_200n, 1_203n, 30 * DAY) });
    expect(navYield(fig(1n, 0), fig(1_001_000n, 6), DAY).ok).toBe(true);
    expect(navYield(absent('not read yet'), ONE, DAY)).toEqual({ ok: false, reason: 'no NAV at the start: not read yet' });
    expect(navYield(ONE, ONE, 0)).toEqual({ ok: false, reason: 'both NAVs come from the same refresh' });
  });

  it('weights by start value; idle coins dilute the yield', () => {
    const usd = { value: 300_000_000_000n, decimals: 8 };
    const staked = { amount: 10n * E18, decimals: 18, nav0: { value: 12n * 10n ** 17n, decimals: 18 }, nav1: { value: 1_203n * 10n ** 15n, decimals: 18 }, usd0: usd };
    const idle = { amount: 12n * E18, decimals: 18, nav0: { value: 1n, decimals: 0 }, nav1: { value: 1n, decimals: 0 }, usd0: usd };
    const alone = portfolioRateYield([staked], 30 * DAY).figure;
    const mixed = portfolioRateYield([staked, idle], 30 * DAY).figure;
    expect(alone).toEqual({ ok: true, value: annualizedYield(1_200n, 1_203n, 30 * DAY) });
    expect(mixed).toEqual({ ok: true, value: annualizedYield(2_400n, 2_403n, 30 * DAY) });
    expect(portfolioRateYield([], DAY).figure.ok).toBe(false);
  });

  it('sums known effects and counts the missing ones', () => {
    expect(sumEffects([{ ok: true, cents: 5n }, { ok: false, reason: 'x' }, { ok: true, cents: -7n }])).toEqual({ cents: -2n, missing: 1 });
  });
});
