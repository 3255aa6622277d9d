/** Yield math: annualization, the base / premium split, value weighting and income. */
import { describe, expect, it } from 'vitest';
import { annualizedYield, blend, measured, notMeasured, projectedIncome, SECONDS_PER_YEAR, simpleAnnualRate, splitYield } from '../../shared/domain/yield';
import { measureWindow, nearestSample, rollingYield, type RateSampleLike } from '../../shared/domain/yield-measure';
import { yieldSourceOf } from '../../shared/domain/yield-source';
import { EVM_TOKENS } from '../../shared/registry/evm-tokens';

const E18 = 10n ** 18n;
const close = (actual: number, expected: number, relative = 1e-12) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);

describe('annualizedYield', () => {
  it('is the growth itself over exactly one year', () => {
    close(annualizedYield(E18, 1_035_000_000_000_000_000n, SECONDS_PER_YEAR), 0.035);
  });

  it('compounds a shorter window: 1 % over 73 days is 1.01^5 − 1 a year', () => {
    close(annualizedYield(2n * E18, 2_020_000_000_000_000_000n, 73 * 86_400), 1.01 ** 5 - 1);
  });

  it('keeps the digits of a tiny growth (1 wei on 1e18 over a day)', () => {
    close(annualizedYield(E18, E18 + 1n, 86_400), 365e-18, 1e-6);
  });

  it('is negative when the rate fell (a slashing or a loss)', () => {
    close(annualizedYield(E18, 990_000_000_000_000_000n, SECONDS_PER_YEAR), -0.01);
  });

  it('refuses a zero rate and an empty window', () => {
    expect(() => annualizedYield(0n, E18, 100)).toThrow(RangeError);
    expect(() => annualizedYield(E18, E18, 0)).toThrow(RangeError);
  });
});

describe('splitYield', () => {
  const reference = measured(0.03);
  it('splits an LRT into the reference base and its premium, which may be negative', () => {
    const parts = splitYield('lrt', measured(0.025), reference, 'wstETH');
    expect(parts.base).toEqual(measured(0.03));
    expect(parts.premium.ok && parts.premium.value).toBeCloseTo(-0.005, 15);
    expect(parts.blended).toEqual(measured(0.025));
  });

  it('gives an LST its own yield as base and no premium', () => {
    expect(splitYield('lst', measured(0.031), reference, 'wstETH')).toEqual({ base: measured(0.031), premium: measured(0), blended: measured(0.031) });
  });

  it('never invents a BTC base, and passes a missing reference on as the reason', () => {
    const btc = splitYield('btc-lst', measured(0.01), reference, 'wstETH');
    expect(btc.base.ok).toBe(false);
    expect(btc.blended).toEqual(measured(0.01));
    const lrt = splitYield('lrt', measured(0.04), notMeasured('not enough history'), 'rETH');
    expect(lrt.premium).toEqual({ ok: false, reason: 'base reference rETH: not enough history' });
  });
});

describe('blend and income', () => {
  it('weights by value, and base + premium add up to blended when every item is split', () => {
    const result = blend([
      { weight: 300n, parts: { base: measured(0.03), premium: measured(0.01), blended: measured(0.04) } },
      { weight: 100n, parts: { base: measured(0.03), premium: measured(-0.002), blended: measured(0.028) } },
      { weight: 50n, parts: { base: notMeasured('x'), premium: notMeasured('x'), blended: notMeasured('x') } },
    ]);
    close(result.blended!, (300 * 0.04 + 100 * 0.028) / 400);
    close(result.base! + result.premium!, result.blended!);
    expect(result.weight).toBe(400n);
    expect(result.excluded).toBe(1);
  });

  it('computes income on integers, negative for a negative yield', () => {
    expect(projectedIncome(10n * E18, 0.0325)).toBe(325_000_000_000_000_000n);
    expect(projectedIncome(12_345n, -0.5)).toBe(-6_172n);
  });

  it('annualizes claimed rewards simply: 0.1 on 32 over 30 days', () => {
    close(simpleAnnualRate(E18 / 10n, 32n * E18, 30 * 86_400), (0.1 / 32) * (365 / 30));
  });
});

const sample = (blockTime: number, value: bigint, origin: 'archive' | 'refresh' = 'refresh', decimals = 18): RateSampleLike => ({
  value,
  decimals,
  blockNumber: BigInt(blockTime),
  blockTime,
  source: 'test',
  origin,
});

describe('measuring windows from samples', () => {
  const day = 86_400;
  it('takes the sample nearest the start within 10 % of the window, preferring an archive read on a tie', () => {
    const list = [sample(0, E18), sample(2 * day, E18, 'refresh'), sample(4 * day, E18, 'archive'), sample(30 * day, E18)];
    expect(nearestSample(list, 3 * day, 3 * day)?.origin).toBe('archive');
    expect(nearestSample(list, 10 * day, 3 * day)).toBeNull();
  });

  it('annualizes over the exact time between the chosen blocks, across decimals', () => {
    const now = sample(100 * day, 1_050_000_000n, 'refresh', 9);
    const result = measureWindow([sample(69 * day, E18, 'archive'), now], now, 30);
    expect(result.seconds).toBe(31 * day);
    close((result.figure as { value: number }).value, 1.05 ** (365 / 31) - 1);
  });

  it('says not enough history, with the archive error, when no sample is near the start', () => {
    const now = sample(100 * day, E18);
    const result = measureWindow([sample(95 * day, E18), now], now, 30, { blockNumber: null, error: 'the RPC has no state' });
    expect(result.figure).toEqual({ ok: false, reason: 'not enough history: no rate sample near 1970-03-12 (the RPC has no state)' });
  });

  it('starts at the archive read of the block in force at the window start, however far back that block is', () => {
    const now = sample(100 * day, 1_010_000_000_000_000_000n);
    const list = [sample(50 * day, E18, 'archive'), sample(69 * day, 1_005_000_000_000_000_000n), now];
    const result = measureWindow(list, now, 30, { blockNumber: BigInt(50 * day), error: null });
    expect(result.from?.origin).toBe('archive');
    expect(result.seconds).toBe(50 * day);
  });

  it('draws a rolling yield only where a start sample exists one window earlier', () => {
    const list = [0, 7, 14, 21].map((d) => sample(d * day, E18 + BigInt(d) * 10n ** 15n));
    const points = rollingYield(list, 7);
    expect(points.map((point) => point.time)).toEqual([7 * day, 14 * day, 21 * day]);
    close(points[0]!.value, 1.007 ** (365 / 7) - 1);
  });
});

describe('yield sources from the registry', () => {
  const token = (symbol: string, chain = 'ethereum') => EVM_TOKENS.find((item) => item.symbol === symbol && item.chain === chain)!;
  it('measures stETH with wstETH, eETH with weETH, and bridged weETH with the mainnet rate', () => {
    expect(yieldSourceOf(token('stETH'))).toMatchObject({ kind: 'lst', rateSymbol: 'wstETH', key: 'nav:wstETH' });
    expect(yieldSourceOf(token('eETH'))).toMatchObject({ kind: 'lrt', rateSymbol: 'weETH' });
    expect(yieldSourceOf(token('weETH', 'arbitrum'))).toMatchObject({ kind: 'lrt', key: 'nav:weETH' });
  });

  it('says why a token without a NAV source cannot be measured, and treats plain ETH as idle', () => {
    expect(yieldSourceOf(token('uniBTC'))).toMatchObject({ key: null, reason: expect.stringContaining('no verified on-chain NAV') });
    expect(yieldSourceOf(null)).toMatchObject({ kind: 'idle', key: null });
  });
});
