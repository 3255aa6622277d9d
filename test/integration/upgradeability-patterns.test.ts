/**
 * The documented non-EIP-1967 patterns against our mocks on a real anvil node: Lido's
 * OssifiableProxy, an Aragon app (stETH-style) whose upgrade right is the Kernel's
 * APP_MANAGER_ROLE, a Chainlink feed proxy, and Rocket Pool RocketStorage contracts. Each is
 * told apart by probing at the pinned block; addresses are made up.
 */
import { createTestClient, getAddress, http, keccak256, pad, toHex, type Abi, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTICALL3_ADDRESS } from '../../shared/registry/chains';
import { upgradeAlerts } from '../../shared/domain/upgradeability';
import { summarizeControl } from '../../shared/domain/upgradeability-summary';
import { createEvmClient, type EvmClient } from '../../electron/main/chain/evm/client';
import { pinLatestBlock } from '../../electron/main/chain/evm/balances';
import { EIP1967_SLOTS, readUpgradeability } from '../../electron/main/chain/evm/upgradeability';
import { ACL_BURN_ENTITY, APP_MANAGER_ROLE } from '../../electron/main/chain/evm/upgradeability-aragon';
import { rocketKeys } from '../../electron/main/chain/evm/upgradeability-rocket';
import { startAnvil, type AnvilNode } from '../support/anvil';
import { mineBlock, sendTx, setCode } from '../support/evm-fixture';
import { compiled } from '../support/solidity';

const at = (tag: string) => getAddress(`0x${tag.padEnd(40, '0')}`);
const [OSS, STETH, PINNED, KERNEL, ACL, VOTING, AGENT, FEED] = ['01', '02', '03', '04', '05', '06', '07', '08'].map((tag) => at(`7a${tag}`)) as [Address, Address, Address, Address, Address, Address, Address, Address];
const [RETH, RNET, STORAGE, STORAGE_BOOT, SECURITY, RBOOT, RLONE] = ['01', '02', '03', '04', '05', '06', '07'].map((tag) => at(`7b${tag}`)) as [Address, Address, Address, Address, Address, Address, Address];
const [IMPL_1, IMPL_2, SAFE, AGG_1, AGG_2, UPGRADER, EOA, REPLACEMENT] = ['c1', 'c2', 'e1', 'a1', 'a2', 'd1', 'f4', 'd2'].map(at) as [Address, Address, Address, Address, Address, Address, Address, Address];
const OWNERS = [at('f1'), at('f2'), at('f3')];
const APP_BASES = keccak256(toHex('base'));
const LIDO_APP_ID = keccak256(toHex('lido.test'));
const VOTING_APP_ID = keccak256(toHex('voting.test'));
const AGENT_APP_ID = keccak256(toHex('agent.test'));
const DAY = 86_400;

let node: AnvilNode;
let evm: EvmClient;
const tx = (address: Address, contract: string, fn: string, args: readonly unknown[]) => sendTx(node, address, compiled(contract).abi as Abi, fn, args);

async function setSlot(address: Address, slot: Hex, value: Address): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(node.url, { retryCount: 0 }) });
  await test.setStorageAt({ address, index: slot, value: pad(value) });
}

async function rocketContract(address: Address, storage: Address, name: string): Promise<void> {
  await tx(address, 'MockRocketBase', 'setUp', [3, storage]);
  await tx(storage, 'MockRocketStorage', 'setBool', [rocketKeys.exists(address), true]);
  await tx(storage, 'MockRocketStorage', 'setString', [rocketKeys.name(address), name]);
  await tx(storage, 'MockRocketStorage', 'setAddress', [rocketKeys.address(name), address]);
}

beforeAll(async () => {
  node = await startAnvil({ chainId: 1 });
  evm = createEvmClient('ethereum', [node.url], { retryCount: 0 });
  await setCode(node, MULTICALL3_ADDRESS, 'Multicall3');
  for (const impl of [IMPL_1, IMPL_2]) await setCode(node, impl, 'MockERC20');
  const codes: [Address[], string][] = [
    [[OSS], 'MockOssifiableProxy'],
    [[STETH, PINNED, AGENT], 'MockAragonAppProxy'],
    [[KERNEL], 'MockAragonKernel'],
    [[ACL], 'MockAragonACL'],
    [[VOTING], 'MockAragonVoting'],
    [[FEED], 'MockChainlinkProxy'],
    [[RETH, RNET, RBOOT, RLONE], 'MockRocketBase'],
    [[STORAGE, STORAGE_BOOT], 'MockRocketStorage'],
    [[SECURITY], 'MockRocketSecuritySettings'],
    [[SAFE], 'MockSafe'],
  ];
  for (const [addresses, contract] of codes) for (const address of addresses) await setCode(node, address, contract);
  await tx(SAFE, 'MockSafe', 'setOwners', [OWNERS, 2n]);

  // OssifiableProxy → an EOA admin
  await setSlot(OSS, EIP1967_SLOTS.implementation, IMPL_1);
  await setSlot(OSS, EIP1967_SLOTS.admin, EOA);
  // stETH-style Aragon app: Kernel app base IMPL_1; APP_MANAGER_ROLE managed (and held) by the Voting
  await tx(STETH, 'MockAragonAppProxy', 'setUp', [KERNEL, LIDO_APP_ID, 2n]);
  await tx(PINNED, 'MockAragonAppProxy', 'setUp', [KERNEL, LIDO_APP_ID, 1n]);
  await tx(AGENT, 'MockAragonAppProxy', 'setUp', [KERNEL, AGENT_APP_ID, 2n]);
  await tx(KERNEL, 'MockAragonKernel', 'setApp', [APP_BASES, LIDO_APP_ID, IMPL_1]);
  await tx(KERNEL, 'MockAragonKernel', 'setAcl', [ACL]);
  await tx(ACL, 'MockAragonACL', 'setPermissionManager', [KERNEL, APP_MANAGER_ROLE, VOTING]);
  await tx(ACL, 'MockAragonACL', 'setPermission', [VOTING, KERNEL, APP_MANAGER_ROLE, true]);
  await tx(VOTING, 'MockAragonVoting', 'setUp', [KERNEL, VOTING_APP_ID, 5n * BigInt(DAY), 2n * BigInt(DAY)]);
  // Chainlink feed proxy owned by a 2-of-3 Safe, on its first aggregator
  await tx(FEED, 'MockChainlinkProxy', 'setOwner', [SAFE]);
  await tx(FEED, 'MockChainlinkProxy', 'proposeAggregator', [AGG_1]);
  await tx(FEED, 'MockChainlinkProxy', 'confirmAggregator', [AGG_1]);
  // RocketStorage out of bootstrap mode, a 7-day upgrade delay; rETH and a replaceable network contract
  await tx(STORAGE, 'MockRocketStorage', 'setUp', [EOA, true]);
  await tx(STORAGE, 'MockRocketStorage', 'setBool', [rocketKeys.trustedBootstrapDisabled, true]);
  await tx(STORAGE, 'MockRocketStorage', 'setBool', [rocketKeys.protocolBootstrapDisabled, true]);
  await tx(STORAGE, 'MockRocketStorage', 'setAddress', [rocketKeys.address('rocketDAONodeTrustedUpgrade'), UPGRADER]);
  await tx(STORAGE, 'MockRocketStorage', 'setAddress', [rocketKeys.address('rocketDAOProtocolSettingsSecurity'), SECURITY]);
  await tx(SECURITY, 'MockRocketSecuritySettings', 'setUpgradeDelay', [7n * BigInt(DAY)]);
  await rocketContract(RETH, STORAGE, 'rocketTokenRETH');
  await rocketContract(RNET, STORAGE, 'rocketNetworkBalances');
  // A second RocketStorage still in bootstrap mode, its guardian the Safe; no security settings
  await tx(STORAGE_BOOT, 'MockRocketStorage', 'setUp', [SAFE, true]);
  await rocketContract(RBOOT, STORAGE_BOOT, 'rocketDepositPool');
  // version() and a slot that does not hold a RocketStorage: not Rocket Pool
  await tx(RLONE, 'MockRocketBase', 'setUp', [3, IMPL_1]);
  await mineBlock(node);
});
afterAll(() => node?.stop());

const read = async (address: Address, blockNumber?: bigint) => readUpgradeability(evm, address, blockNumber ?? (await pinLatestBlock(evm)).number);
const base = { error: null, beacon: null } as const;

describe('Lido OssifiableProxy', () => {
  it('reads the EIP-1967 slots, then ossification; an ossified proxy is not upgradeable', async () => {
    const before = await read(OSS);
    expect(before).toMatchObject({ ...base, notes: [], proxy: 'ossifiable', implementation: IMPL_1, pattern: { kind: 'ossifiable', ossified: false }, admin: { kind: 'eoa', address: EOA } });
    expect(summarizeControl(before).line).toBe('Upgradeable by an EOA');
    await mineBlock(node);
    await setSlot(OSS, EIP1967_SLOTS.admin, '0x0000000000000000000000000000000000000000');
    await mineBlock(node);
    const after = await read(OSS);
    expect(after).toMatchObject({ proxy: 'ossifiable', pattern: { kind: 'ossifiable', ossified: true }, admin: null, notes: [expect.stringMatching(/^Ossified/)] });
    expect(summarizeControl(after)).toMatchObject({ control: 'immutable', line: 'Not upgradeable (proxy ossified)' });
    expect(upgradeAlerts(before, after)).toEqual([
      { kind: 'ossified-changed', contract: OSS, before: false, after: true, message: `${OSS} was ossified: it can no longer be upgraded` },
      expect.objectContaining({ kind: 'admin-changed', path: 'admin', before: EOA, after: null }),
    ]);
  });
});

describe('Aragon app proxy (stETH pattern)', () => {
  it('reads the Kernel app base and the APP_MANAGER_ROLE permission manager, a Voting', async () => {
    const result = await read(STETH);
    expect(result).toEqual({
      ...base,
      address: STETH,
      blockNumber: result.blockNumber,
      proxy: 'aragon',
      implementation: IMPL_1,
      pattern: { kind: 'aragon', proxyType: 2, kernel: KERNEL, appId: LIDO_APP_ID, acl: ACL },
      admin: { kind: 'aragon-acl', address: ACL, kernel: KERNEL, managerHasRole: true, manager: { kind: 'aragon-voting', address: VOTING, voteTimeSeconds: 5 * DAY, objectionPhaseTimeSeconds: 2 * DAY } },
      notes: [],
    });
    expect(summarizeControl(result)).toMatchObject({ control: 'dao-vote', line: 'Upgradeable by an Aragon DAO vote (5-day vote incl. a 2-day objection phase)' });
  });

  it('reads a pinned app proxy as not upgradeable', async () => {
    const result = await read(PINNED);
    expect(result).toMatchObject({ proxy: 'aragon', implementation: IMPL_1, admin: null, pattern: { proxyType: 1 } });
    expect(summarizeControl(result).control).toBe('immutable');
  });

  it('raises a new app implementation, a shorter vote, then a new and a burned permission manager', async () => {
    const first = await read(STETH);
    await tx(KERNEL, 'MockAragonKernel', 'setApp', [APP_BASES, LIDO_APP_ID, IMPL_2]);
    await tx(VOTING, 'MockAragonVoting', 'setUp', [KERNEL, VOTING_APP_ID, 3n * BigInt(DAY), 2n * BigInt(DAY)]);
    const second = await read(STETH);
    expect(upgradeAlerts(first, second)).toEqual([
      { kind: 'app-implementation-changed', contract: STETH, before: IMPL_1, after: IMPL_2, message: `${STETH} has a new kernel app implementation: ${IMPL_1} → ${IMPL_2}` },
      expect.objectContaining({ kind: 'vote-time-lowered', voting: VOTING, phase: 'vote', beforeSeconds: 5 * DAY, afterSeconds: 3 * DAY }),
    ]);
    await tx(ACL, 'MockAragonACL', 'setPermissionManager', [KERNEL, APP_MANAGER_ROLE, AGENT]);
    const third = await read(STETH);
    expect(third.admin).toEqual({ kind: 'aragon-acl', address: ACL, kernel: KERNEL, managerHasRole: false, manager: { kind: 'aragon-app', address: AGENT, appId: AGENT_APP_ID, kernel: KERNEL } });
    expect(upgradeAlerts(second, third)).toEqual([
      expect.objectContaining({ kind: 'permission-manager-changed', path: 'admin → APP_MANAGER_ROLE permission manager', before: VOTING, after: AGENT }),
    ]);
    expect(summarizeControl(third).control).toBe('unknown');
    await tx(ACL, 'MockAragonACL', 'setPermissionManager', [KERNEL, APP_MANAGER_ROLE, ACL_BURN_ENTITY]);
    const burned = await read(STETH);
    expect(burned.admin).toMatchObject({ kind: 'aragon-acl', manager: { kind: 'renounced', address: ACL_BURN_ENTITY }, managerHasRole: null });
    expect(burned.notes).toEqual([expect.stringMatching(/burned/)]);
  });
});

describe('Chainlink feed proxy', () => {
  it('reads the aggregator as the implementation and the owner chain as the admin', async () => {
    const result = await read(FEED);
    expect(result).toMatchObject({
      ...base,
      notes: [],
      proxy: 'chainlink',
      implementation: AGG_1,
      pattern: { kind: 'chainlink', phaseId: 1, proposedAggregator: null },
      admin: { kind: 'ownable', address: FEED, owner: { kind: 'safe', address: SAFE, threshold: 2, owners: OWNERS } },
    });
    expect(summarizeControl(result)).toMatchObject({ control: 'multisig', line: 'Aggregator replaceable by a 2-of-3 Safe, no timelock' });
  });

  it('raises a proposed aggregator, then the confirmed one', async () => {
    const first = await read(FEED);
    await tx(FEED, 'MockChainlinkProxy', 'proposeAggregator', [AGG_2]);
    const proposed = await read(FEED);
    expect(upgradeAlerts(first, proposed)).toEqual([{ kind: 'aggregator-proposed', contract: FEED, before: null, after: AGG_2, message: `${FEED}: the owner proposed a new aggregator ${AGG_2}` }]);
    await tx(FEED, 'MockChainlinkProxy', 'confirmAggregator', [AGG_2]);
    const confirmed = await read(FEED);
    expect(confirmed.pattern).toEqual({ kind: 'chainlink', phaseId: 2, proposedAggregator: null });
    expect(upgradeAlerts(proposed, confirmed)).toEqual([{ kind: 'aggregator-changed', contract: FEED, before: AGG_1, after: AGG_2, message: `${FEED} has a new aggregator: ${AGG_1} → ${AGG_2}` }]);
  });
});

describe('Rocket Pool RocketStorage contracts', () => {
  it('reads rETH: not replaceable by name, registered, DAO upgrades after the delay', async () => {
    const result = await read(RETH);
    expect(result).toEqual({
      ...base,
      address: RETH,
      blockNumber: result.blockNumber,
      proxy: 'none',
      implementation: null,
      pattern: { kind: 'rocket-storage', storage: STORAGE, name: 'rocketTokenRETH', latest: true, protectedName: true },
      admin: { kind: 'rocket-storage', address: STORAGE, guardian: { kind: 'eoa', address: EOA }, trustedBootstrapMode: false, protocolBootstrapMode: false, upgrader: UPGRADER, upgradeDelaySeconds: 7 * DAY },
      notes: [],
    });
    expect(summarizeControl(result)).toMatchObject({
      control: 'dao-vote',
      line: 'Code not replaceable; the network contracts it relies on are replaceable by a Rocket Pool trusted-node DAO vote, after a 7-day delay with a security-council veto',
    });
  });

  it('reads the guardian as the upgrader while the trusted-node DAO is in bootstrap mode', async () => {
    const result = await read(RBOOT);
    expect(result.admin).toMatchObject({ kind: 'rocket-storage', address: STORAGE_BOOT, trustedBootstrapMode: true, upgrader: null, upgradeDelaySeconds: null, guardian: { kind: 'safe', address: SAFE } });
    expect(summarizeControl(result)).toMatchObject({ control: 'multisig', line: 'Replaceable by the RocketStorage guardian at once (bootstrap mode): a 2-of-3 Safe, no timelock' });
  });

  it('does not take a version() alone for Rocket Pool', async () => {
    expect(await read(RLONE)).toMatchObject({ proxy: 'none', pattern: null, admin: null });
  });

  it('raises a replaced network contract and a lower upgrade delay', async () => {
    const before = await read(RNET);
    expect(before.pattern).toMatchObject({ name: 'rocketNetworkBalances', latest: true, protectedName: false });
    await tx(STORAGE, 'MockRocketStorage', 'setBool', [rocketKeys.exists(RNET), false]);
    await tx(STORAGE, 'MockRocketStorage', 'setAddress', [rocketKeys.address('rocketNetworkBalances'), REPLACEMENT]);
    await tx(SECURITY, 'MockRocketSecuritySettings', 'setUpgradeDelay', [BigInt(DAY)]);
    const after = await read(RNET);
    expect(after.pattern).toMatchObject({ latest: false });
    expect(upgradeAlerts(before, after)).toEqual([
      { kind: 'network-contract-replaced', contract: RNET, before: true, after: false, message: `${RNET} is no longer the latest rocketNetworkBalances in RocketStorage ${STORAGE}` },
      expect.objectContaining({ kind: 'upgrade-delay-lowered', storage: STORAGE, beforeSeconds: 7 * DAY, afterSeconds: DAY }),
    ]);
  });
});
