/**
 * An Aragon app behind an AppProxy (Lido's stETH): the code is the Kernel's app base for the
 * proxy's appId, and whoever holds the Kernel's APP_MANAGER_ROLE can replace it (Kernel.setApp is
 * `auth(APP_MANAGER_ROLE, …)`). Holders of an ACL role cannot be listed with view calls, but its
 * permission manager can: only the manager can grant the role (ACL onlyPermissionManager), so it
 * is the effective upgrader. Sources (aragon/aragonOS @f3ae59b = v4.4.0, the version
 * lidofinance/core package.json pins):
 * - Kernel.APP_MANAGER_ROLE = keccak256("APP_MANAGER_ROLE") contracts/kernel/Kernel.sol L21 (recomputed
 *   in test/unit/upgradeability-patterns.test.ts); setApp L147-149; acl() L196;
 * - ACL.getPermissionManager(address,bytes32) contracts/acl/ACL.sol L231; hasPermission(address,address,bytes32)
 *   L261; onlyPermissionManager L60; BURN_ENTITY = address(1) L43 (address(0) = "no manager");
 * - EIP-897 proxyType(): FORWARDING = 1 (pinned), UPGRADEABLE = 2, contracts/lib/misc/ERCProxy.sol L9-10.
 */
import { parseAbi, type Hex } from 'viem';
import type { AdminNode, Address, PatternFacts } from '../../../../shared/domain/upgradeability';
import type { EvmClient } from './client';
import type { CallResult } from './multicall';
import { classify } from './upgradeability-admin';
import { addressOf, boolOf, numberOf, probeCalls, ZERO } from './upgradeability-probes';

export const APP_MANAGER_ROLE: Hex = '0xb6d92708f3d4817afc106147d969e229ced5c46e65e0a5002a0d391287762bd0';
export const ACL_BURN_ENTITY: Address = '0x0000000000000000000000000000000000000001';
const UPGRADEABLE = 2;

const kernelAbi = parseAbi(['function acl() view returns (address)']);
const aclAbi = parseAbi([
  'function getPermissionManager(address app, bytes32 role) view returns (address)',
  'function hasPermission(address who, address where, bytes32 what) view returns (bool)',
]);

export interface AragonSelf {
  proxyType?: CallResult;
  implementation?: CallResult;
  kernel?: CallResult;
  appId?: CallResult;
}

export interface AragonRead {
  implementation: Address | null;
  pattern: Extract<PatternFacts, { kind: 'aragon' }>;
  admin: AdminNode | null;
  notes: string[];
}

/** Null when the contract does not answer as an Aragon app proxy (proxyType(), kernel(), appId()). */
export async function readAragon(evm: EvmClient, address: Address, blockNumber: bigint, self: AragonSelf): Promise<AragonRead | null> {
  const proxyType = numberOf(self.proxyType);
  const kernel = addressOf(self.kernel);
  if (proxyType === null || kernel === null || kernel === ZERO || !self.appId?.ok) return null;
  const notes: string[] = [];
  const pattern: AragonRead['pattern'] = { kind: 'aragon', proxyType, kernel, appId: self.appId.value as Hex, acl: null };
  const implementation = addressOf(self.implementation);
  if (implementation === null) notes.push('Aragon proxy implementation() not read');
  if (proxyType !== UPGRADEABLE) {
    notes.push(`EIP-897 proxyType() is ${proxyType} (1 = forwarding: the app code is pinned, not upgradeable through the Kernel)`);
    return { implementation, pattern, admin: null, notes };
  }
  const unreadable = (reason: string): AragonRead => ({ implementation, pattern, admin: { kind: 'unreadable', address: kernel, reason }, notes });

  const aclRead = await probeCalls(evm, blockNumber, { acl: { address: kernel, abi: kernelAbi, functionName: 'acl' } });
  if (!aclRead.ok) return unreadable(aclRead.reason);
  const acl = addressOf(aclRead.results.acl);
  if (acl === null || acl === ZERO) {
    return { implementation, pattern, admin: { kind: 'contract-unknown', address: kernel, reason: 'The Kernel does not answer acl()' }, notes };
  }
  pattern.acl = acl;

  const managerRead = await probeCalls(evm, blockNumber, { manager: { address: acl, abi: aclAbi, functionName: 'getPermissionManager', args: [kernel, APP_MANAGER_ROLE] } });
  if (!managerRead.ok) return unreadable(managerRead.reason);
  const manager = addressOf(managerRead.results.manager);
  if (manager === null) return { implementation, pattern, admin: { kind: 'contract-unknown', address: acl, reason: 'The ACL does not answer getPermissionManager(address,bytes32)' }, notes };

  if (manager === ZERO || manager === ACL_BURN_ENTITY) {
    notes.push(
      manager === ZERO
        ? 'APP_MANAGER_ROLE has no permission manager: the holder of the ACL CREATE_PERMISSIONS_ROLE could create it (not read); current holders cannot be listed'
        : 'APP_MANAGER_ROLE permission manager is burned: nobody can grant it; current holders cannot be listed',
    );
    return { implementation, pattern, admin: { kind: 'aragon-acl', address: acl, kernel, manager: { kind: 'renounced', address: manager }, managerHasRole: null }, notes };
  }
  const [holds, node] = await Promise.all([
    probeCalls(evm, blockNumber, { holds: { address: acl, abi: aclAbi, functionName: 'hasPermission', args: [manager, kernel, APP_MANAGER_ROLE] } }),
    classify(evm, manager, blockNumber, 'ownable', [address, kernel, acl], 1),
  ]);
  const managerHasRole = holds.ok ? boolOf(holds.results.holds) : null;
  return { implementation, pattern, admin: { kind: 'aragon-acl', address: acl, kernel, manager: node, managerHasRole }, notes };
}
