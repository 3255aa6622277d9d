/**
 * Slashing exposure through the production refresh on anvil: the AllocationManager, Renzo's
 * and Kelp's staker lists (real signatures, registry addresses) and the stakers' EigenLayer
 * state are mocks at the real addresses. Three operators: A allocates stETH to two AVSs, B
 * was slashed before (max magnitude 0.9) and has a pending deallocation, C's set is no
 * longer slashable. Expected amounts are computed here with bigint from the inputs.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExposureReport } from '../../shared/ipc/exposure-schemas';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { mainnetToken } from '../../shared/registry/evm-tokens';
import { LRT_PROTOCOLS } from '../../shared/registry/lrt-protocols';
import { USD_FEEDS } from '../../shared/registry/price-feeds';
import { emitOperatorSlashed, installLrtStakerLists, installStrategy, setAllocation, setEigenDeposits, setMaxMagnitude, setOperator, setPod, setWithdrawable } from '../support/eigen-fixture';
import { allBlockTimes, installAggregator, setAggregatorRound, setTokenBalance } from '../support/evm-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { installNavSource, setNavRate } from '../support/nav-fixture';
import { openTempApp, type TempApp } from '../support/temp-app';

const E18 = 10n ** 18n;
const USER = getAddress('0x5e7e000000000000000000000000000000000001');
const OTHER = getAddress('0x5e7e000000000000000000000000000000000002');
const [OP_A, OP_B, OP_C] = ['0x0a0a', '0x0b0b', '0x0c0c'].map((tail) => getAddress(`0x${tail.slice(2).padStart(40, '0')}`)) as [`0x${string}`, `0x${string}`, `0x${string}`];
const [AVS1, AVS2, AVS3] = ['0xa1', '0xa2', '0xa3'].map((tail) => getAddress(`0x${'0'.repeat(38)}${tail.slice(2)}`)) as [`0x${string}`, `0x${string}`, `0x${string}`];
const [OD1, OD2, ND1, ND2] = ['01', '02', '03', '04'].map((tail) => getAddress(`0x5a4e${'0'.repeat(34)}${tail}`)) as [`0x${string}`, `0x${string}`, `0x${string}`, `0x${string}`];
// stETH strategy proxy: Layr-Labs/eigenlayer-contracts README @f84a515 ("StrategyBase (stETH)").
const STETH_STRATEGY = '0x93c4b944D05dfe6df7645A86cd2206016c51564D' as const;
const BEACON = EIGENLAYER.beaconChainEthStrategy as `0x${string}`;
const STETH = mainnetToken('stETH')!.address;
const renzo = LRT_PROTOCOLS.find((item) => item.protocol === 'Renzo')!.discovery as { contract: `0x${string}` };
const kelp = LRT_PROTOCOLS.find((item) => item.protocol === 'Kelp DAO')!.discovery as { contract: `0x${string}` };
const set = (avs: `0x${string}`, id: number) => ({ avs, id });

let nodes: EvmNodes;
let app: TempApp;
let report: ExposureReport;

beforeAll(async () => {
  nodes = await startEvmChains();
  const node = nodes.ethereum;
  const now = (await allBlockTimes(node)).at(-1)!;
  await installStrategy(node, STETH_STRATEGY, STETH, 1n, 1n);
  for (const feed of USD_FEEDS) {
    await installAggregator(node, feed.feed);
    await setAggregatorRound(node, feed.feed, feed.decimals, 3_000n * 10n ** BigInt(feed.decimals), now);
  }
  for (const symbol of ['ezETH', 'rsETH']) {
    const token = mainnetToken(symbol)!;
    await installNavSource(node, token);
    await setNavRate(node, token, E18, now);
  }
  // The user: 10 stETH restaked natively with A; 1 % of ezETH, 10 % of rsETH.
  await setEigenDeposits(node, USER, [{ strategy: STETH_STRATEGY, depositShares: 10n * E18, withdrawableShares: 10n * E18 }]);
  await setOperator(node, USER, OP_A);
  await setTokenBalance(node, mainnetToken('ezETH')!.address, USER, 20n * E18);
  await setTokenBalance(node, mainnetToken('ezETH')!.address, OTHER, 1_980n * E18);
  await setTokenBalance(node, mainnetToken('rsETH')!.address, USER, 100n * E18);
  await setTokenBalance(node, mainnetToken('rsETH')!.address, OTHER, 900n * E18);
  // Renzo: OD1 1,000 stETH with A, OD2 an EigenPod of 500 ETH with B. Kelp: ND1 300 stETH with B, ND2 200 stETH with C.
  await installLrtStakerLists(node, { contract: renzo.contract, stakers: [OD1, OD2] }, { contract: kelp.contract, stakers: [ND1, ND2] });
  await setEigenDeposits(node, OD1, [{ strategy: STETH_STRATEGY, depositShares: 1_000n * E18, withdrawableShares: 1_000n * E18 }]);
  await setOperator(node, OD1, OP_A);
  await setPod(node, OD2, getAddress('0x5a4e000000000000000000000000000000000f02'), 500n * E18, E18);
  await setWithdrawable(node, OD2, BEACON, 500n * E18, 500n * E18);
  await setOperator(node, OD2, OP_B);
  await setEigenDeposits(node, ND1, [{ strategy: STETH_STRATEGY, depositShares: 300n * E18, withdrawableShares: 300n * E18 }]);
  await setOperator(node, ND1, OP_B);
  await setEigenDeposits(node, ND2, [{ strategy: STETH_STRATEGY, depositShares: 200n * E18, withdrawableShares: 200n * E18 }]);
  await setOperator(node, ND2, OP_C);
  // Allocations.
  await setAllocation(node, OP_A, set(AVS1, 0), STETH_STRATEGY, 3n * 10n ** 17n);
  await setAllocation(node, OP_A, set(AVS2, 1), STETH_STRATEGY, 5n * 10n ** 17n);
  await setAllocation(node, OP_B, set(AVS1, 0), BEACON, 4n * 10n ** 17n, { pendingDiff: -1n * 10n ** 17n, effectBlock: 999_999 });
  await setMaxMagnitude(node, OP_B, BEACON, 9n * 10n ** 17n);
  await setAllocation(node, OP_B, set(AVS3, 5), STETH_STRATEGY, 2n * 10n ** 17n);
  await setAllocation(node, OP_C, set(AVS3, 2), STETH_STRATEGY, 10n ** 18n, { slashable: false });
  await emitOperatorSlashed(node, OP_B, set(AVS1, 0), [BEACON], [10n ** 17n], 'missed attestations');

  app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
  await app.services.wallets.add(USER);
  const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
  if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
  report = app.services.exposure.get();
}, 120_000);
afterAll(async () => {
  app?.close();
  await stopEvmChains(nodes);
});

const NATIVE = `el:1:${STETH_STRATEGY.toLowerCase()}`;
const EZETH = `token:1:ethereum:${mainnetToken('ezETH')!.address.toLowerCase()}`;
const RSETH = `token:1:ethereum:${mainnetToken('rsETH')!.address.toLowerCase()}`;
/** A position's exposure rows as [avs, set, strategy, amount], in a fixed order. */
const amounts = (positionId: string) =>
  report.exposures
    .filter((row) => row.positionId === positionId)
    .map((row) => [row.avs, row.setId, row.strategy.toLowerCase(), row.amount])
    .sort((a, b) => `${a[2]}${a[0]}`.localeCompare(`${b[2]}${b[0]}`));

describe('exposure look-through', () => {
  it('gives the native position its operator\'s sets: stake × magnitude / max magnitude', () => {
    expect(amounts(NATIVE)).toEqual([
      [AVS1, 0, STETH_STRATEGY.toLowerCase(), ((10n * E18 * 3n) / 10n).toString()],
      [AVS2, 1, STETH_STRATEGY.toLowerCase(), ((10n * E18 * 5n) / 10n).toString()],
    ]);
  });

  it('attributes 1 % of Renzo\'s stakes to the ezETH holder, with the already-slashed operator scaled by its max magnitude', () => {
    const share = (amount: bigint) => (amount * 20n * E18) / (2_000n * E18);
    expect(amounts(EZETH)).toEqual([
      [AVS1, 0, STETH_STRATEGY.toLowerCase(), ((share(1_000n * E18) * 3n * 10n ** 17n) / E18).toString()],
      [AVS2, 1, STETH_STRATEGY.toLowerCase(), ((share(1_000n * E18) * 5n * 10n ** 17n) / E18).toString()],
      [AVS1, 0, BEACON.toLowerCase(), ((share(500n * E18) * 4n * 10n ** 17n) / (9n * 10n ** 17n)).toString()],
    ].sort((a, b) => `${a[2]}${a[0]}`.localeCompare(`${b[2]}${b[0]}`)));
    const pending = report.exposures.find((row) => row.positionId === EZETH && row.strategy.toLowerCase() === BEACON.toLowerCase())!;
    expect(pending).toMatchObject({ pendingAmount: ((share(500n * E18) * 3n * 10n ** 17n) / (9n * 10n ** 17n)).toString(), effectBlock: 999_999 });
    expect(report.positions.find((position) => position.id === EZETH)!.note).toMatch(/^Renzo: 75\.00 % of its backing is restaked through 2 staker contract\(s\)/);
  });

  it('leaves a set that is no longer slashable out (Kelp via C) and keeps B\'s stETH set', () => {
    expect(amounts(RSETH)).toEqual([[AVS3, 5, STETH_STRATEGY.toLowerCase(), ((30n * E18 * 2n) / 10n).toString()]]);
    expect(report.positions.find((position) => position.id === RSETH)).toMatchObject({ restaked: (50n * E18).toString(), slashable: (6n * E18).toString() });
  });

  it('builds the shared-exposure matrix and the pairs with no common operator', () => {
    const index = (id: string) => report.matrix.ids.indexOf(id);
    expect(report.matrix.shared[index(NATIVE)]![index(EZETH)]).toBe(1);
    expect(report.matrix.shared[index(NATIVE)]![index(RSETH)]).toBe(0);
    expect(report.matrix.shared[index(EZETH)]![index(NATIVE)]).toBe(1);
    expect(report.disjointPairs).toContainEqual([NATIVE, RSETH]);
    expect(report.disjointPairs).not.toContainEqual([EZETH, RSETH]); // both through B
  });

  it('totals per AVS and operator, finds B slashed before, and raises the OperatorSlashed alert', () => {
    const avs1 = 3n * E18 + 3n * E18 + (5n * E18 * 4n) / 9n;
    expect(report.byAvs.find((total) => total.key.toLowerCase() === AVS1.toLowerCase())!.amount).toBe(avs1.toString());
    expect(report.concentration.largestAvs?.key.toLowerCase()).toBe(AVS2.toLowerCase()); // 5 + 5 ETH
    expect(report.slashedBefore).toEqual([{ operator: OP_B, strategy: BEACON, maxMagnitude: (9n * 10n ** 17n).toString() }]);
    const alert = report.alerts.find((item) => item.kind === 'slashed')!;
    expect(alert).toMatchObject({ operator: OP_B, avs: AVS1, setId: 0, strategies: [BEACON], amounts: [(10n ** 17n).toString()], description: 'missed attestations' });
    expect(report.scan?.error).toBeNull();
  });

  it('stresses "AVS1 slashed 50 %" per position, and saves the scenario', () => {
    const result = app.services.exposure.stress({ kind: 'avs', target: AVS1, bps: 5_000 });
    const loss = (id: string) => result.losses.find((item) => item.positionId === id)?.amount;
    expect(loss(NATIVE)).toBe((15n * 10n ** 17n).toString());
    expect(loss(EZETH)).toBe(((3n * E18) / 2n + (5n * E18 * 4n) / 9n / 2n).toString());
    expect(loss(RSETH)).toBeUndefined();
    expect(result.totalUsdCents).toBe(((BigInt(result.total) * 3_000n * 100n) / E18).toString());
    expect(app.services.exposure.saveScenario({ kind: 'avs', target: AVS1, bps: 5_000 })).toHaveLength(1);
    expect(app.services.exposure.get().scenarios).toEqual([{ kind: 'avs', target: AVS1, bps: 5_000 }]);
  });
});
