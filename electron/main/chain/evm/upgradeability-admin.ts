/**
 * What an admin address is, following owner() links at one pinned block: an EOA, a Safe, a
 * timelock, an Aragon Voting or other Aragon app, a ProxyAdmin/Ownable (then its owner), or an
 * unknown contract. Rules and sources: docs/research/upgradeability.md, upgradeability-probes.ts.
 */
import { getAddress, type Hex } from 'viem';
import type { AdminNode, Address } from '../../../../shared/domain/upgradeability';
import type { EvmClient } from './client';
import { describeRpcError } from './errors';
import { addressOf, numberOf, probe, ZERO, type Probe, type ProbeName } from './upgradeability-probes';

/** Admin nodes followed below the contract itself before the chain is cut. */
export const MAX_ADMIN_DEPTH = 4;

const NODE_PROBES: readonly ProbeName[] = ['getThreshold', 'getOwners', 'getMinDelay', 'hasRole', 'owner', 'voteTime', 'objectionPhaseTime', 'kernel', 'appId'];

/**
 * `as` names a contract that answers owner() only: the one in an EIP-1967 admin slot is a
 * ProxyAdmin, any other an Ownable. `chain` holds the addresses above this one (loop check).
 */
export async function classify(evm: EvmClient, address: Address, blockNumber: bigint, as: 'proxy-admin' | 'ownable', chain: readonly Address[], depth = 0): Promise<AdminNode> {
  if (address === ZERO) return { kind: 'renounced', address };
  if (chain.includes(address)) return { kind: 'contract-unknown', address, reason: `Loop: ${[...chain, address].join(' → ')}` };
  if (depth >= MAX_ADMIN_DEPTH) return { kind: 'contract-unknown', address, reason: `Not followed: the admin chain is cut after ${MAX_ADMIN_DEPTH} levels` };
  let code: Hex | undefined;
  let read: Probe<ProbeName>;
  try {
    [code, read] = await Promise.all([evm.client.getCode({ address, blockNumber }), probe(evm, address, blockNumber, NODE_PROBES)]);
  } catch (cause) {
    return { kind: 'unreadable', address, reason: describeRpcError(cause) };
  }
  if (!code || code === '0x') return { kind: 'eoa', address };
  if (!read.ok) return { kind: 'unreadable', address, reason: read.reason };
  const { getThreshold, getOwners, getMinDelay, hasRole, owner, voteTime, objectionPhaseTime, kernel, appId } = read.results;
  const next = [...chain, address];
  if (getThreshold?.ok && getOwners?.ok) {
    const owners = (getOwners.value as readonly Address[]).map((item) => getAddress(item));
    return { kind: 'safe', address, threshold: Number(getThreshold.value as bigint), owners };
  }
  if (getMinDelay?.ok) {
    const ownerOfTimelock = addressOf(owner);
    // A timelock owning itself is its own (delayed) administrator, not a loop.
    return {
      kind: 'timelock',
      address,
      minDelaySeconds: Number(getMinDelay.value as bigint),
      selfAdministered: hasRole?.ok ? (hasRole.value as boolean) : null,
      next: ownerOfTimelock && ownerOfTimelock !== address ? await classify(evm, ownerOfTimelock, blockNumber, 'ownable', next, depth + 1) : null,
    };
  }
  if (voteTime?.ok && kernel?.ok) {
    return { kind: 'aragon-voting', address, voteTimeSeconds: numberOf(voteTime)!, objectionPhaseTimeSeconds: numberOf(objectionPhaseTime) };
  }
  if (kernel?.ok && appId?.ok) return { kind: 'aragon-app', address, appId: appId.value as Hex, kernel: addressOf(kernel)! };
  if (owner?.ok) {
    return { kind: as, address, owner: await classify(evm, getAddress(owner.value as Address), blockNumber, 'ownable', next, depth + 1) };
  }
  return { kind: 'contract-unknown', address, reason: 'Has code but answers none of getThreshold()/getOwners() (Safe), getMinDelay() (timelock), voteTime() or kernel()/appId() (Aragon), owner()' };
}
