import { describe, expect, it } from 'vitest';
import {
  checkBalance,
  checkMarket,
  checkNativeBalance,
  checkNav,
  checkNavRise,
  checkPremium,
  checkPriceJump,
  checkUsdPrice,
  compareFixed,
  isSanityReason,
  MAX_BALANCE,
  NATIVE_MAX,
  SANITY_PREFIX,
  type SanityCheck,
} from '../../shared/domain/sanity';
import type { Fixed } from '../../shared/domain/valuation';

const E18 = 10n ** 18n;
const DAY = 86_400;
/** A decimal string as an 18-decimal Fixed (or `decimals`). */
const f = (text: string, decimals = 18): Fixed => {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole!) * 10n ** BigInt(decimals) + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
  return { value: text.startsWith('-') ? -value : value, decimals };
};
const ok = (check: SanityCheck) => expect(check).toEqual({ ok: true });
const bad = (check: SanityCheck, pattern: RegExp) => {
  expect(check.ok).toBe(false);
  if (!check.ok) {
    expect(isSanityReason(check.reason)).toBe(true);
    expect(check.reason.slice(SANITY_PREFIX.length)).toMatch(pattern);
  }
};

describe('compareFixed', () => {
  it('compares across scales exactly', () => {
    expect(compareFixed({ value: 5n, decimals: 1 }, { value: 500_000n, decimals: 6 })).toBe(0);
    expect(compareFixed({ value: 5n, decimals: 1 }, { value: 500_001n, decimals: 6 })).toBe(-1);
    expect(compareFixed({ value: 2n, decimals: 0 }, { value: 1_999_999_999_999_999_999n, decimals: 18 })).toBe(1);
  });
});

describe('NAV bounds [0.5, 2]', () => {
  it('accepts the edges and everything between, in any decimals', () => {
    ok(checkNav(f('0.5'), 'ETH'));
    ok(checkNav(f('2'), 'ETH'));
    ok(checkNav(f('1.2'), 'ETH'));
    ok(checkNav(f('1.000001', 6), 'BTC'));
    ok(checkNav({ value: 5n, decimals: 1 }, 'SOL'));
  });
  it('rejects zero, negative, just below 0.5 and just above 2', () => {
    bad(checkNav(f('0'), 'ETH'), /^NAV is zero/);
    bad(checkNav(f('-1'), 'ETH'), /^NAV is negative/);
    bad(checkNav({ value: 5n * 10n ** 17n - 1n, decimals: 18 }, 'ETH'), /^NAV 0\.499999 ETH per token is outside \[0\.5, 2\]/);
    bad(checkNav({ value: 2n * E18 + 1n, decimals: 18 }, 'SOL'), /outside \[0\.5, 2\]/);
    bad(checkNav(f('1000'), 'ETH'), /^NAV 1000 ETH per token/);
    bad(checkNav({ value: 2n ** 256n - 1n, decimals: 18 }, 'ETH'), /outside/);
  });
});

describe('NAV rise: at most 5 % above the previous good NAV within 30 days', () => {
  const now = 1_790_000_000;
  const previous = (text: string, ago: number) => ({ rate: f(text), time: now - ago });
  it('accepts no previous, a fall (slashing is real), exactly +5 %, and any rise after 30 days', () => {
    ok(checkNavRise(f('1.2'), null, now));
    ok(checkNavRise(f('0.6'), previous('1.2', DAY), now));
    ok(checkNavRise(f('1.05'), previous('1', DAY), now));
    ok(checkNavRise(f('1.5'), previous('1', 30 * DAY + 1), now));
  });
  it('rejects a rise above 5 % within the window, across decimals', () => {
    bad(checkNavRise({ value: 1_050_000_000_000_000_001n, decimals: 18 }, previous('1', DAY), now), /more than 5 % above the 1 read 1 d before/);
    bad(checkNavRise(f('1.2', 27), previous('1', 30 * DAY), now), /above/);
  });
});

describe('premium bounds: market / NAV within ±50 %', () => {
  it('accepts the edges', () => {
    ok(checkPremium(f('0.6'), f('1.2')));
    ok(checkPremium(f('1.8'), f('1.2')));
    ok(checkPremium(f('1.039', 8), f('1.04321')));
  });
  it('rejects beyond the edges and a zero market', () => {
    bad(checkPremium({ value: 6n * 10n ** 17n - 1n, decimals: 18 }, f('1.2')), /more than 50 % away from the NAV 1\.2/);
    bad(checkPremium({ value: 18n * 10n ** 17n + 1n, decimals: 18 }, f('1.2')), /more than 50 %/);
    bad(checkPremium(f('0'), f('1')), /zero/);
  });
  it('leaves a market without a positive NAV to the market bounds', () => ok(checkPremium(f('1'), f('0'))));
});

describe('market bounds [0.25, 3] without a NAV', () => {
  it('accepts the edges, rejects beyond', () => {
    ok(checkMarket(f('0.25'), 'ETH'));
    ok(checkMarket(f('3'), 'ETH'));
    bad(checkMarket({ value: 25n * 10n ** 16n - 1n, decimals: 18 }, 'ETH'), /outside \[0\.25, 3\]/);
    bad(checkMarket({ value: 3n * E18 + 1n, decimals: 18 }, 'BTC'), /outside/);
    bad(checkMarket(f('-1'), 'ETH'), /negative/);
  });
});

describe('USD bounds', () => {
  const usd = (text: string) => f(text, 8);
  it.each([
    ['ETH', '1', '1000000'],
    ['BTC', '100', '10000000'],
    ['SOL', '0.05', '100000'],
  ] as const)('%s: accepts [%s, %s], rejects one unit beyond either edge', (coin, min, max) => {
    ok(checkUsdPrice(coin, usd(min)));
    ok(checkUsdPrice(coin, usd(max)));
    bad(checkUsdPrice(coin, { value: usd(min).value - 1n, decimals: 8 }), new RegExp(`^${coin}/USD .* is outside`));
    bad(checkUsdPrice(coin, { value: usd(max).value + 1n, decimals: 8 }), /is outside/);
  });
  it('rejects zero and negative answers', () => {
    bad(checkUsdPrice('ETH', usd('0')), /^ETH\/USD is zero/);
    bad(checkUsdPrice('BTC', usd('-5')), /^BTC\/USD is negative/);
  });
});

describe('USD jump: at most 10× either way from the previous good price within 30 days', () => {
  const now = 1_790_000_000;
  const prev = (text: string, ago = 3_600) => ({ rate: f(text, 8), time: now - ago });
  it('accepts exactly 10× and 1/10, no previous, and any jump after 30 days', () => {
    ok(checkPriceJump('ETH', f('30000', 8), prev('3000'), now));
    ok(checkPriceJump('ETH', f('300', 8), prev('3000'), now));
    ok(checkPriceJump('ETH', f('300000', 8), null, now));
    ok(checkPriceJump('ETH', f('300000', 8), prev('3000', 30 * DAY + 1), now));
    ok(checkPriceJump('BTC', f('65000', 18), prev('60000'), now));
  });
  it('rejects a 100× jump and a fall to under a tenth', () => {
    bad(checkPriceJump('ETH', f('300000', 8), prev('3000'), now), /^ETH\/USD 300000 is more than 10× above the 3000 stored 1 h before/);
    bad(checkPriceJump('SOL', { value: 15n * 10n ** 7n - 1n, decimals: 8 }, prev('15'), now), /below/);
    bad(checkPriceJump('ETH', { value: 30_000n * 10n ** 8n + 1n, decimals: 8 }, prev('3000'), now), /above/);
  });
});

describe('balances', () => {
  it('accepts a balance up to the total supply, and zero with a zero supply', () => {
    ok(checkBalance(5n, 5n));
    ok(checkBalance(0n, 0n));
    ok(checkBalance(MAX_BALANCE - 1n, null));
    ok(checkBalance(MAX_BALANCE - 1n, MAX_BALANCE - 1n));
  });
  it('rejects negative, ≥ 2^255, above the supply, and any balance with a zero supply', () => {
    bad(checkBalance(-1n, null), /^negative balance -1/);
    bad(checkBalance(MAX_BALANCE, null), /at least 2\^255/);
    bad(checkBalance(2n ** 256n - 1n, 2n ** 256n - 1n), /at least 2\^255/);
    bad(checkBalance(6n, 5n), /^balance 6 is above the token's total supply 5/);
    bad(checkBalance(1n, 0n), /total supply is zero/);
  });
  it('bounds a native balance by the coin\'s whole supply', () => {
    ok(checkNativeBalance(NATIVE_MAX.ETH, 'ETH'));
    ok(checkNativeBalance(0n, 'BTC'));
    ok(checkNativeBalance(21_000_000n * 10n ** 8n, 'BTC'));
    bad(checkNativeBalance(21_000_000n * 10n ** 8n + 1n, 'BTC'), /above all the BTC/);
    bad(checkNativeBalance(NATIVE_MAX.SOL + 1n, 'SOL'), /above all the SOL/);
    bad(checkNativeBalance(-1n, 'BTC'), /negative/);
  });
});
