/**
 * Whether a contract is upgradeable and who can upgrade it, read at one pinned block: the
 * EIP-1967 slots (eth_getStorageAt) and a beacon's implementation(); without slots, the
 * documented patterns told apart by probing the contract's own views (Aragon AppProxy, Chainlink
 * AggregatorProxy, Rocket Pool RocketStorage contracts); then the admin/owner chain (ProxyAdmin
 * or Ownable owner(), Safe, TimelockController, Aragon ACL and Voting) until an EOA, a Safe, a
 * timelock, a vote or an unknown contract. No address list decides a pattern. Every failed read
 * becomes a reason string in the result; nothing here throws. Rules and sources:
 * docs/research/upgradeability.md and the upgradeability-*.ts modules.
 */
import { getAddress, type Hex } from 'viem';
import type { AdminNode, Address, UpgradeabilityRead } from '../../../../shared/domain/upgradeability';
import type { EvmClient } from './client';
import { describeRpcError } from './errors';
import { classify } from './upgradeability-admin';
import { readAragon } from './upgradeability-aragon';
import { addressOf, boolOf, numberOf, probe, ZERO, type Probe, type ProbeName } from './upgradeability-probes';
import { readRocket } from './upgradeability-rocket';

export { MAX_ADMIN_DEPTH } from './upgradeability-admin';
export { probeAbi as adminProbeAbi } from './upgradeability-probes';

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

/** The views a contract without EIP-1967 slots is probed with, in one aggregate3. */
const PATTERN_PROBES: readonly ProbeName[] = ['proxyType', 'implementation', 'kernel', 'appId', 'aggregator', 'phaseId', 'proposedAggregator', 'owner', 'version'];

export async function readUpgradeability(evm: EvmClient, contract: Address, blockNumber: bigint): Promise<UpgradeabilityRead> {
  const address = getAddress(contract);
  const base: UpgradeabilityRead = { address, blockNumber, proxy: 'none', implementation: null, beacon: null, admin: null, pattern: null, error: null, notes: [] };
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
  if (!implementation && !beacon && !admin) return readPatterns(evm, result);
  const chain = [address];

  if (implementation) {
    result.proxy = 'eip1967';
    await readOssifiable(evm, result, admin);
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
  } else if (result.pattern?.kind === 'ossifiable' && result.pattern.ossified) {
    notes.push('Ossified: the admin slot is zero and OssifiableProxy refuses every upgrade');
  } else {
    result.admin = await selfOwner(evm, address, blockNumber);
    if (result.proxy === 'eip1967' && result.admin === null) {
      notes.push('No EIP-1967 admin and no owner(): the upgrade right is in the implementation (e.g. UUPS with roles) and is not read');
    }
  }
  return result;
}

/**
 * Lido's OssifiableProxy is an ERC1967Proxy whose own proxy__getIsOssified() answers (a plain
 * EIP-1967 proxy forwards the call to its implementation, which reverts).
 */
async function readOssifiable(evm: EvmClient, result: UpgradeabilityRead, slotAdmin: Address | null): Promise<void> {
  const read = await probe(evm, result.address, result.blockNumber, ['proxy__getIsOssified', 'proxy__getAdmin']);
  if (!read.ok) return void result.notes.push(`proxy__getIsOssified() not read: ${read.reason}`);
  const ossified = boolOf(read.results.proxy__getIsOssified);
  if (ossified === null) return;
  result.proxy = 'ossifiable';
  result.pattern = { kind: 'ossifiable', ossified };
  const said = addressOf(read.results.proxy__getAdmin);
  if (said !== null && said !== (slotAdmin ?? ZERO)) result.notes.push(`proxy__getAdmin() answers ${said}, the EIP-1967 admin slot holds ${slotAdmin ?? 'zero'}`);
}

/** No EIP-1967 slot set: an Aragon app proxy, a Chainlink feed proxy, a Rocket Pool contract, or a plain contract. */
async function readPatterns(evm: EvmClient, result: UpgradeabilityRead): Promise<UpgradeabilityRead> {
  const { address, blockNumber } = result;
  const read = await probe(evm, address, blockNumber, PATTERN_PROBES);
  if (!read.ok) return { ...result, admin: { kind: 'unreadable', address, reason: read.reason } };
  const r = read.results;

  const aragon = await readAragon(evm, address, blockNumber, r);
  if (aragon) return { ...result, proxy: 'aragon', implementation: aragon.implementation, pattern: aragon.pattern, admin: aragon.admin, notes: [...result.notes, ...aragon.notes] };

  const aggregator = addressOf(r.aggregator);
  if (aggregator !== null && aggregator !== ZERO && r.owner?.ok) {
    const proposed = addressOf(r.proposedAggregator);
    return {
      ...result,
      proxy: 'chainlink',
      implementation: aggregator,
      pattern: { kind: 'chainlink', phaseId: numberOf(r.phaseId), proposedAggregator: proposed === ZERO ? null : proposed },
      admin: await ownedBy(evm, address, blockNumber, r.owner.value as Address),
    };
  }

  const rocket = await readRocket(evm, address, blockNumber, r.version);
  if (rocket) return { ...result, pattern: rocket.pattern, admin: rocket.admin, notes: [...result.notes, ...rocket.notes] };

  return { ...result, admin: r.owner?.ok ? await ownedBy(evm, address, blockNumber, r.owner.value as Address) : null };
}

/** A plain contract or UUPS proxy: its own owner() chain, or null when it has no owner(). */
async function selfOwner(evm: EvmClient, address: Address, blockNumber: bigint): Promise<AdminNode | null> {
  const read: Probe<ProbeName> = await probe(evm, address, blockNumber, ['owner']);
  if (!read.ok) return { kind: 'unreadable', address, reason: read.reason };
  const owner = read.results.owner;
  return owner?.ok ? ownedBy(evm, address, blockNumber, owner.value as Address) : null;
}

async function ownedBy(evm: EvmClient, address: Address, blockNumber: bigint, owner: Address): Promise<AdminNode> {
  return { kind: 'ownable', address, owner: await classify(evm, getAddress(owner), blockNumber, 'ownable', [address], 1) };
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
