/**
 * The exposure scenario on an anvil Ethereum node: the AllocationManager, Renzo's and Kelp's
 * staker lists (real signatures, registry addresses) and the stakers' EigenLayer state are
 * mocks at the real addresses. Three operators: A allocates stETH to two AVSs, B was slashed
 * before (max magnitude 0.9) and has a pending deallocation, C's set is no longer slashable.
 * The user restakes 10 stETH natively with A and holds 1 % of ezETH and 10 % of rsETH.
 */
import { getAddress } from 'viem';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { mainnetToken } from '../../shared/registry/evm-tokens';
import { LRT_PROTOCOLS } from '../../shared/registry/lrt-protocols';
import { USD_FEEDS } from '../../shared/registry/price-feeds';
import type { AnvilNode } from './anvil';
import { emitOperatorSlashed, installLrtStakerLists, installStrategy, setAllocation, setEigenDeposits, setMaxMagnitude, setOperator, setPod, setWithdrawable } from './eigen-fixture';
import { allBlockTimes, installAggregator, setAggregatorRound, setTokenBalance } from './evm-fixture';
import { installNavSource, setNavRate } from './nav-fixture';

export const E18 = 10n ** 18n;
export const USER = getAddress('0x5e7e000000000000000000000000000000000001');
export const OTHER = getAddress('0x5e7e000000000000000000000000000000000002');
export const [OP_A, OP_B, OP_C] = ['0x0a0a', '0x0b0b', '0x0c0c'].map((tail) => getAddress(`0x${tail.slice(2).padStart(40, '0')}`)) as [`0x${string}`, `0x${string}`, `0x${string}`];
export const [AVS1, AVS2, AVS3] = ['0xa1', '0xa2', '0xa3'].map((tail) => getAddress(`0x${'0'.repeat(38)}${tail.slice(2)}`)) as [`0x${string}`, `0x${string}`, `0x${string}`];
export const [OD1, OD2, ND1, ND2] = ['01', '02', '03', '04'].map((tail) => getAddress(`0x5a4e${'0'.repeat(34)}${tail}`)) as [`0x${string}`, `0x${string}`, `0x${string}`, `0x${string}`];
// stETH strategy proxy: Layr-Labs/eigenlayer-contracts README @f84a515 ("StrategyBase (stETH)").
export const STETH_STRATEGY = '0x93c4b944D05dfe6df7645A86cd2206016c51564D' as const;
export const BEACON = EIGENLAYER.beaconChainEthStrategy as `0x${string}`;
export const STETH = mainnetToken('stETH')!.address;
export const renzo = LRT_PROTOCOLS.find((item) => item.protocol === 'Renzo')!.discovery as { contract: `0x${string}` };
export const kelp = LRT_PROTOCOLS.find((item) => item.protocol === 'Kelp DAO')!.discovery as { contract: `0x${string}` };
export const set = (avs: `0x${string}`, id: number) => ({ avs, id });


export async function installExposureScenario(node: AnvilNode): Promise<void> {
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

}
