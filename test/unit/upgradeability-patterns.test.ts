import { encodePacked, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { upgradeAlerts, type AdminNode, type UpgradeabilityRead } from '../../shared/domain/upgradeability';
import { APP_MANAGER_ROLE } from '../../electron/main/chain/evm/upgradeability-aragon';
import { rocketKeys } from '../../electron/main/chain/evm/upgradeability-rocket';

const C = '0x1111111111111111111111111111111111111111';
const VOTING = '0x2222222222222222222222222222222222222222';
const STORAGE = '0x3333333333333333333333333333333333333333';
const UPGRADER_A = '0xaAaAaAaaAaAaAaaAaAAAAAAAAaaaAaAaAaaAaaAa';
const UPGRADER_B = '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB';
const EOA = '0x5555555555555555555555555555555555555555';

const read = (admin: AdminNode | null, extra: Partial<UpgradeabilityRead> = {}): UpgradeabilityRead => ({
  address: C,
  blockNumber: 1n,
  proxy: 'none',
  implementation: null,
  beacon: null,
  admin,
  pattern: null,
  error: null,
  notes: [],
  ...extra,
});
const voting = (voteTimeSeconds: number, objectionPhaseTimeSeconds: number | null): AdminNode => ({
  kind: 'aragon-acl',
  address: STORAGE,
  kernel: C,
  managerHasRole: true,
  manager: { kind: 'aragon-voting', address: VOTING, voteTimeSeconds, objectionPhaseTimeSeconds },
});
const rocket = (extra: Partial<Extract<AdminNode, { kind: 'rocket-storage' }>> = {}): AdminNode => ({
  kind: 'rocket-storage',
  address: STORAGE,
  guardian: { kind: 'eoa', address: EOA },
  trustedBootstrapMode: false,
  protocolBootstrapMode: false,
  upgrader: UPGRADER_A,
  upgradeDelaySeconds: 604_800,
  ...extra,
});

describe('constants read from the sources', () => {
  it('APP_MANAGER_ROLE is keccak256("APP_MANAGER_ROLE") (aragonOS Kernel.sol L19-21)', () => {
    expect(keccak256(toHex('APP_MANAGER_ROLE'))).toBe(APP_MANAGER_ROLE);
  });

  it('RocketStorage keys are abi.encodePacked of their parts', () => {
    expect(rocketKeys.trustedBootstrapDisabled).toBe(keccak256(toHex('dao.trustednodes.bootstrapmode.disabled')));
    expect(rocketKeys.address('rocketTokenRETH')).toBe(keccak256(toHex('contract.addressrocketTokenRETH')));
    expect(rocketKeys.exists(EOA)).toBe(keccak256(encodePacked(['bytes', 'address'], [toHex('contract.exists'), EOA])));
  });
});

describe('upgradeAlerts for the documented patterns', () => {
  it('raises a lower objection phase as well as a lower vote time, not a longer one', () => {
    const alerts = upgradeAlerts(read(voting(432_000, 172_800)), read(voting(432_000, 86_400)));
    expect(alerts).toEqual([
      { kind: 'vote-time-lowered', contract: C, voting: VOTING, phase: 'objection', beforeSeconds: 172_800, afterSeconds: 86_400, message: `${C}: Aragon Voting ${VOTING} objection time lowered from 172800 s to 86400 s` },
    ]);
    expect(upgradeAlerts(read(voting(259_200, null)), read(voting(432_000, null)))).toEqual([]);
  });

  it('raises a Rocket Pool bootstrap mode switched back on, a new upgrade contract and guardian', () => {
    const before = read(rocket());
    const after = read(rocket({ protocolBootstrapMode: true, upgrader: UPGRADER_B, guardian: { kind: 'eoa', address: VOTING } }));
    expect(upgradeAlerts(before, after).map((alert) => [alert.kind, 'path' in alert ? alert.path : null])).toEqual([
      ['bootstrap-mode-enabled', null],
      ['admin-changed', 'admin → upgrade contract'],
      ['admin-changed', 'admin → guardian'],
    ]);
    expect(upgradeAlerts(read(rocket({ upgradeDelaySeconds: null })), read(rocket({ upgradeDelaySeconds: 1 })))).toEqual([]);
  });

  it('calls a new implementation by its pattern name only when the pattern stayed the same', () => {
    const chainlink = (implementation: `0x${string}`) => read(null, { proxy: 'chainlink', implementation });
    expect(upgradeAlerts(chainlink(UPGRADER_A), chainlink(UPGRADER_B))[0]).toMatchObject({ kind: 'aggregator-changed', message: `${C} has a new aggregator: ${UPGRADER_A} → ${UPGRADER_B}` });
    const kinds = upgradeAlerts(chainlink(UPGRADER_A), read(null, { proxy: 'eip1967', implementation: UPGRADER_B })).map((alert) => alert.kind);
    expect(kinds).toEqual(['proxy-changed', 'implementation-changed']);
  });

  it('compares a read stored before patterns were read (no pattern field) without alerts of its own', () => {
    const old = read(rocket());
    delete old.pattern;
    const now = read(rocket(), { pattern: { kind: 'rocket-storage', storage: STORAGE, name: 'rocketTokenRETH', latest: true, protectedName: true } });
    expect(upgradeAlerts(old, now)).toEqual([]);
  });

  it('raises an ossification being undone', () => {
    const oss = (ossified: boolean) => read(null, { proxy: 'ossifiable', pattern: { kind: 'ossifiable', ossified } });
    expect(upgradeAlerts(oss(true), oss(false))).toEqual([{ kind: 'ossified-changed', contract: C, before: true, after: false, message: `${C} is no longer ossified` }]);
  });
});
