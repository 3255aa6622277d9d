/**
 * What each operator has allocated to which operator sets, at the snapshot block, from the
 * AllocationManager in three multicall rounds: the sets of every operator; each set's
 * strategies and whether the operator is still slashable by it; each allocation and each
 * (operator, strategy) max magnitude. One operator's failed read is that operator's error.
 */
import { getAddress } from 'viem';
import { EIGENLAYER } from '../../../../shared/registry/eigenlayer';
import type { EvmClient } from './client';
import { allocationManagerAbi } from './eigenlayer-abi';
import { multicall, type ContractCall } from './multicall';

type Address = `0x${string}`;
interface OperatorSet {
  avs: Address;
  id: number;
}

export interface AllocationRead {
  operator: Address;
  avs: Address;
  setId: number;
  strategy: Address;
  currentMagnitude: bigint;
  pendingDiff: bigint;
  effectBlock: number;
  maxMagnitude: bigint;
  slashable: boolean;
}

export interface AllocationsResult {
  allocations: AllocationRead[];
  /** operator → why its allocations could not be read */
  errors: Map<Address, string>;
}

const call = (functionName: string, args: readonly unknown[]): ContractCall => ({
  address: EIGENLAYER.allocationManager as Address,
  abi: allocationManagerAbi,
  functionName,
  args,
});

export async function readAllocations(evm: EvmClient, blockNumber: bigint, operators: readonly Address[]): Promise<AllocationsResult> {
  const errors = new Map<Address, string>();
  const unique = [...new Set(operators.map((operator) => getAddress(operator)))];
  if (unique.length === 0) return { allocations: [], errors };

  const setsRead = await multicall(evm, unique.map((operator) => call('getAllocatedSets', [operator])), { blockNumber });
  const pairs: { operator: Address; set: OperatorSet }[] = [];
  unique.forEach((operator, index) => {
    const result = setsRead[index]!;
    if (!result.ok) return void errors.set(operator, result.error);
    for (const set of result.value as readonly OperatorSet[]) pairs.push({ operator, set: { avs: set.avs, id: Number(set.id) } });
  });

  const setDetails = await multicall(
    evm,
    pairs.flatMap(({ operator, set }) => [call('getAllocatedStrategies', [operator, set]), call('isOperatorSlashable', [operator, set])]),
    { blockNumber },
  );
  const triples: { operator: Address; set: OperatorSet; strategy: Address; slashable: boolean }[] = [];
  pairs.forEach(({ operator, set }, index) => {
    const strategies = setDetails[2 * index]!;
    const slashable = setDetails[2 * index + 1]!;
    if (!strategies.ok || !slashable.ok) return void errors.set(operator, strategies.ok ? (slashable as { error: string }).error : strategies.error);
    for (const strategy of strategies.value as readonly Address[]) triples.push({ operator, set, strategy, slashable: slashable.value as boolean });
  });

  const maxKeys = [...new Set(triples.map(({ operator, strategy }) => `${operator}|${strategy.toLowerCase()}`))];
  const details = await multicall(
    evm,
    [
      ...triples.map(({ operator, set, strategy }) => call('getAllocation', [operator, set, strategy])),
      ...maxKeys.map((key) => call('getMaxMagnitude', key.split('|'))),
    ],
    { blockNumber },
  );
  const maxByKey = new Map(maxKeys.map((key, index) => [key, details[triples.length + index]!]));
  const allocations: AllocationRead[] = [];
  triples.forEach(({ operator, set, strategy, slashable }, index) => {
    const allocation = details[index]!;
    const max = maxByKey.get(`${operator}|${strategy.toLowerCase()}`)!;
    if (!allocation.ok || !max.ok) return void errors.set(operator, allocation.ok ? (max as { error: string }).error : allocation.error);
    const value = allocation.value as { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number };
    allocations.push({
      operator,
      avs: set.avs,
      setId: set.id,
      strategy,
      currentMagnitude: value.currentMagnitude,
      pendingDiff: value.pendingDiff,
      effectBlock: Number(value.effectBlock),
      maxMagnitude: max.value as bigint,
      slashable,
    });
  });
  // An operator with any failed read keeps none of its rows: half an operator would understate risk.
  return { allocations: allocations.filter((row) => !errors.has(row.operator)), errors };
}
