/**
 * The EigenLayer view functions Slashboard reads, as declared in
 * Layr-Labs/eigenlayer-contracts @f84a515 src/contracts/interfaces/{IStrategyManager,
 * IDelegationManager, IEigenPodManager, IStrategy}.sol.
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
