/**
 * The EigenLayer view functions Slashboard reads, as declared in
 * Layr-Labs/eigenlayer-contracts @f84a515 src/contracts/interfaces/{IStrategyManager,
 * IDelegationManager, IEigenPodManager, IStrategy, IAllocationManager}.sol
 * (OperatorSet: src/contracts/libraries/OperatorSetLib.sol).
 */
import { parseAbi } from 'viem';

export const strategyManagerAbi = parseAbi([
  'function getDeposits(address staker) view returns (address[] strategies, uint256[] shares)',
]);

export const delegationManagerAbi = parseAbi([
  'struct Withdrawal { address staker; address delegatedTo; address withdrawer; uint256 nonce; uint32 startBlock; address[] strategies; uint256[] scaledShares; }',
  'function delegatedTo(address staker) view returns (address)',
  'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
  'function getQueuedWithdrawals(address staker) view returns (Withdrawal[] withdrawals, uint256[][] shares)',
  'function minWithdrawalDelayBlocks() view returns (uint32)',
]);

export const eigenPodManagerAbi = parseAbi([
  'function hasPod(address podOwner) view returns (bool)',
  'function getPod(address podOwner) view returns (address)',
  'function podOwnerDepositShares(address podOwner) view returns (int256)',
  'function beaconChainSlashingFactor(address staker) view returns (uint64)',
]);

export const strategyAbi = parseAbi([
  'function sharesToUnderlyingView(uint256 amountShares) view returns (uint256)',
  'function underlyingToken() view returns (address)',
]);

/**
 * AllocationManager: which operator sets (AVS, id) an operator allocates to, how much of each
 * strategy (magnitude out of maxMagnitude, which starts at 1e18 and falls with slashing),
 * and whether the operator is still slashable by the set. Events carry no indexed fields.
 */
export const allocationManagerAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getAllocatedSets(address operator) view returns (OperatorSet[])',
  'function getAllocatedStrategies(address operator, OperatorSet operatorSet) view returns (address[])',
  'function getAllocation(address operator, OperatorSet operatorSet, address strategy) view returns (Allocation)',
  'function getMaxMagnitude(address operator, address strategy) view returns (uint64)',
  'function isOperatorSlashable(address operator, OperatorSet operatorSet) view returns (bool)',
  'event OperatorSlashed(address operator, OperatorSet operatorSet, address[] strategies, uint256[] wadSlashed, string description)',
  'event AllocationUpdated(address operator, OperatorSet operatorSet, address strategy, uint64 magnitude, uint32 effectBlock)',
]);
