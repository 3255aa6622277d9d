/**
 * A Rocket Pool network contract (rETH): not a proxy. Contracts are replaced by registering a new
 * address under the same name in RocketStorage. Sources (rocket-pool/rocketpool @fef41a4):
 * - RocketBase.sol L16 `uint8 public version`, L19 `RocketStorageInterface rocketStorage` (internal, so
 *   no getter): both packed in storage slot 0 (Solidity layout, RocketBase is the most base contract),
 *   version in the low byte. The slot is only trusted when its low byte equals version() and the
 *   address answers RocketStorage's getGuardian() and getDeployedStatus();
 * - RocketStorage.sol L63 getGuardian(), L89 getDeployedStatus(), L153 getAddress(bytes32), L163
 *   getString(bytes32), L173 getBool(bytes32); keys "contract.exists"+address, "contract.name"+address,
 *   "contract.address"+name (RocketDAONodeTrustedUpgrade.sol L132-134);
 * - RocketDAONodeTrustedUpgrade.sol: upgrade() only from rocketDAONodeTrustedProposals (L52), executable
 *   after rocketDAOProtocolSettingsSecurity.getUpgradeDelay() (L57; RocketDAOProtocolSettingsSecurity.sol
 *   L104) unless the security council vetoes (L72); bootstrapUpgrade() by the guardian at once while the
 *   trusted-node DAO's bootstrap mode is on (L98, key "dao.trustednodes."+"bootstrapmode.disabled" L43);
 *   names that _upgradeContract refuses: L116-121;
 * - RocketDAOProtocol.sol L28/L44: the protocol DAO's bootstrap key ("dao.protocol."), under which the
 *   guardian sets protocol settings (L62-86), e.g. the upgrade delay.
 */
import { encodePacked, getAddress, keccak256, parseAbi, type Abi } from 'viem';
import type { AdminNode, Address, PatternFacts } from '../../../../shared/domain/upgradeability';
import type { EvmClient } from './client';
import { describeRpcError } from './errors';
import type { CallResult } from './multicall';
import { classify } from './upgradeability-admin';
import { addressOf, boolOf, numberOf, probeCalls, ZERO, type ProbeCall } from './upgradeability-probes';

const storageAbi = parseAbi([
  'function getGuardian() view returns (address)',
  'function getDeployedStatus() view returns (bool)',
  'function getAddress(bytes32 key) view returns (address)',
  'function getBool(bytes32 key) view returns (bool)',
  'function getString(bytes32 key) view returns (string)',
]);
const securityAbi = parseAbi(['function getUpgradeDelay() view returns (uint256)']);

export const PROTECTED_NAMES = ['rocketVault', 'rocketTokenRETH', 'rocketTokenRPL', 'rocketTokenRPLFixedSupply', 'casperDeposit', 'rocketMinipoolPenalty'] as const;

const key = (...parts: string[]) => keccak256(encodePacked(parts.map(() => 'string'), parts));
export const rocketKeys = {
  exists: (address: Address) => keccak256(encodePacked(['string', 'address'], ['contract.exists', address])),
  name: (address: Address) => keccak256(encodePacked(['string', 'address'], ['contract.name', address])),
  address: (name: string) => key('contract.address', name),
  trustedBootstrapDisabled: key('dao.trustednodes.', 'bootstrapmode.disabled'),
  protocolBootstrapDisabled: key('dao.protocol.', 'bootstrapmode.disabled'),
};

export interface RocketRead {
  /** Null when a transport failure left it open whether this is a Rocket Pool contract. */
  pattern: Extract<PatternFacts, { kind: 'rocket-storage' }> | null;
  admin: AdminNode;
  notes: string[];
}

const call = (address: Address, functionName: string, args: readonly unknown[] = [], abi: Abi = storageAbi): ProbeCall => ({ address, abi, functionName, args });

/** The RocketStorage packed next to version() in slot 0, or null when the slot does not fit. */
async function storageOf(evm: EvmClient, address: Address, blockNumber: bigint, version: number): Promise<Address | null> {
  const slot = await evm.client.getStorageAt({ address, slot: '0x0', blockNumber });
  const word = BigInt(slot ?? '0x0');
  if (Number(word & 0xffn) !== version) return null;
  const candidate = (word >> 8n) & ((1n << 160n) - 1n);
  return candidate === 0n ? null : getAddress(`0x${candidate.toString(16).padStart(40, '0')}`);
}

/** Null when the contract is not a RocketBase contract of a RocketStorage (a failed read is an unreadable admin). */
export async function readRocket(evm: EvmClient, address: Address, blockNumber: bigint, versionResult: CallResult | undefined): Promise<RocketRead | null> {
  const version = numberOf(versionResult);
  if (version === null || version > 0xff) return null;
  const unreadable = (reason: string): RocketRead => ({ pattern: null, admin: { kind: 'unreadable', address, reason: `Rocket Pool probe: ${reason}` }, notes: [] });
  let storage: Address | null;
  try {
    storage = await storageOf(evm, address, blockNumber, version);
  } catch (cause) {
    return unreadable(describeRpcError(cause));
  }
  if (storage === null) return null;
  const first = await probeCalls(evm, blockNumber, {
    guardian: call(storage, 'getGuardian'),
    deployed: call(storage, 'getDeployedStatus'),
    exists: call(storage, 'getBool', [rocketKeys.exists(address)]),
    name: call(storage, 'getString', [rocketKeys.name(address)]),
    trustedOff: call(storage, 'getBool', [rocketKeys.trustedBootstrapDisabled]),
    protocolOff: call(storage, 'getBool', [rocketKeys.protocolBootstrapDisabled]),
    upgrader: call(storage, 'getAddress', [rocketKeys.address('rocketDAONodeTrustedUpgrade')]),
    security: call(storage, 'getAddress', [rocketKeys.address('rocketDAOProtocolSettingsSecurity')]),
  });
  if (!first.ok) return unreadable(first.reason);
  const r = first.results;
  const guardian = addressOf(r.guardian);
  if (guardian === null || !r.deployed?.ok) return null;
  const notes: string[] = [];
  const name = r.name?.ok && (r.name.value as string) !== '' ? (r.name.value as string) : null;
  const exists = boolOf(r.exists);
  const upgrader = nonZero(addressOf(r.upgrader));
  const security = nonZero(addressOf(r.security));
  const second = await probeCalls(evm, blockNumber, {
    ...(name ? { latest: call(storage, 'getAddress', [rocketKeys.address(name)]) } : {}),
    ...(security ? { delay: call(security, 'getUpgradeDelay', [], securityAbi) } : {}),
  });
  const latestAddress = second.ok ? addressOf(second.results.latest) : null;
  const latest = exists === false ? false : exists === true && name ? latestAddress === address : null;
  const upgradeDelaySeconds = second.ok ? numberOf(second.results.delay) : null;
  if (upgradeDelaySeconds === null) notes.push(security ? `Upgrade delay not read: ${second.ok ? 'getUpgradeDelay() failed' : second.reason}` : 'No rocketDAOProtocolSettingsSecurity registered: upgrade delay not read');
  if (upgrader === null) notes.push('No rocketDAONodeTrustedUpgrade registered in RocketStorage');
  const off = (result: CallResult | undefined) => (boolOf(result) === null ? null : !boolOf(result));
  const guardianNode = await classify(evm, guardian, blockNumber, 'ownable', [address, storage], 1);
  return {
    pattern: { kind: 'rocket-storage', storage, name, latest, protectedName: name === null ? null : (PROTECTED_NAMES as readonly string[]).includes(name) },
    admin: { kind: 'rocket-storage', address: storage, guardian: guardianNode, trustedBootstrapMode: off(r.trustedOff), protocolBootstrapMode: off(r.protocolOff), upgrader, upgradeDelaySeconds },
    notes,
  };
}

const nonZero = (address: Address | null): Address | null => (address === null || address === ZERO ? null : address);
