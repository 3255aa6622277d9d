import { keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { upgradeAlerts, type AdminNode, type UpgradeabilityRead } from '../../shared/domain/upgradeability';
import { EIP1967_SLOTS } from '../../electron/main/chain/evm/upgradeability';

const PROXY = '0x1111111111111111111111111111111111111111';
const IMPL_A = '0xaAaAaAaaAaAaAaaAaAAAAAAAAaaaAaAaAaaAaaAa';
const IMPL_B = '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB';
const PROXY_ADMIN = '0x2222222222222222222222222222222222222222';
const SAFE = '0x3333333333333333333333333333333333333333';
const TIMELOCK = '0x4444444444444444444444444444444444444444';
const [ALICE, BOB, CAROL, DAN] = [
  '0xA11cE00000000000000000000000000000000A11',
  '0xb0b0000000000000000000000000000000000b0B',
  '0xCa401000000000000000000000000000000Ca401',
  '0xDA70000000000000000000000000000000000DA7',
] as const;

const safe = (threshold: number, owners: `0x${string}`[]): AdminNode => ({ kind: 'safe', address: SAFE, threshold, owners });
const read = (admin: AdminNode | null, implementation: `0x${string}` | null = IMPL_A, extra: Partial<UpgradeabilityRead> = {}): UpgradeabilityRead => ({
  address: PROXY,
  blockNumber: 10n,
  proxy: implementation ? 'eip1967' : 'none',
  implementation,
  beacon: null,
  admin,
  error: null,
  notes: [],
  ...extra,
});
const viaProxyAdmin = (owner: AdminNode): AdminNode => ({ kind: 'proxy-admin', address: PROXY_ADMIN, owner });
const timelock = (minDelaySeconds: number, next: AdminNode | null = null): AdminNode => ({ kind: 'timelock', address: TIMELOCK, minDelaySeconds, selfAdministered: true, next });

describe('EIP-1967 slot constants', () => {
  it('are keccak256("eip1967.proxy.<name>") - 1', () => {
    for (const [name, slot] of Object.entries(EIP1967_SLOTS)) {
      expect(toHex(BigInt(keccak256(toHex(`eip1967.proxy.${name}`))) - 1n, { size: 32 }), name).toBe(slot);
    }
  });
});

describe('upgradeAlerts', () => {
  it('raises nothing when nothing changed (owner order and address case aside)', () => {
    const before = read(viaProxyAdmin(safe(2, [ALICE, BOB, CAROL])));
    const after = read(viaProxyAdmin(safe(2, [CAROL, ALICE, BOB])), IMPL_A.toLowerCase() as `0x${string}`);
    expect(upgradeAlerts(before, after)).toEqual([]);
  });

  it('raises a new implementation', () => {
    const alerts = upgradeAlerts(read(null), read(null, IMPL_B));
    expect(alerts).toEqual([
      { kind: 'implementation-changed', contract: PROXY, before: IMPL_A, after: IMPL_B, message: `${PROXY} has a new implementation: ${IMPL_A} → ${IMPL_B}` },
    ]);
  });

  it('raises a proxy that became a plain contract, and the implementation it lost', () => {
    expect(upgradeAlerts(read(null), read(null, null)).map((alert) => alert.kind)).toEqual(['proxy-changed', 'implementation-changed']);
  });

  it('raises a new ProxyAdmin owner and stops there', () => {
    const alerts = upgradeAlerts(read(viaProxyAdmin(safe(2, [ALICE, BOB, CAROL]))), read(viaProxyAdmin({ kind: 'eoa', address: DAN })));
    expect(alerts).toEqual([
      {
        kind: 'admin-changed',
        contract: PROXY,
        path: 'admin → owner',
        before: SAFE,
        after: DAN,
        message: `${PROXY}: new admin → owner: ${SAFE} (safe) → ${DAN} (eoa)`,
      },
    ]);
  });

  it('raises an admin that appeared or went away', () => {
    expect(upgradeAlerts(read(null), read({ kind: 'eoa', address: DAN }))[0]).toMatchObject({ kind: 'admin-changed', path: 'admin', before: null, after: DAN });
    expect(upgradeAlerts(read({ kind: 'eoa', address: DAN }), read(null))[0]).toMatchObject({ kind: 'admin-changed', before: DAN, after: null });
  });

  it('raises a lower Safe threshold, not a higher one', () => {
    const lowered = upgradeAlerts(read(viaProxyAdmin(safe(2, [ALICE, BOB, CAROL]))), read(viaProxyAdmin(safe(1, [ALICE, BOB, CAROL]))));
    expect(lowered).toEqual([
      { kind: 'safe-threshold-lowered', contract: PROXY, safe: SAFE, before: 2, after: 1, message: `${PROXY}: Safe ${SAFE} threshold lowered from 2 of 3 to 1 of 3` },
    ]);
    expect(upgradeAlerts(read(safe(1, [ALICE, BOB])), read(safe(2, [ALICE, BOB])))).toEqual([]);
  });

  it('raises changed Safe owners with who was added and removed', () => {
    const alerts = upgradeAlerts(read(safe(2, [ALICE, BOB, CAROL])), read(safe(2, [ALICE, BOB, DAN])));
    expect(alerts).toEqual([
      { kind: 'safe-owners-changed', contract: PROXY, safe: SAFE, added: [DAN], removed: [CAROL], message: `${PROXY}: Safe ${SAFE} owners changed: added ${DAN}; removed ${CAROL}` },
    ]);
  });

  it('raises a lower timelock delay and follows the timelock owner', () => {
    const alerts = upgradeAlerts(read(timelock(172_800, { kind: 'eoa', address: ALICE })), read(timelock(3_600, { kind: 'eoa', address: BOB })));
    expect(alerts.map((alert) => alert.kind)).toEqual(['timelock-delay-lowered', 'admin-changed']);
    expect(alerts[0]).toMatchObject({ beforeSeconds: 172_800, afterSeconds: 3_600 });
    expect(alerts[1]).toMatchObject({ path: 'admin → timelock owner', before: ALICE, after: BOB });
    expect(upgradeAlerts(read(timelock(3_600)), read(timelock(172_800)))).toEqual([]);
  });

  it('raises a new beacon', () => {
    const beacon = (address: `0x${string}`) => read(null, IMPL_A, { proxy: 'beacon', beacon: address });
    expect(upgradeAlerts(beacon(SAFE), beacon(TIMELOCK)).map((alert) => alert.kind)).toEqual(['beacon-changed']);
  });

  it('says nothing when either read failed or a node was unreadable', () => {
    const good = read(viaProxyAdmin(safe(2, [ALICE, BOB, CAROL])));
    const failed = read(null, null, { error: 'EIP-1967 slots not read: HTTP request failed' });
    expect(upgradeAlerts(good, failed)).toEqual([]);
    expect(upgradeAlerts(failed, good)).toEqual([]);
    expect(upgradeAlerts(good, read(viaProxyAdmin({ kind: 'unreadable', address: SAFE, reason: 'timeout' })))).toEqual([]);
  });
});
