import { describe, expect, it } from 'vitest';
import { screenBalance, screenRates, type ScreenableRate } from '../../shared/domain/sanity-screen';
import { checkBalance, isSanityReason } from '../../shared/domain/sanity';
import { navOf, usdOf, type RateBook } from '../../shared/domain/position-valuation';
import { mainnetToken } from '../../shared/registry/evm-tokens';

const E18 = 10n ** 18n;
const NOW = 1_790_000_000;
const rate = (key: string, value: bigint | null, decimals = 18): ScreenableRate & { source: string; updatedAt: number | null } => ({
  key,
  value: value === null ? null : value.toString(),
  decimals,
  error: value === null ? 'Call reverted' : null,
  source: `source of ${key}`,
  updatedAt: NOW,
});
const byKey = (rates: readonly ScreenableRate[]) => new Map(rates.map((item) => [item.key, item]));

describe('screenRates', () => {
  it('keeps good rates as they are, clears absurd ones with the reason and the raw value read', () => {
    const input = [
      rate('nav:wstETH', 1_200_000_000_000_000_000n),
      rate('nav:rETH', 0n),
      rate('nav:weETH', 1_070n * E18),
      rate('market:rETH', 1_100_000_000_000_000_000n),
      rate('market:weETH', 1_060_000_000_000_000_000n),
      rate('market:stETH', 2n * E18),
      rate('usd:ETH', 3_000n * 10n ** 8n, 8),
      rate('usd:BTC', null, 8),
      rate('claimed:0xabc:EIGEN', 10n ** 40n),
    ];
    const out = byKey(screenRates(input, { now: NOW }));
    expect(out.get('nav:wstETH')).toEqual(input[0]);
    expect(out.get('nav:rETH')).toMatchObject({ value: null, error: expect.stringMatching(/NAV is zero .*\(raw value read: 0, 18 decimals\)$/) });
    expect(out.get('nav:weETH')).toMatchObject({ value: null, error: expect.stringContaining('NAV 1070 ETH per token is outside [0.5, 2]') });
    // rETH's NAV was rejected: its market falls back to the market bounds and passes.
    expect(out.get('market:rETH')).toEqual(input[3]);
    // weETH's NAV was rejected too; its market alone is plausible.
    expect(out.get('market:weETH')).toEqual(input[4]);
    // stETH is at par by design: a market of 2 ETH is a 100 % premium.
    expect(out.get('market:stETH')).toMatchObject({ value: null, error: expect.stringContaining('more than 50 % away from the NAV 1') });
    expect(out.get('usd:ETH')).toEqual(input[6]);
    expect(out.get('usd:BTC')).toEqual(input[7]);
    expect(out.get('claimed:0xabc:EIGEN')).toEqual(input[8]);
    for (const item of out.values()) if (item.error && item.error !== 'Call reverted') expect(isSanityReason(item.error)).toBe(true);
  });

  it('judges a market price against the NAV that passed', () => {
    const out = byKey(screenRates([rate('nav:rETH', 1_100_000_000_000_000_000n), rate('market:rETH', 1_700_000_000_000_000_000n)], { now: NOW }));
    expect(out.get('market:rETH')?.error).toMatch(/market price 1\.7 is more than 50 % away from the NAV 1\.1/);
  });

  it('compares USD prices and NAVs with the previous good value of the key', () => {
    const previous = (key: string) =>
      key === 'usd:ETH' ? { rate: { value: 3_000n * 10n ** 8n, decimals: 8 }, time: NOW - 3_600 } : key === 'nav:wstETH' ? { rate: { value: E18, decimals: 18 }, time: NOW - 86_400 } : null;
    const out = byKey(screenRates([rate('usd:ETH', 300_000n * 10n ** 8n, 8), rate('nav:wstETH', 1_200_000_000_000_000_000n), rate('usd:SOL', 150n * 10n ** 8n, 8)], { now: NOW, previous }));
    expect(out.get('usd:ETH')?.error).toMatch(/ETH\/USD 300000 is more than 10× above the 3000 stored 1 h before/);
    expect(out.get('nav:wstETH')?.error).toMatch(/NAV 1\.2 is more than 5 % above the 1 read 1 d before/);
    expect(out.get('usd:SOL')?.value).toBe((150n * 10n ** 8n).toString());
  });

  it('names a Solana NAV in SOL', () => {
    const [out] = screenRates([rate('nav:JitoSOL', 3n * E18)], { now: NOW, defaultUnit: 'SOL' });
    expect(out!.error).toContain('NAV 3 SOL per token');
  });

  it('what is stored suspect reads back as missing with the reason', () => {
    const [nav, usd] = screenRates([rate('nav:wstETH', 0n), rate('usd:ETH', 0n, 8)], { now: NOW });
    const book: RateBook = { rates: new Map([nav!, usd!].map((item) => [item.key, { ...item, updatedAt: NOW, source: 'test' }])), asOf: NOW, usdHeartbeats: new Map([['ETH', 3_600]]) };
    const navFigure = navOf(mainnetToken('wstETH')!, book);
    expect(navFigure.ok === false && isSanityReason(navFigure.reason)).toBe(true);
    const usdFigure = usdOf('ETH', book);
    expect(usdFigure.ok === false && isSanityReason(usdFigure.reason)).toBe(true);
  });
});

describe('screenBalance', () => {
  it('turns an impossible amount into the position\'s error, keeps failed and good rows', () => {
    const check = (raw: bigint) => checkBalance(raw, 100n);
    expect(screenBalance({ rawAmount: 100n, error: null }, check)).toEqual({ rawAmount: 100n, error: null });
    expect(screenBalance({ rawAmount: null, error: 'Call reverted' }, check)).toEqual({ rawAmount: null, error: 'Call reverted' });
    const failed = screenBalance({ rawAmount: 101n, error: null, symbol: 'X' }, check);
    expect(failed).toMatchObject({ rawAmount: null, symbol: 'X', error: expect.stringContaining('above the token\'s total supply 100') });
    expect(isSanityReason(failed.error)).toBe(true);
  });
});
