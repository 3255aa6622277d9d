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
