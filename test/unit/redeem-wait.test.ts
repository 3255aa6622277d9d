import { describe, expect, it } from 'vitest';
import { formatWait, redeemWait, type ParamRead, type RedeemWaitInput } from '../../shared/domain/redeem-wait';
import { exitRouteOf, type ExitRoute } from '../../shared/registry/exit-routes';

const DAY = 86_400;
const ETH = 10n ** 18n;
const now = { block: 1_000_000n, timestamp: 1_800_000_000 };
const route = (symbol: string): ExitRoute => {
  const found = exitRouteOf(symbol);
  if (!found) throw new Error(`no route ${symbol}`);
  return found;
};
const ok = (value: bigint | boolean): ParamRead => ({ ok: true, value });
const failed: ParamRead = { ok: false, error: 'Call reverted' };
const wait = (symbol: string, params: Record<string, ParamRead>, extra: Partial<RedeemWaitInput> = {}) => redeemWait({ route: route(symbol), params, now, ...extra });

describe('redeemWait: delays read from chain', () => {
  it('EigenLayer: delay blocks × 12 s, claimable once block.number > start + delay', () => {
    const fresh = wait('EigenLayer', { minWithdrawalDelayBlocks: ok(100_800n) });
    expect(fresh).toMatchObject({ minSeconds: (100_800 + 1) * 12, maxSeconds: (100_800 + 1) * 12, basis: 'chain' });
    expect(fresh.source).toMatch(/DelegationManager\.sol L1053 @f84a515/);
    // Queued 100 blocks ago: 100 801 − 100 blocks left.
    const queued = wait('EigenLayer', { minWithdrawalDelayBlocks: ok(100_800n) }, { requestedAt: { block: now.block - 100n, timestamp: 0 } });
    expect(queued.minSeconds).toBe((100_801 - 100) * 12);
    expect(queued.text).toMatch(/left/);
    const done = wait('EigenLayer', { minWithdrawalDelayBlocks: ok(100_800n) }, { requestedAt: { block: now.block - 200_000n, timestamp: 0 } });
    expect(done).toMatchObject({ minSeconds: 0, maxSeconds: 0, basis: 'chain' });
  });

  it('Renzo: coolDownPeriod seconds, a lower bound up to the documented maximum', () => {
    const covered = wait('ezETH', { coolDownPeriod: ok(BigInt(7 * DAY)), availableETH: ok(100n * ETH) }, { amount: 5n * ETH });
    expect(covered).toMatchObject({ minSeconds: 7 * DAY, maxSeconds: 15 * DAY, basis: 'chain' });
    expect(covered.text).toMatch(/^7 days \(coolDownPeriod = 604800 seconds\); a lower bound; documented up to 15 days$/);
    const short = wait('ezETH', { coolDownPeriod: ok(BigInt(3 * DAY)), availableETH: ok(ETH) }, { amount: 5n * ETH });
    expect(short).toMatchObject({ minSeconds: 3 * DAY, maxSeconds: 15 * DAY, basis: 'chain' });
    expect(short.text).toMatch(/availableETH \(1000000000000000000 wei\) is below the amount/);
    const started = wait('ezETH', { coolDownPeriod: ok(BigInt(7 * DAY)) }, { requestedAt: { block: 0n, timestamp: now.timestamp - 2 * DAY } });
    expect(started.minSeconds).toBe(5 * DAY);
  });

  it('Kelp: withdrawalDelayBlocks × 12 s, up to the documented 21 days', () => {
    expect(wait('rsETH', { withdrawalDelayBlocks: ok(57_600n) })).toMatchObject({ minSeconds: 8 * DAY, maxSeconds: 21 * DAY, basis: 'chain' });
  });

  it('Mantle and Stader: a lower bound with no documented maximum', () => {
    const mantle = wait('mETH', { blocksToFinalize: ok(7_200n) });
    expect(mantle).toMatchObject({ minSeconds: DAY, maxSeconds: null, basis: 'chain' });
    expect(mantle.text).toMatch(/no documented maximum/);
    expect(wait('ETHx', { minBlockDelay: ok(600n) })).toMatchObject({ minSeconds: 7_200, maxSeconds: null, basis: 'chain' });
  });

  it('falls back to the documented wait when the delay read failed, and to unknown without one', () => {
    const kelp = wait('rsETH', { withdrawalDelayBlocks: failed });
    expect(kelp).toMatchObject({ minSeconds: 15 * DAY, maxSeconds: 21 * DAY, basis: 'documented' });
    expect(kelp.text).toMatch(/^withdrawalDelayBlocks not read: Call reverted; documented/);
    expect(kelp.source).toBe('https://kerneldao.gitbook.io/kernel/getting-started/kelp/restaking-guide');
    expect(wait('mETH', {})).toMatchObject({ minSeconds: null, maxSeconds: null, basis: 'unknown', text: 'blocksToFinalize not read; no documented wait found' });
  });
});

describe('redeemWait: buffers', () => {
  it('Rocket Pool: instant when collateral covers the amount, else not instantly redeemable', () => {
    expect(wait('rETH', { totalCollateral: ok(10n * ETH) }, { amount: 10n * ETH })).toMatchObject({ minSeconds: 0, maxSeconds: 0, basis: 'chain' });
    const short = wait('rETH', { totalCollateral: ok(ETH) }, { amount: 2n * ETH });
    expect(short).toMatchObject({ minSeconds: null, maxSeconds: null, basis: 'chain', text: 'not instantly redeemable: totalCollateral 1000000000000000000 wei < 2000000000000000000 wei' });
    expect(wait('rETH', { totalCollateral: ok(ETH) }).text).toBe('instant up to 1000000000000000000 wei (totalCollateral)');
    expect(wait('rETH', { totalCollateral: failed })).toMatchObject({ basis: 'unknown', text: 'totalCollateral not read: Call reverted' });
  });

  it('ether.fi: instant while the redemption manager covers it, else the documented queue', () => {
    expect(wait('eETH', { instantRedeemable: ok(50n * ETH) }, { amount: ETH })).toMatchObject({ minSeconds: 0, maxSeconds: 0, basis: 'chain' });
    const queued = wait('weETH', { instantRedeemable: ok(0n) }, { amount: ETH });
    expect(queued).toMatchObject({ minSeconds: null, maxSeconds: 7 * DAY, basis: 'documented' });
    expect(queued.text).toMatch(/^not instant \(instantRedeemable 0 wei < 1000000000000000000 wei\), so through the queue; documented/);
  });
});

describe('redeemWait: documented and unknown routes', () => {
  it('Lido (and wstETH through it): the documented 1-5 days', () => {
    for (const symbol of ['stETH', 'wstETH']) {
      expect(wait(symbol, { unfinalizedStETH: ok(ETH) })).toMatchObject({ minSeconds: DAY, maxSeconds: 5 * DAY, basis: 'documented', source: 'https://help.lido.fi/en/articles/7858292-faq-ethereum-withdrawals' });
    }
  });

  it('says unknown for routes nobody documents', () => {
    for (const symbol of ['cbETH', 'uniBTC', 'SolvBTC', 'rswETH', 'swETH']) {
      expect(wait(symbol, {}), symbol).toMatchObject({ minSeconds: null, maxSeconds: null, basis: 'unknown', text: 'no documented wait found' });
    }
  });

  it('formats durations', () => {
    expect([0, DAY, 14 * DAY, 36 * 3600, 7_200].map(formatWait)).toEqual(['instant', '1 day', '14 days', '1.5 days', '2.0 hours']);
  });
});
