/**
 * EigenLayer stand-ins at the real mainnet core addresses, configured through real
 * transactions (see test/fixtures/contracts/MockEigenLayer.sol).
 */
import { EIGENLAYER, REWARDS_COORDINATOR } from '../../shared/registry/eigenlayer';
import type { AnvilNode } from './anvil';
import { sendTx, setCode } from './evm-fixture';
import { compiled } from './solidity';

type Address = `0x${string}`;

export async function installEigenLayer(node: AnvilNode, minWithdrawalDelayBlocks = 100_800): Promise<void> {
  await setCode(node, EIGENLAYER.strategyManager, 'MockStrategyManager');
  await setCode(node, EIGENLAYER.delegationManager, 'MockDelegationManager');
  await setCode(node, EIGENLAYER.eigenPodManager, 'MockEigenPodManager');
  await setCode(node, REWARDS_COORDINATOR, 'MockRewardsCoordinator');
  await setCode(node, EIGENLAYER.allocationManager, 'MockAllocationManager');
  await sendTx(node, EIGENLAYER.delegationManager, compiled('MockDelegationManager').abi, 'setMinWithdrawalDelayBlocks', [minWithdrawalDelayBlocks]);
}

/** A strategy whose sharesToUnderlyingView is shares × num / den. */
export async function installStrategy(node: AnvilNode, strategy: Address, underlying: Address, num: bigint, den: bigint): Promise<void> {
  await setCode(node, strategy, 'MockStrategy');
  await sendTx(node, strategy, compiled('MockStrategy').abi, 'configure', [underlying, num, den]);
}

export async function setEigenDeposits(node: AnvilNode, staker: Address, deposits: { strategy: Address; depositShares: bigint; withdrawableShares: bigint }[]): Promise<void> {
  await sendTx(node, EIGENLAYER.strategyManager, compiled('MockStrategyManager').abi, 'setDeposits', [staker, deposits.map((d) => d.strategy), deposits.map((d) => d.depositShares)]);
  for (const d of deposits) await setWithdrawable(node, staker, d.strategy, d.withdrawableShares, d.depositShares);
}

export async function setWithdrawable(node: AnvilNode, staker: Address, strategy: Address, withdrawable: bigint, deposit: bigint): Promise<void> {
  await sendTx(node, EIGENLAYER.delegationManager, compiled('MockDelegationManager').abi, 'setShares', [staker, strategy, withdrawable, deposit]);
}

export async function setOperator(node: AnvilNode, staker: Address, operator: Address): Promise<void> {
  await sendTx(node, EIGENLAYER.delegationManager, compiled('MockDelegationManager').abi, 'setDelegatedTo', [staker, operator]);
}

export async function setPod(node: AnvilNode, owner: Address, pod: Address, depositShares: bigint, slashingFactor: bigint): Promise<void> {
  await sendTx(node, EIGENLAYER.eigenPodManager, compiled('MockEigenPodManager').abi, 'setPod', [owner, pod, depositShares, slashingFactor]);
}

export async function addQueuedWithdrawal(
  node: AnvilNode,
  withdrawal: { staker: Address; delegatedTo: Address; nonce: bigint; startBlock: number; strategies: Address[]; scaledShares: bigint[] },
  shares: bigint[],
): Promise<void> {
  await sendTx(node, EIGENLAYER.delegationManager, compiled('MockDelegationManager').abi, 'addQueuedWithdrawal', [{ ...withdrawal, withdrawer: withdrawal.staker }, shares]);
}

/** Sets what `earner` has claimed of `token` in total (RewardsCoordinator.cumulativeClaimed). */
export async function setClaimed(node: AnvilNode, earner: Address, token: Address, total: bigint): Promise<void> {
  await sendTx(node, REWARDS_COORDINATOR, compiled('MockRewardsCoordinator').abi, 'setClaimed', [earner, token, total]);
}

type OperatorSet = { avs: Address; id: number };

/** An allocation of `strategy` from `operator` to a set (magnitudes out of 1e18), emitting AllocationUpdated. */
export async function setAllocation(
  node: AnvilNode,
  operator: Address,
  set: OperatorSet,
  strategy: Address,
  magnitude: bigint,
  options: { pendingDiff?: bigint; effectBlock?: number; slashable?: boolean } = {},
): Promise<void> {
  await sendTx(node, EIGENLAYER.allocationManager, compiled('MockAllocationManager').abi, 'setAllocation', [
    operator, set, strategy, magnitude, options.pendingDiff ?? 0n, options.effectBlock ?? 0, options.slashable ?? true,
  ]);
}

export async function setMaxMagnitude(node: AnvilNode, operator: Address, strategy: Address, value: bigint): Promise<void> {
  await sendTx(node, EIGENLAYER.allocationManager, compiled('MockAllocationManager').abi, 'setMaxMagnitude', [operator, strategy, value]);
}

/** Emits OperatorSlashed as the AllocationManager does (the mock changes no state). */
export async function emitOperatorSlashed(node: AnvilNode, operator: Address, set: OperatorSet, strategies: Address[], wadSlashed: bigint[], description: string): Promise<void> {
  await sendTx(node, EIGENLAYER.allocationManager, compiled('MockAllocationManager').abi, 'slash', [operator, set, strategies, wadSlashed, description]);
}

/** Renzo's and Kelp's staker lists at their registry addresses. */
export async function installLrtStakerLists(node: AnvilNode, renzo: { contract: string; stakers: Address[] }, kelp: { contract: string; stakers: Address[] }): Promise<void> {
  await setCode(node, renzo.contract, 'MockRenzoRestakeManager');
  await sendTx(node, renzo.contract, compiled('MockRenzoRestakeManager').abi, 'setOperatorDelegators', [renzo.stakers]);
  await setCode(node, kelp.contract, 'MockKelpDepositPool');
  await sendTx(node, kelp.contract, compiled('MockKelpDepositPool').abi, 'setNodeDelegatorQueue', [kelp.stakers]);
}

/** Emits OperatorMetadataURIUpdated / AVSMetadataURIUpdated from the real contracts' addresses. */
export async function publishOperatorMetadata(node: AnvilNode, operator: Address, uri: string): Promise<void> {
  await sendTx(node, EIGENLAYER.delegationManager, compiled('MockDelegationManager').abi, 'updateOperatorMetadataURI', [operator, uri]);
}

export async function publishAvsMetadata(node: AnvilNode, avs: Address, uri: string): Promise<void> {
  await sendTx(node, EIGENLAYER.allocationManager, compiled('MockAllocationManager').abi, 'updateAVSMetadataURI', [avs, uri]);
}
