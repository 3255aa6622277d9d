/**
 * Whether a contract is upgradeable and who can upgrade it, read at one pinned block: the
 * EIP-1967 slots (eth_getStorageAt), a beacon's implementation(), then the admin/owner
 * chain (ProxyAdmin or Ownable owner(), Safe, TimelockController) until an EOA, a Safe, a
 * timelock or an unknown contract. Every failed read becomes a reason string in the result;
 * nothing here throws. Rules and sources: docs/research/upgradeability.md.
 */
import { getAddress, parseAbi, type Hex } from 'viem';
import type { AdminNode, Address, UpgradeabilityRead } from '../../../../shared/domain/upgradeability';
import type { EvmClient } from './client';
import { describeRpcError } from './errors';
import { multicall, type CallResult, type ContractCall } from './multicall';

/**
 * EIP-1967 slots, bytes32(uint256(keccak256('eip1967.proxy.<name>')) - 1): EIP-1967
 * (https://eips.ethereum.org/EIPS/eip-1967) and OpenZeppelin/openzeppelin-contracts
 * contracts/proxy/ERC1967/ERC1967Utils.sol L21, L83, L121 @fddac90; recomputed in
 * test/unit/upgradeability.test.ts.
 */
export const EIP1967_SLOTS = {
  implementation: '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
  admin: '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103',
  beacon: '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50',
} as const satisfies Record<string, Hex>;

/** Admin nodes followed below the contract itself before the chain is cut. */
export const MAX_ADMIN_DEPTH = 4;

/**
 * - getThreshold()/getOwners(): safe-global/safe-smart-account contracts/interfaces/IOwnerManager.sol
 *   L83, L95 (OwnerManager.sol L135, L149) @c35264b, Safe 1.5.0;
 * - getMinDelay(), hasRole(bytes32,address): OpenZeppelin contracts/governance/TimelockController.sol
 *   L223 and contracts/access/AccessControl.sol L76 (DEFAULT_ADMIN_ROLE = 0x00, L57) @fddac90;
 *   the constructor grants the timelock DEFAULT_ADMIN_ROLE over itself (L117);
 * - owner(): OpenZeppelin contracts/access/Ownable.sol L56, which ProxyAdmin (proxy/transparent/
 *   ProxyAdmin.sol L13) and UpgradeableBeacon (proxy/beacon/UpgradeableBeacon.sol L15) inherit;
 * - implementation(): OpenZeppelin contracts/proxy/beacon/IBeacon.sol L15.
 */
export const adminProbeAbi = parseAbi([
  'function getThreshold() view returns (uint256)',
  'function getOwners() view returns (address[])',
  'function getMinDelay() view returns (uint256)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function owner() view returns (address)',
  'function implementation() view returns (address)',
]);

const DEFAULT_ADMIN_ROLE: Hex = `0x${'00'.repeat(32)}`;
const ZERO: Address = '0x0000000000000000000000000000000000000000';

export async function readUpgradeability(evm: EvmClient, contract: Address, blockNumber: bigint): Promise<UpgradeabilityRead> {
  const address = getAddress(contract);
  const base: UpgradeabilityRead = { address, blockNumber, proxy: 'none', implementation: null, beacon: null, admin: null, error: null, notes: [] };
  let code: Hex | undefined;
  let slots: (Hex | undefined)[];
  try {
    [code, ...slots] = await Promise.all([
      evm.client.getCode({ address, blockNumber }),
      ...[EIP1967_SLOTS.implementation, EIP1967_SLOTS.admin, EIP1967_SLOTS.beacon].map((slot) => evm.client.getStorageAt({ address, slot, blockNumber })),
    ]);
  } catch (cause) {
    return { ...base, error: `EIP-1967 slots not read: ${describeRpcError(cause)}` };
  }
  if (!code || code === '0x') return { ...base, error: `No contract at ${address} at block ${blockNumber}` };
  const notes: string[] = [];
  const implementation = slotAddress(slots[0], 'implementation', notes);
  const admin = slotAddress(slots[1], 'admin', notes);
  const beacon = slotAddress(slots[2], 'beacon', notes);
  const result: UpgradeabilityRead = { ...base, notes, implementation, beacon };
  const chain = [address];

  if (implementation) {
    result.proxy = 'eip1967';
  } else if (beacon) {
    result.proxy = 'beacon';
    const read = await probe(evm, beacon, blockNumber, ['implementation']);
    const answer = read.ok ? read.results.implementation : { ok: false as const, error: read.reason };
    if (answer?.ok) result.implementation = getAddress(answer.value as Address);
    else notes.push(`Beacon ${beacon} implementation() not read: ${answer?.error}`);
  }

  if (admin) {
    result.admin = await classify(evm, admin, blockNumber, 'proxy-admin', chain);
  } else if (result.proxy === 'beacon' && beacon) {
    // OpenZeppelin's BeaconProxy leaves the admin slot empty: whoever owns the beacon upgrades.
    result.admin = await classify(evm, beacon, blockNumber, 'ownable', chain);
  } else {
    result.admin = await selfOwner(evm, address, blockNumber);
    if (result.proxy === 'eip1967' && result.admin === null) {
      notes.push('No EIP-1967 admin and no owner(): the upgrade right is in the implementation (e.g. UUPS with roles) and is not read');
    }
  }
  return result;
}

/** A plain contract or UUPS proxy: its own owner() chain, or null when it has no owner(). */
async function selfOwner(evm: EvmClient, address: Address, blockNumber: bigint): Promise<AdminNode | null> {
  const read = await probe(evm, address, blockNumber, ['owner']);
  if (!read.ok) return { kind: 'unreadable', address, reason: read.reason };
  const owner = read.results.owner;
  if (!owner?.ok) return null;
  return { kind: 'ownable', address, owner: await classify(evm, getAddress(owner.value as Address), blockNumber, 'ownable', [address], 1) };
}

/**
 * What `address` is, following owner() links. `as` names a contract that answers owner()
 * only: the one in an EIP-1967 admin slot is a ProxyAdmin, any other an Ownable.
 */
async function classify(evm: EvmClient, address: Address, blockNumber: bigint, as: 'proxy-admin' | 'ownable', chain: readonly Address[], depth = 0): Promise<AdminNode> {
  if (address === ZERO) return { kind: 'renounced', address };
  if (chain.includes(address)) return { kind: 'contract-unknown', address, reason: `Loop: ${[...chain, address].join(' → ')}` };
  if (depth >= MAX_ADMIN_DEPTH) return { kind: 'contract-unknown', address, reason: `Not followed: the admin chain is cut after ${MAX_ADMIN_DEPTH} levels` };
  let code: Hex | undefined;
  let read: Probe;
  try {
    [code, read] = await Promise.all([
      evm.client.getCode({ address, blockNumber }),
      probe(evm, address, blockNumber, ['getThreshold', 'getOwners', 'getMinDelay', 'hasRole', 'owner']),
    ]);
  } catch (cause) {
    return { kind: 'unreadable', address, reason: describeRpcError(cause) };
  }
  if (!code || code === '0x') return { kind: 'eoa', address };
  if (!read.ok) return { kind: 'unreadable', address, reason: read.reason };
  const { getThreshold, getOwners, getMinDelay, hasRole, owner } = read.results;
  const next = [...chain, address];
  if (getThreshold?.ok && getOwners?.ok) {
    const owners = (getOwners.value as readonly Address[]).map((item) => getAddress(item));
    return { kind: 'safe', address, threshold: Number(getThreshold.value as bigint), owners };
  }
  if (getMinDelay?.ok) {
    const ownerOfTimelock = owner?.ok ? getAddress(owner.value as Address) : null;
    // A timelock owning itself is its own (delayed) administrator, not a loop.
    return {
      kind: 'timelock',
      address,
      minDelaySeconds: Number(getMinDelay.value as bigint),
      selfAdministered: hasRole?.ok ? (hasRole.value as boolean) : null,
      next: ownerOfTimelock && ownerOfTimelock !== address ? await classify(evm, ownerOfTimelock, blockNumber, 'ownable', next, depth + 1) : null,
    };
  }
  if (owner?.ok) {
    return { kind: as, address, owner: await classify(evm, getAddress(owner.value as Address), blockNumber, 'ownable', next, depth + 1) };
  }
  return { kind: 'contract-unknown', address, reason: 'Has code but answers none of getThreshold()/getOwners() (Safe), getMinDelay() (timelock), owner()' };
}

type ProbeName = 'getThreshold' | 'getOwners' | 'getMinDelay' | 'hasRole' | 'owner' | 'implementation';
type Probe = { ok: true; results: Partial<Record<ProbeName, CallResult>> } | { ok: false; reason: string };

/** The named views on one contract in one Multicall3 aggregate3 (each call may fail alone). */
async function probe(evm: EvmClient, address: Address, blockNumber: bigint, names: readonly ProbeName[]): Promise<Probe> {
  const calls: ContractCall[] = names.map((functionName) => ({
    address,
    abi: adminProbeAbi,
    functionName,
    args: functionName === 'hasRole' ? [DEFAULT_ADMIN_ROLE, address] : [],
  }));
  try {
    const answers = await multicall(evm, calls, { blockNumber });
    return { ok: true, results: Object.fromEntries(names.map((name, index) => [name, answers[index]!])) };
  } catch (cause) {
    return { ok: false, reason: describeRpcError(cause) };
  }
}

/** An address stored right-aligned in a slot; zero is "not set". */
function slotAddress(value: Hex | undefined, name: string, notes: string[]): Address | null {
  if (!value || value === '0x') return null;
  const word = BigInt(value);
  if (word === 0n) return null;
  if (word >> 160n !== 0n) {
    notes.push(`The EIP-1967 ${name} slot holds ${value}, which is not an address: ignored`);
    return null;
  }
  return getAddress(`0x${word.toString(16).padStart(40, '0')}`);
}
