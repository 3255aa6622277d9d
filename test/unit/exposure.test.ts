/** Exposure graph math: per-set slashable amounts, no double counting, pro-rata, correlation, stress. */
import { describe, expect, it } from 'vitest';
import { attributeProRata, concentration, disjointPairs, exposuresOf, sharedExposure, stressLoss, totalsBy, worstCases, WAD, type AllocationLike } from '../../shared/domain/exposure';

const OP1 = '0x00000000000000000000000000000000000000a1';
const OP2 = '0x00000000000000000000000000000000000000a2';
const AVS1 = '0x00000000000000000000000000000000000000b1';
const AVS2 = '0x00000000000000000000000000000000000000b2';
const STETH = '0x00000000000000000000000000000000000000c1';
const ETH = 10n ** 18n;

const allocation = (operator: string, avs: string, setId: number, current: bigint, extra: Partial<AllocationLike> = {}): AllocationLike => ({
  operator, avs, setId, strategy: STETH, currentMagnitude: current, pendingDiff: 0n, effectBlock: 0, maxMagnitude: WAD, slashable: true, ...extra,
});

describe('exposuresOf', () => {
  it('splits a stake across sets by magnitude, never over the stake (sets do not overlap)', () => {
    const rows = exposuresOf([{ positionId: 'p', operator: OP1, strategy: STETH, amount: 10n * ETH + 1n }], [
      allocation(OP1, AVS1, 0, 3n * 10n ** 17n),
      allocation(OP1, AVS2, 7, 6n * 10n ** 17n),
    ]);
    expect(rows.map((row) => row.amount)).toEqual([3_000_000_000_000_000_000n, 6_000_000_000_000_000_000n]); // floored
    expect(rows.reduce((sum, row) => sum + row.amount, 0n)).toBeLessThanOrEqual(10n * ETH + 1n);
  });

  it('scales by max magnitude after a slashing, skips sets no longer slashable, and shows a pending change', () => {
    const rows = exposuresOf([{ positionId: 'p', operator: OP1, strategy: STETH, amount: 9n * ETH }], [
      allocation(OP1, AVS1, 0, 45n * 10n ** 16n, { maxMagnitude: 9n * 10n ** 17n, pendingDiff: -15n * 10n ** 16n, effectBlock: 123 }),
      allocation(OP1, AVS2, 1, 4n * 10n ** 17n, { slashable: false }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amount: 45n * 10n ** 17n, pendingAmount: 3n * ETH, effectBlock: 123 });
  });

  it('ignores other operators and strategies', () => {
    expect(exposuresOf([{ positionId: 'p', operator: OP2, strategy: STETH, amount: ETH }], [allocation(OP1, AVS1, 0, WAD)])).toEqual([]);
  });
});

describe('look-through, correlation and stress', () => {
  const protocol = [
    { operator: OP1, strategy: STETH, amount: 1_000n * ETH },
    { operator: OP2, strategy: STETH, amount: 500n * ETH },
  ];
  const allocations = [allocation(OP1, AVS1, 0, WAD / 2n), allocation(OP2, AVS1, 0, WAD / 5n), allocation(OP2, AVS2, 3, WAD / 2n)];

  it('attributes pro rata to the holder, floored, never more than the protocol has', () => {
    const stakes = attributeProRata(protocol, 'lrt', 3n * ETH, 1_500n * ETH);
    expect(stakes.map((stake) => stake.amount)).toEqual([2n * ETH, ETH]);
    expect(attributeProRata(protocol, 'x', 2_000n * ETH, 1_500n * ETH)[0]!.amount).toBe(1_000n * ETH);
    expect(attributeProRata(protocol, 'x', 1n, 0n)).toEqual([]);
  });

  it('builds the shared-exposure matrix, disjoint pairs and concentration', () => {
    const exposures = [
      ...exposuresOf(attributeProRata(protocol, 'lrt', 3n * ETH, 1_500n * ETH), allocations),
      ...exposuresOf([{ positionId: 'native', operator: OP2, strategy: STETH, amount: 4n * ETH }], allocations),
      ...exposuresOf([{ positionId: 'other', operator: '0x00000000000000000000000000000000000000a9', strategy: STETH, amount: ETH }], [allocation('0x00000000000000000000000000000000000000a9', AVS2, 9, WAD)]),
    ];
    // lrt: AVS1/0 = 1 + 0.2 = 1.2 ETH, AVS2/3 = 0.5 ETH; native: AVS1/0 0.8, AVS2/3 2.0
    expect(totalsBy(exposures, 'set').get(`${AVS1}:0`)).toBe(2n * ETH);
    const matrix = sharedExposure(exposures, ['lrt', 'native', 'other']);
    expect(matrix[0]).toEqual([1, 1, 0]);
    expect(matrix[2]).toEqual([0, 0, 1]);
    expect(disjointPairs(exposures, ['lrt', 'native', 'other'])).toEqual([['lrt', 'other'], ['native', 'other']]);
    const result = concentration(exposures, 20n * ETH);
    expect(result.largestAvs).toEqual({ key: AVS2, amount: 35n * 10n ** 17n, share: 0.175 });
    expect(result.hhiAvs).toBe(Math.round((2 / 5.5) ** 2 * 1e4 + (3.5 / 5.5) ** 2 * 1e4));
  });

  it('computes a stress loss per position and lists the worst cases', () => {
    const exposures = exposuresOf([{ positionId: 'native', operator: OP2, strategy: STETH, amount: 4n * ETH + 3n }], allocations);
    expect(stressLoss(exposures, { kind: 'avs', target: AVS2, bps: 2_500 }).get('native')).toBe(500_000_000_000_000_000n);
    expect(stressLoss(exposures, { kind: 'operator', target: OP2, bps: 10_000 }).get('native')).toBe(2_800_000_000_000_000_001n);
    expect(worstCases(exposures)[0]).toEqual({ kind: 'avs', target: AVS2, loss: 2_000_000_000_000_000_001n });
    expect(() => stressLoss(exposures, { kind: 'avs', target: AVS2, bps: 10_001 })).toThrow(RangeError);
  });
});
