import { describe, expect, it } from 'vitest';
import type { AdminNode, UpgradeabilityRead } from '../../shared/domain/upgradeability';
import { formatDelay, summarizeControl } from '../../shared/domain/upgradeability-summary';

const C = '0x1111111111111111111111111111111111111111';
const IMPL = '0xaAaAaAaaAaAaAaaAaAAAAAAAAaaaAaAaAaaAaaAa';
const ADMIN = '0x2222222222222222222222222222222222222222';
const SAFE = '0x3333333333333333333333333333333333333333';
const TL = '0x4444444444444444444444444444444444444444';
const EOA = '0x5555555555555555555555555555555555555555';
const ACL = '0x6666666666666666666666666666666666666666';
const KERNEL = '0x7777777777777777777777777777777777777777';
const STORAGE = '0x8888888888888888888888888888888888888888';
const APP_ID = `0x${'ab'.repeat(32)}` as const;
const OWNERS = [EOA, ADMIN, TL, ACL, KERNEL, STORAGE, SAFE] as `0x${string}`[];

const read = (admin: AdminNode | null, extra: Partial<UpgradeabilityRead> = {}): UpgradeabilityRead => ({
  address: C,
  blockNumber: 1n,
  proxy: 'eip1967',
  implementation: IMPL,
  beacon: null,
  admin,
  pattern: null,
  error: null,
  notes: [],
  ...extra,
});
const eoa: AdminNode = { kind: 'eoa', address: EOA };
const safe = (threshold: number, owners = OWNERS): AdminNode => ({ kind: 'safe', address: SAFE, threshold, owners });
const viaAdmin = (owner: AdminNode): AdminNode => ({ kind: 'proxy-admin', address: ADMIN, owner });
const rocket = (extra: Partial<Extract<AdminNode, { kind: 'rocket-storage' }>> = {}): AdminNode => ({
  kind: 'rocket-storage',
  address: STORAGE,
  guardian: eoa,
  trustedBootstrapMode: false,
  protocolBootstrapMode: false,
  upgrader: ADMIN,
  upgradeDelaySeconds: 7 * 86_400,
  ...extra,
});
const rocketRead = (admin: AdminNode, protectedName: boolean) =>
  read(admin, { proxy: 'none', implementation: null, pattern: { kind: 'rocket-storage', storage: STORAGE, name: protectedName ? 'rocketTokenRETH' : 'rocketDepositPool', latest: true, protectedName } });
const summary = (value: UpgradeabilityRead) => {
  const { control, line } = summarizeControl(value);
  return { control, line };
};

describe('formatDelay', () => {
  it('uses the largest whole unit', () => {
    expect([864_000, 172_800, 129_600, 3_600, 90, 120, 0].map(formatDelay)).toEqual(['10-day', '2-day', '36-hour', '1-hour', '90-second', '2-minute', '0-second']);
  });
});

describe('summarizeControl', () => {
  it('immutable: no proxy and no owner, an ossified proxy, a pinned Aragon app', () => {
    expect(summarizeControl(read(null, { proxy: 'none', implementation: null }))).toEqual({ control: 'immutable', line: 'Not upgradeable (no proxy, no owner)', path: [`${C} (no proxy)`] });
    expect(summary(read(null, { proxy: 'ossifiable', pattern: { kind: 'ossifiable', ossified: true } }))).toEqual({ control: 'immutable', line: 'Not upgradeable (proxy ossified)' });
    expect(summary(read(null, { proxy: 'aragon', pattern: { kind: 'aragon', proxyType: 1, kernel: KERNEL, appId: APP_ID, acl: null } }))).toEqual({ control: 'immutable', line: 'Not upgradeable (pinned Aragon app proxy)' });
  });

  it('eoa: a proxy admin owned by a key, with the whole chain as the path', () => {
    expect(summarizeControl(read(viaAdmin(eoa)))).toEqual({
      control: 'eoa',
      line: 'Upgradeable by an EOA',
      path: [`${C} (EIP-1967 proxy, implementation ${IMPL})`, `${ADMIN} (ProxyAdmin)`, `${EOA} (EOA)`],
    });
  });

  it('multisig: a Safe with its threshold; a plain Ownable and a Chainlink feed say what the owner can change', () => {
    expect(summary(read(viaAdmin(safe(4))))).toEqual({ control: 'multisig', line: 'Upgradeable by a 4-of-7 Safe, no timelock' });
    const owned: AdminNode = { kind: 'ownable', address: C, owner: safe(2) };
    expect(summary(read(owned, { proxy: 'none', implementation: null }))).toEqual({ control: 'multisig', line: 'Not upgradeable; owned by a 2-of-7 Safe, no timelock' });
    expect(summary(read(owned, { proxy: 'chainlink', pattern: { kind: 'chainlink', phaseId: 1, proposedAggregator: null } }))).toEqual({ control: 'multisig', line: 'Aggregator replaceable by a 2-of-7 Safe, no timelock' });
  });

  it('timelock: the delay decides, whoever proposes; the path goes on to its owner', () => {
    const locked: AdminNode = { kind: 'timelock', address: TL, minDelaySeconds: 864_000, selfAdministered: true, next: safe(3) };
    expect(summarizeControl(read(locked))).toEqual({
      control: 'timelock',
      line: 'Upgradeable after a 10-day timelock',
      path: [`${C} (EIP-1967 proxy, implementation ${IMPL})`, `${TL} (timelock, 10-day delay)`, `${SAFE} (Safe 3 of 7)`],
    });
    expect(summary(read({ kind: 'timelock', address: TL, minDelaySeconds: 0, selfAdministered: null, next: null }))).toEqual({ control: 'timelock', line: 'Upgradeable by a timelock with no delay' });
    expect(summary(read({ kind: 'ownable', address: C, owner: locked }, { proxy: 'none', implementation: null })).line).toBe('Not upgradeable; the owner acts after a 10-day timelock');
  });

  it('dao-vote: an Aragon Voting as APP_MANAGER_ROLE manager; a Rocket Pool DAO upgrade', () => {
    const aragon = read(
      { kind: 'aragon-acl', address: ACL, kernel: KERNEL, managerHasRole: true, manager: { kind: 'aragon-voting', address: EOA, voteTimeSeconds: 259_200, objectionPhaseTimeSeconds: null } },
      { proxy: 'aragon', pattern: { kind: 'aragon', proxyType: 2, kernel: KERNEL, appId: APP_ID, acl: ACL } },
    );
    expect(summarizeControl(aragon)).toEqual({
      control: 'dao-vote',
      line: 'Upgradeable by an Aragon DAO vote (3-day vote)',
      path: [`${C} (Aragon AppProxy, implementation ${IMPL})`, `${ACL} (Aragon ACL of Kernel ${KERNEL}: APP_MANAGER_ROLE manager, holds the role)`, `${EOA} (Aragon Voting, 3-day vote)`],
    });
    expect(summary(rocketRead(rocket(), false))).toEqual({ control: 'dao-vote', line: 'Replaceable by a Rocket Pool trusted-node DAO vote, after a 7-day delay with a security-council veto' });
    expect(summary(rocketRead(rocket({ upgradeDelaySeconds: null, protocolBootstrapMode: true }), true)).line).toBe(
      'Code not replaceable; the network contracts it relies on are replaceable by a Rocket Pool trusted-node DAO vote, delay not read; the guardian still sets protocol settings (bootstrap)',
    );
  });

  it('a Rocket Pool guardian in bootstrap mode is whatever the guardian is', () => {
    expect(summary(rocketRead(rocket({ trustedBootstrapMode: true }), false))).toEqual({ control: 'eoa', line: 'Replaceable by the RocketStorage guardian at once (bootstrap mode): an EOA' });
  });

  it('renounced: a renounced owner, as a plain contract and behind a ProxyAdmin', () => {
    const gone: AdminNode = { kind: 'renounced', address: '0x0000000000000000000000000000000000000000' };
    expect(summary(read({ kind: 'ownable', address: C, owner: gone }, { proxy: 'none', implementation: null }))).toEqual({ control: 'renounced', line: 'Not upgradeable (ownership renounced)' });
    expect(summary(read(viaAdmin(gone)))).toEqual({ control: 'renounced', line: 'Upgradeable by nobody (ownership renounced)' });
  });

  it('unknown: an unidentified contract, an Aragon app manager, a burned manager, a UUPS right, an unread bootstrap mode', () => {
    expect(summary(read(viaAdmin({ kind: 'contract-unknown', address: SAFE, reason: 'x' })))).toEqual({ control: 'unknown', line: `Upgradeable by an unidentified contract ${SAFE}` });
    const acl = (manager: AdminNode): AdminNode => ({ kind: 'aragon-acl', address: ACL, kernel: KERNEL, manager, managerHasRole: null });
    expect(summary(read(acl({ kind: 'aragon-app', address: EOA, appId: APP_ID, kernel: KERNEL }), { proxy: 'aragon' }))).toEqual({ control: 'unknown', line: `Upgradeable by Aragon app ${EOA} (who acts through it is not read)` });
    expect(summary(read(acl({ kind: 'renounced', address: '0x0000000000000000000000000000000000000001' }), { proxy: 'aragon' })).control).toBe('unknown');
    expect(summary(read(null))).toEqual({ control: 'unknown', line: 'Upgradeable; who can upgrade is not read (the right is in the implementation)' });
    expect(summary(rocketRead(rocket({ trustedBootstrapMode: null }), false)).control).toBe('unknown');
  });

  it('unreadable: a failed read, or a node that could not be read', () => {
    expect(summarizeControl(read(null, { error: 'EIP-1967 slots not read: timeout' }))).toEqual({ control: 'unreadable', line: 'Not read: EIP-1967 slots not read: timeout', path: [] });
    expect(summary(read(viaAdmin({ kind: 'unreadable', address: SAFE, reason: 'timeout' })))).toEqual({ control: 'unreadable', line: `Upgradeable by ${SAFE}, which could not be read` });
  });

  it('reads stored before patterns existed (no pattern field) still summarise', () => {
    const old = read(viaAdmin(eoa));
    delete old.pattern;
    expect(summary(old).control).toBe('eoa');
  });
});
