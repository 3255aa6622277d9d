import { describe, expect, it } from 'vitest';
import { canBeSlashed, lockTimes, parseRate, slashedSat } from '../../shared/domain/bitcoin/babylon-delegation';

describe('Babylon delegation arithmetic', () => {
  it('reads the API\'s 18-decimal rate strings exactly and refuses anything else', () => {
    expect(parseRate('0.100000000000000000')).toBe(10n ** 17n);
    expect(parseRate('0.05')).toBe(5n * 10n ** 16n);
    expect(parseRate('1')).toBe(10n ** 18n);
    for (const bad of ['0.1e1', '-0.1', '1.5', '0.0000000000000000001', '', '.5']) expect(() => parseRate(bad)).toThrow();
  });

  it('rounds what a slashing takes up, to the satoshi (the worst case)', () => {
    expect(slashedSat(30_000_400_000n, '0.100000000000000000')).toBe(3_000_040_000n);
    expect(slashedSat(4_994_181n, '0.100000000000000000')).toBe(499_419n); // 499 418.1 → up
    expect(slashedSat(1n, '0.000000000000000001')).toBe(1n);
    expect(slashedSat(0n, '0.1')).toBe(0n);
  });

  it('counts a stake as slashable from VERIFIED until withdrawn, never twice and never unregistered', () => {
    expect(canBeSlashed({ state: 'PENDING', phase: 'pending', slashed: false })).toBe(false);
    expect(canBeSlashed({ state: 'VERIFIED', phase: 'pending', slashed: false })).toBe(true);
    expect(canBeSlashed({ state: 'ACTIVE', phase: 'active', slashed: false })).toBe(true);
    expect(canBeSlashed({ state: 'TIMELOCK_WITHDRAWABLE', phase: 'withdrawable', slashed: false })).toBe(true);
    expect(canBeSlashed({ state: 'SLASHED', phase: 'unbonding', slashed: true })).toBe(false);
    expect(canBeSlashed({ state: 'TIMELOCK_WITHDRAWN', phase: 'withdrawn', slashed: false })).toBe(false);
    expect(canBeSlashed({ state: 'BITCOIN_ONLY', phase: 'unknown', slashed: false })).toBe(false);
  });

  it('gives the blocks left of each lock at the tip', () => {
    const base = { slashed: false, startHeight: 864_790, endHeight: 928_790, unbondingTimeBlocks: 1008 };
    expect(lockTimes({ ...base, state: 'ACTIVE', phase: 'active' }, 900_000)).toEqual({ stakingBlocksLeft: 28_790, unbondingBlocks: 1008 });
    expect(lockTimes({ ...base, state: 'ACTIVE', phase: 'active' }, 930_000)).toEqual({ stakingBlocksLeft: 0, unbondingBlocks: 1008 });
    expect(lockTimes({ ...base, state: 'TIMELOCK_UNBONDING', phase: 'unbonding' }, 928_000)).toEqual({ stakingBlocksLeft: null, unbondingBlocks: 790 });
    expect(lockTimes({ ...base, state: 'EARLY_UNBONDING', phase: 'unbonding' }, 900_000)).toEqual({ stakingBlocksLeft: null, unbondingBlocks: 1008 });
    expect(lockTimes({ ...base, state: 'PENDING', phase: 'pending', startHeight: null, endHeight: null }, 900_000)).toEqual({ stakingBlocksLeft: null, unbondingBlocks: 1008 });
    expect(lockTimes({ ...base, state: 'TIMELOCK_WITHDRAWN', phase: 'withdrawn' }, 900_000)).toEqual({ stakingBlocksLeft: null, unbondingBlocks: null });
  });
});
