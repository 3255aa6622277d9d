/**
 * The upgradeability adapter against our mocks on a real anvil node: EIP-1967 slots written
 * with anvil_setStorageAt, admins configured through their setters, then read at pinned
 * blocks and compared. Addresses are made up (no registry contract is claimed here).
 */
import { createTestClient, getAddress, http, pad, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTICALL3_ADDRESS } from '../../shared/registry/chains';
import { upgradeAlerts } from '../../shared/domain/upgradeability';
import { createEvmClient, type EvmClient } from '../../electron/main/chain/evm/client';
import { pinLatestBlock } from '../../electron/main/chain/evm/balances';
import { EIP1967_SLOTS, readUpgradeability } from '../../electron/main/chain/evm/upgradeability';
import { startAnvil, type AnvilNode } from '../support/anvil';
import { mineBlock, sendTx, setCode } from '../support/evm-fixture';
import { compiled } from '../support/solidity';

const at = (tag: string) => getAddress(`0x${tag.padEnd(40, '0')}`);
const PROXY_SAFE = at('a1');
const PROXY_TIMELOCK = at('a2');
const PROXY_EOA = at('a3');
const PROXY_BEACON = at('a4');
const PROXY_UUPS = at('a5');
const PROXY_LOOP = at('a6');
const PROXY_UNKNOWN = at('a7');
const PLAIN = at('b1');
const PLAIN_OWNED = at('b2');
const IMPL_1 = at('c1');
const IMPL_2 = at('c2');
const IMPL_OWNED = at('c3');
const PROXY_ADMIN = at('d1');
const LOOP_ADMIN = at('d2');
const LOOP_OWNER = at('d3');
const SAFE = at('e1');
const TIMELOCK = at('e2');
const BEACON = at('e3');
const VIEWS = at('e4');
const OWNERS = [at('f1'), at('f2'), at('f3')];
const EOA_ADMIN = at('f4');
const TWO_DAYS = 2 * 24 * 60 * 60;

let node: AnvilNode;
let evm: EvmClient;

async function setSlot(address: Address, slot: Hex, value: Address): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(node.url, { retryCount: 0 }) });
  await test.setStorageAt({ address, index: slot, value: pad(value) });
}

const owned = (address: Address, owner: Address) => sendTx(node, address, compiled('MockOwned').abi, 'setOwner', [owner]);

beforeAll(async () => {
  node = await startAnvil({ chainId: 1 });
  evm = createEvmClient('ethereum', [node.url], { retryCount: 0 });
  await setCode(node, MULTICALL3_ADDRESS, 'Multicall3');
  for (const proxy of [PROXY_SAFE, PROXY_TIMELOCK, PROXY_EOA, PROXY_BEACON, PROXY_UUPS, PROXY_LOOP, PROXY_UNKNOWN]) await setCode(node, proxy, 'MockEip1967Proxy');
  for (const impl of [IMPL_1, IMPL_2, PLAIN]) await setCode(node, impl, 'MockERC20');
  for (const contract of [IMPL_OWNED, PROXY_ADMIN, LOOP_ADMIN, LOOP_OWNER, PLAIN_OWNED]) await setCode(node, contract, 'MockOwned');
  await setCode(node, SAFE, 'MockSafe');
  await setCode(node, TIMELOCK, 'MockTimelock');
  await setCode(node, BEACON, 'MockBeacon');
  await setCode(node, VIEWS, 'MockViewSource');

  // proxy → ProxyAdmin → Safe (2 of 3)
  await setSlot(PROXY_SAFE, EIP1967_SLOTS.implementation, IMPL_1);
  await setSlot(PROXY_SAFE, EIP1967_SLOTS.admin, PROXY_ADMIN);
  await owned(PROXY_ADMIN, SAFE);
  await sendTx(node, SAFE, compiled('MockSafe').abi, 'setOwners', [OWNERS, 2n]);
  // proxy → timelock (2 days, administering itself as TimelockController's constructor sets up)
  await setSlot(PROXY_TIMELOCK, EIP1967_SLOTS.implementation, IMPL_1);
  await setSlot(PROXY_TIMELOCK, EIP1967_SLOTS.admin, TIMELOCK);
  await sendTx(node, TIMELOCK, compiled('MockTimelock').abi, 'setMinDelay', [BigInt(TWO_DAYS)]);
  await sendTx(node, TIMELOCK, compiled('MockTimelock').abi, 'setRole', [pad('0x00'), TIMELOCK, true]);
  // proxy → EOA
  await setSlot(PROXY_EOA, EIP1967_SLOTS.implementation, IMPL_2);
  await setSlot(PROXY_EOA, EIP1967_SLOTS.admin, EOA_ADMIN);
  // beacon proxy → beacon (owned by an EOA) → implementation
  await setSlot(PROXY_BEACON, EIP1967_SLOTS.beacon, BEACON);
  await sendTx(node, BEACON, compiled('MockBeacon').abi, 'setImplementation', [IMPL_2]);
  await owned(BEACON, EOA_ADMIN);
  // UUPS-style: no admin slot; owner() answered by the implementation from the proxy's storage
  await setSlot(PROXY_UUPS, EIP1967_SLOTS.implementation, IMPL_OWNED);
  await owned(PROXY_UUPS, SAFE);
  // ProxyAdmin ↔ owner loop; an admin contract that answers nothing we know
  await setSlot(PROXY_LOOP, EIP1967_SLOTS.implementation, IMPL_1);
  await setSlot(PROXY_LOOP, EIP1967_SLOTS.admin, LOOP_ADMIN);
  await owned(LOOP_ADMIN, LOOP_OWNER);
  await owned(LOOP_OWNER, LOOP_ADMIN);
  await setSlot(PROXY_UNKNOWN, EIP1967_SLOTS.implementation, IMPL_1);
  await setSlot(PROXY_UNKNOWN, EIP1967_SLOTS.admin, VIEWS);
  // plain contracts: one with no owner(), one Ownable with a renounced owner
  await owned(PLAIN_OWNED, '0x0000000000000000000000000000000000000000');
  await mineBlock(node);
});
afterAll(() => node?.stop());

const read = async (address: Address, blockNumber?: bigint) => readUpgradeability(evm, address, blockNumber ?? (await pinLatestBlock(evm)).number);
const base = { error: null, notes: [], beacon: null, pattern: null } as const;

describe('readUpgradeability', () => {
  it('follows proxy → ProxyAdmin → Safe (2 of 3)', async () => {
    const result = await read(PROXY_SAFE);
    expect(result).toEqual({
      ...base,
      address: PROXY_SAFE,
      blockNumber: result.blockNumber,
      proxy: 'eip1967',
      implementation: IMPL_1,
      admin: { kind: 'proxy-admin', address: PROXY_ADMIN, owner: { kind: 'safe', address: SAFE, threshold: 2, owners: OWNERS } },
    });
  });

  it('reads a timelock admin with its delay', async () => {
    const result = await read(PROXY_TIMELOCK);
    expect(result).toMatchObject({ ...base, proxy: 'eip1967', implementation: IMPL_1 });
    expect(result.admin).toEqual({ kind: 'timelock', address: TIMELOCK, minDelaySeconds: TWO_DAYS, selfAdministered: true, next: null });
  });

  it('reads an EOA admin', async () => {
    expect(await read(PROXY_EOA)).toMatchObject({ ...base, proxy: 'eip1967', implementation: IMPL_2, admin: { kind: 'eoa', address: EOA_ADMIN } });
  });

  it('reads a beacon proxy: implementation from the beacon, admin = the beacon owner', async () => {
    expect(await read(PROXY_BEACON)).toMatchObject({
      ...base,
      proxy: 'beacon',
      beacon: BEACON,
      implementation: IMPL_2,
      admin: { kind: 'ownable', address: BEACON, owner: { kind: 'eoa', address: EOA_ADMIN } },
    });
  });

  it('reads a UUPS-style proxy through its own owner()', async () => {
    expect((await read(PROXY_UUPS)).admin).toEqual({ kind: 'ownable', address: PROXY_UUPS, owner: { kind: 'safe', address: SAFE, threshold: 2, owners: OWNERS } });
  });

  it('stops at a loop and at a contract it does not know', async () => {
    expect((await read(PROXY_LOOP)).admin).toEqual({
      kind: 'proxy-admin',
      address: LOOP_ADMIN,
      owner: { kind: 'ownable', address: LOOP_OWNER, owner: { kind: 'contract-unknown', address: LOOP_ADMIN, reason: `Loop: ${PROXY_LOOP} → ${LOOP_ADMIN} → ${LOOP_OWNER} → ${LOOP_ADMIN}` } },
    });
    expect((await read(PROXY_UNKNOWN)).admin).toMatchObject({ kind: 'contract-unknown', address: VIEWS, reason: expect.stringMatching(/answers none/) });
  });

  it('reads plain contracts: no owner(), a renounced owner, and no code at all', async () => {
    expect(await read(PLAIN)).toMatchObject({ ...base, proxy: 'none', implementation: null, admin: null });
    expect(await read(PLAIN_OWNED)).toMatchObject({ ...base, proxy: 'none', admin: { kind: 'ownable', address: PLAIN_OWNED, owner: { kind: 'renounced' } } });
    expect((await read(at('99'))).error).toMatch(/^No contract at 0x9900/);
  });

  it('turns a dead RPC into a reason, not a throw', async () => {
    const dead = createEvmClient('ethereum', ['http://127.0.0.1:9'], { retryCount: 0, timeoutMs: 2_000 });
    const result = await readUpgradeability(dead, PROXY_SAFE, 1n);
    expect(result).toMatchObject({ proxy: 'none', admin: null, error: expect.stringMatching(/^EIP-1967 slots not read: /) });
  });
});

describe('changes between two reads', () => {
  it('raises a new implementation and a lower Safe threshold, and reads the old block unchanged', async () => {
    const before = await read(PROXY_SAFE);
    // anvil_setStorageAt edits the latest block's state in place: move past `before` first.
    await mineBlock(node);
    await setSlot(PROXY_SAFE, EIP1967_SLOTS.implementation, IMPL_2);
    await sendTx(node, SAFE, compiled('MockSafe').abi, 'setOwners', [OWNERS, 1n]);
    await mineBlock(node);
    const after = await read(PROXY_SAFE);
    expect(after.blockNumber).toBeGreaterThan(before.blockNumber);
    expect(upgradeAlerts(before, after)).toEqual([
      expect.objectContaining({ kind: 'implementation-changed', before: IMPL_1, after: IMPL_2 }),
      expect.objectContaining({ kind: 'safe-threshold-lowered', safe: SAFE, before: 2, after: 1 }),
    ]);
    expect(await read(PROXY_SAFE, before.blockNumber)).toEqual(before);
  });

  it('raises a lower timelock delay and an admin swapped for an EOA', async () => {
    const before = await read(PROXY_TIMELOCK);
    await sendTx(node, TIMELOCK, compiled('MockTimelock').abi, 'setMinDelay', [3_600n]);
    const lowered = await read(PROXY_TIMELOCK);
    expect(upgradeAlerts(before, lowered)).toEqual([expect.objectContaining({ kind: 'timelock-delay-lowered', beforeSeconds: TWO_DAYS, afterSeconds: 3_600 })]);
    await setSlot(PROXY_TIMELOCK, EIP1967_SLOTS.admin, EOA_ADMIN);
    await mineBlock(node);
    expect(upgradeAlerts(lowered, await read(PROXY_TIMELOCK))).toEqual([
      expect.objectContaining({ kind: 'admin-changed', path: 'admin', before: TIMELOCK, after: EOA_ADMIN }),
    ]);
  });
});
