/**
 * The view calls the upgradeability reader probes with, each with the source it was read from,
 * and one helper sending a contract's probes in one Multicall3 aggregate3 (each call may fail
 * alone: a revert means "does not answer", which is how patterns are told apart).
 */
import { getAddress, parseAbi, type Abi, type Hex } from 'viem';
import type { Address } from '../../../../shared/domain/upgradeability';
import type { EvmClient } from './client';
import { describeRpcError } from './errors';
import { multicall, type CallResult } from './multicall';

export const ZERO: Address = '0x0000000000000000000000000000000000000000';

/**
 * - getThreshold()/getOwners(): safe-global/safe-smart-account contracts/interfaces/IOwnerManager.sol
 *   L83, L95 (OwnerManager.sol L135, L149) @c35264b, Safe 1.5.0;
 * - getMinDelay(), hasRole(bytes32,address): OpenZeppelin contracts/governance/TimelockController.sol
 *   L223 and contracts/access/AccessControl.sol L76 (DEFAULT_ADMIN_ROLE = 0x00, L57) @fddac90;
 *   the constructor grants the timelock DEFAULT_ADMIN_ROLE over itself (L117);
 * - owner(): OpenZeppelin contracts/access/Ownable.sol L56, which ProxyAdmin (proxy/transparent/
 *   ProxyAdmin.sol L13) and UpgradeableBeacon (proxy/beacon/UpgradeableBeacon.sol L15) inherit;
 *   Chainlink's Owned has the same view (`address public owner`, contracts/src/v0.6/Owned.sol L10 @11b8439);
 * - implementation(): OpenZeppelin contracts/proxy/beacon/IBeacon.sol L15, and EIP-897 as Aragon's
 *   AppProxyUpgradeable answers it (aragon/aragonOS contracts/apps/AppProxyUpgradeable.sol L23 @f3ae59b, v4.4.0);
 * - proxyType(): aragonOS AppProxyUpgradeable.sol L30 (UPGRADEABLE = 2, lib/misc/ERCProxy.sol L10) @f3ae59b;
 * - kernel(), appId(): aragonOS contracts/apps/AppStorage.sol L21, L25 @f3ae59b;
 * - voteTime(), objectionPhaseTime() (uint64 public): lidofinance/aragon-apps apps/voting/contracts/Voting.sol
 *   L61, L66 @b09834d (tag app-voting-v3.0.0-1, the version lidofinance/core package.json pins);
 * - proxy__getIsOssified(), proxy__getAdmin(): lidofinance/core contracts/0.8.9/proxy/OssifiableProxy.sol
 *   L38, L28 @372b02e;
 * - aggregator(), phaseId(), proposedAggregator(): smartcontractkit/chainlink contracts/src/v0.6/
 *   AggregatorProxy.sol L295, L306, L20 @130c884 (EACAggregatorProxy is AggregatorProxy, EACAggregatorProxy.sol L16 @3d1fc57);
 * - version(): rocket-pool/rocketpool contracts/contract/RocketBase.sol L16 (`uint8 public version`) @fef41a4,
 *   declared uint256 here so that a uint256 version() (Chainlink's) decodes too.
 */
export const probeAbi = parseAbi([
  'function getThreshold() view returns (uint256)',
  'function getOwners() view returns (address[])',
  'function getMinDelay() view returns (uint256)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function owner() view returns (address)',
  'function implementation() view returns (address)',
  'function proxyType() view returns (uint256)',
  'function kernel() view returns (address)',
  'function appId() view returns (bytes32)',
  'function voteTime() view returns (uint64)',
  'function objectionPhaseTime() view returns (uint64)',
  'function proxy__getIsOssified() view returns (bool)',
  'function proxy__getAdmin() view returns (address)',
  'function aggregator() view returns (address)',
  'function phaseId() view returns (uint16)',
  'function proposedAggregator() view returns (address)',
  'function version() view returns (uint256)',
]);

export type ProbeName = Extract<(typeof probeAbi)[number], { type: 'function' }>['name'];

export interface ProbeCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

export type Probe<K extends string> = { ok: true; results: Partial<Record<K, CallResult>> } | { ok: false; reason: string };

/** Named calls (any ABI) in one aggregate3; a transport failure is a reason, never a throw. */
export async function probeCalls<K extends string>(evm: EvmClient, blockNumber: bigint, calls: Partial<Record<K, ProbeCall>>): Promise<Probe<K>> {
  const names = (Object.keys(calls) as K[]).filter((name) => calls[name] !== undefined);
  try {
    const answers = await multicall(evm, names.map((name) => calls[name]!), { blockNumber });
    return { ok: true, results: Object.fromEntries(names.map((name, index) => [name, answers[index]!])) as Partial<Record<K, CallResult>> };
  } catch (cause) {
    return { ok: false, reason: describeRpcError(cause) };
  }
}

const DEFAULT_ADMIN_ROLE: Hex = `0x${'00'.repeat(32)}`;

/** The named no-argument views of probeAbi on one contract (hasRole asks about DEFAULT_ADMIN_ROLE of itself). */
export function probe(evm: EvmClient, address: Address, blockNumber: bigint, names: readonly ProbeName[]): Promise<Probe<ProbeName>> {
  const calls: Partial<Record<ProbeName, ProbeCall>> = {};
  for (const functionName of names) calls[functionName] = { address, abi: probeAbi, functionName, args: functionName === 'hasRole' ? [DEFAULT_ADMIN_ROLE, address] : [] };
  return probeCalls(evm, blockNumber, calls);
}

/** An answered address, checksummed; null for a failed call. */
export const addressOf = (result: CallResult | undefined): Address | null => (result?.ok ? getAddress(result.value as Address) : null);
export const numberOf = (result: CallResult | undefined): number | null => (result?.ok ? Number(result.value as bigint | number) : null);
export const boolOf = (result: CallResult | undefined): boolean | null => (result?.ok ? (result.value as boolean) : null);
