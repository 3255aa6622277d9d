/**
 * Who can change a contract, as read from chain (electron/main/chain/evm/upgradeability.ts),
 * and what changed between two reads. Pure: the comparison raises the issue-11 alerts (new
 * implementation / aggregator / app code, new admin/owner/permission manager, lower Safe
 * threshold or changed owners, lower timelock, vote or upgrade delay, ossification).
 * Classification rules and sources: docs/research/upgradeability.md.
 */
export type Address = `0x${string}`;

export type AdminNode =
  /** No code at the address: a key holder can act alone. */
  | { kind: 'eoa'; address: Address }
  /** Answers Safe's getThreshold() and getOwners(). */
  | { kind: 'safe'; address: Address; threshold: number; owners: Address[] }
  /**
   * Answers TimelockController's getMinDelay(). selfAdministered: hasRole(DEFAULT_ADMIN_ROLE,
   * itself), null when that read failed. next: its owner() when it also has one (a timelock's
   * proposers cannot be listed with view calls, so that is all that is readable).
   */
  | { kind: 'timelock'; address: Address; minDelaySeconds: number; selfAdministered: boolean | null; next: AdminNode | null }
  /** The contract in a proxy's EIP-1967 admin slot, answering owner() (OpenZeppelin ProxyAdmin). */
  | { kind: 'proxy-admin'; address: Address; owner: AdminNode }
  /** Any other contract answering owner() (Ownable): a UUPS proxy, a beacon, a Chainlink feed proxy, a plain contract. */
  | { kind: 'ownable'; address: Address; owner: AdminNode }
  /** owner() is the zero address (or an Aragon permission manager is zero / burned): nobody administers through it. */
  | { kind: 'renounced'; address: Address }
  /**
   * An Aragon app's upgrade right: the Kernel's APP_MANAGER_ROLE in its ACL. manager is the role's
   * permission manager (the only one who can grant it, so the effective upgrader); managerHasRole
   * whether it also holds the role now. Other holders cannot be listed with view calls.
   */
  | { kind: 'aragon-acl'; address: Address; kernel: Address; manager: AdminNode; managerHasRole: boolean | null }
  /** An Aragon Voting app (answers voteTime()); objectionPhaseTime() is Lido's addition, null elsewhere. */
  | { kind: 'aragon-voting'; address: Address; voteTimeSeconds: number; objectionPhaseTimeSeconds: number | null }
  /** Another Aragon app (answers kernel() and appId(), e.g. an Agent): who acts through it is not read. */
  | { kind: 'aragon-app'; address: Address; appId: `0x${string}`; kernel: Address }
  /**
   * Rocket Pool's RocketStorage: network contracts are replaced through RocketDAONodeTrustedUpgrade
   * (a trusted-node DAO proposal, then upgradeDelaySeconds in which the security council may veto),
   * or at once by the guardian while the trusted-node DAO is in bootstrap mode.
   */
  | {
      kind: 'rocket-storage';
      address: Address;
      guardian: AdminNode;
      trustedBootstrapMode: boolean | null;
      protocolBootstrapMode: boolean | null;
      upgrader: Address | null;
      upgradeDelaySeconds: number | null;
    }
  /** Code that answers none of the above, or the chain was cut (depth cap, a loop). */
  | { kind: 'contract-unknown'; address: Address; reason: string }
  /** A read failed (transport, node error): not a finding about the contract. */
  | { kind: 'unreadable'; address: Address; reason: string };

/** What a documented non-EIP-1967 pattern adds to a read. */
export type PatternFacts =
  /** Lido OssifiableProxy (EIP-1967 slots plus proxy__getIsOssified()). */
  | { kind: 'ossifiable'; ossified: boolean }
  /** Aragon AppProxy: EIP-897 proxyType() (2 upgradeable, 1 pinned), kernel(), appId(), the Kernel's acl(). */
  | { kind: 'aragon'; proxyType: number; kernel: Address; appId: `0x${string}`; acl: Address | null }
  /** Chainlink AggregatorProxy: phaseId() and a pending proposedAggregator() (null when none). */
  | { kind: 'chainlink'; phaseId: number | null; proposedAggregator: Address | null }
  /**
   * A Rocket Pool network contract: its RocketStorage, the name it is registered under, whether it
   * is still the latest contract of that name, and whether the upgrade contract refuses that name.
   */
  | { kind: 'rocket-storage'; storage: Address; name: string | null; latest: boolean | null; protectedName: boolean | null };

export interface UpgradeabilityRead {
  address: Address;
  blockNumber: bigint;
  /** 'aragon' and 'chainlink' are not EIP-1967: implementation is the app code / the aggregator. */
  proxy: 'eip1967' | 'beacon' | 'ossifiable' | 'aragon' | 'chainlink' | 'none';
  implementation: Address | null;
  beacon: Address | null;
  /** For a proxy: who can upgrade it; for a plain contract: its owner() chain, if any. */
  admin: AdminNode | null;
  /** Absent in reads stored before these patterns were read; null when none applies. */
  pattern?: PatternFacts | null;
  /** Set when the slots themselves could not be read: nothing else in the read is a finding. */
  error: string | null;
  /** Reads that failed without failing the whole read (e.g. a beacon's implementation()). */
  notes: string[];
}

type Change<K extends string, T> = { kind: K; contract: Address; before: T; after: T; message: string };

export type UpgradeAlert =
  | Change<'proxy-changed', UpgradeabilityRead['proxy']>
  | Change<'implementation-changed' | 'aggregator-changed' | 'app-implementation-changed' | 'beacon-changed' | 'aggregator-proposed', Address | null>
  | Change<'ossified-changed', boolean>
  | Change<'network-contract-replaced', boolean | null>
  | { kind: 'admin-changed' | 'permission-manager-changed'; contract: Address; path: string; before: Address | null; after: Address | null; message: string }
  | { kind: 'safe-threshold-lowered'; contract: Address; safe: Address; before: number; after: number; message: string }
  | { kind: 'safe-owners-changed'; contract: Address; safe: Address; added: Address[]; removed: Address[]; message: string }
  | { kind: 'timelock-delay-lowered'; contract: Address; timelock: Address; beforeSeconds: number; afterSeconds: number; message: string }
  | { kind: 'vote-time-lowered'; contract: Address; voting: Address; phase: 'vote' | 'objection'; beforeSeconds: number; afterSeconds: number; message: string }
  | { kind: 'upgrade-delay-lowered'; contract: Address; storage: Address; beforeSeconds: number; afterSeconds: number; message: string }
  | { kind: 'bootstrap-mode-enabled'; contract: Address; storage: Address; dao: 'trusted-node' | 'protocol'; message: string };

const same = (a: Address | null, b: Address | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const show = (a: Address | null) => a ?? 'none';
const IMPLEMENTATION_WORD = { chainlink: ['aggregator-changed', 'aggregator'], aragon: ['app-implementation-changed', 'kernel app implementation'] } as const;

/**
 * The alerts between a previous read and the current one of the same contract. A read that
 * failed (either side) or an unreadable node raises nothing: a flaky RPC is not an upgrade.
 */
export function upgradeAlerts(before: UpgradeabilityRead, after: UpgradeabilityRead): UpgradeAlert[] {
  if (before.error !== null || after.error !== null) return [];
  const contract = after.address;
  const alerts: UpgradeAlert[] = [];
  if (before.proxy !== after.proxy) {
    alerts.push({ kind: 'proxy-changed', contract, before: before.proxy, after: after.proxy, message: `${contract} changed from ${before.proxy} to ${after.proxy} proxy` });
  }
  if (!same(before.implementation, after.implementation)) {
    const [kind, word] = before.proxy === after.proxy && (after.proxy === 'chainlink' || after.proxy === 'aragon') ? IMPLEMENTATION_WORD[after.proxy] : (['implementation-changed', 'implementation'] as const);
    alerts.push({ kind, contract, before: before.implementation, after: after.implementation, message: `${contract} has a new ${word}: ${show(before.implementation)} → ${show(after.implementation)}` });
  }
  if (!same(before.beacon, after.beacon)) {
    alerts.push({ kind: 'beacon-changed', contract, before: before.beacon, after: after.beacon, message: `${contract} has a new beacon: ${show(before.beacon)} → ${show(after.beacon)}` });
  }
  comparePatterns(contract, before.pattern ?? null, after.pattern ?? null, alerts);
  compareNodes(contract, 'admin', before.admin, after.admin, alerts);
  return alerts;
}

function comparePatterns(contract: Address, before: PatternFacts | null, after: PatternFacts | null, alerts: UpgradeAlert[]): void {
  if (before?.kind === 'ossifiable' && after?.kind === 'ossifiable' && before.ossified !== after.ossified) {
    const message = after.ossified ? `${contract} was ossified: it can no longer be upgraded` : `${contract} is no longer ossified`;
    alerts.push({ kind: 'ossified-changed', contract, before: before.ossified, after: after.ossified, message });
  }
  if (before?.kind === 'chainlink' && after?.kind === 'chainlink' && after.proposedAggregator && !same(before.proposedAggregator, after.proposedAggregator)) {
    alerts.push({ kind: 'aggregator-proposed', contract, before: before.proposedAggregator, after: after.proposedAggregator, message: `${contract}: the owner proposed a new aggregator ${after.proposedAggregator}` });
  }
  if (before?.kind === 'rocket-storage' && after?.kind === 'rocket-storage' && before.latest === true && after.latest === false) {
    alerts.push({ kind: 'network-contract-replaced', contract, before: true, after: false, message: `${contract} is no longer the latest ${after.name ?? 'network contract'} in RocketStorage ${after.storage}` });
  }
}

function compareNodes(contract: Address, path: string, before: AdminNode | null, after: AdminNode | null, alerts: UpgradeAlert[]): void {
  if (before?.kind === 'unreadable' || after?.kind === 'unreadable') return;
  if (!before || !after || !same(before.address, after.address) || before.kind !== after.kind) {
    const from = before ? `${before.address} (${before.kind})` : 'none';
    const to = after ? `${after.address} (${after.kind})` : 'none';
    if (from === to) return;
    const kind = path.endsWith('permission manager') ? 'permission-manager-changed' : 'admin-changed';
    alerts.push({ kind, contract, path, before: before?.address ?? null, after: after?.address ?? null, message: `${contract}: new ${path}: ${from} → ${to}` });
    return;
  }
  if (before.kind === 'safe' && after.kind === 'safe') compareSafes(contract, before, after, alerts);
  else if (before.kind === 'timelock' && after.kind === 'timelock') {
    if (after.minDelaySeconds < before.minDelaySeconds) {
      alerts.push({
        kind: 'timelock-delay-lowered',
        contract,
        timelock: after.address,
        beforeSeconds: before.minDelaySeconds,
        afterSeconds: after.minDelaySeconds,
        message: `${contract}: timelock ${after.address} minimum delay lowered from ${before.minDelaySeconds} s to ${after.minDelaySeconds} s`,
      });
    }
    compareNodes(contract, `${path} → timelock owner`, before.next, after.next, alerts);
  } else if ((before.kind === 'proxy-admin' || before.kind === 'ownable') && (after.kind === 'proxy-admin' || after.kind === 'ownable')) {
    compareNodes(contract, `${path} → owner`, before.owner, after.owner, alerts);
  } else if (before.kind === 'aragon-acl' && after.kind === 'aragon-acl') {
    compareNodes(contract, `${path} → APP_MANAGER_ROLE permission manager`, before.manager, after.manager, alerts);
  } else if (before.kind === 'aragon-voting' && after.kind === 'aragon-voting') {
    const lowered = (phase: 'vote' | 'objection', from: number | null, to: number | null) => {
      if (from === null || to === null || to >= from) return;
      alerts.push({ kind: 'vote-time-lowered', contract, voting: after.address, phase, beforeSeconds: from, afterSeconds: to, message: `${contract}: Aragon Voting ${after.address} ${phase} time lowered from ${from} s to ${to} s` });
    };
    lowered('vote', before.voteTimeSeconds, after.voteTimeSeconds);
    lowered('objection', before.objectionPhaseTimeSeconds, after.objectionPhaseTimeSeconds);
  } else if (before.kind === 'rocket-storage' && after.kind === 'rocket-storage') {
    compareRocket(contract, path, before, after, alerts);
  }
}

type Node<K extends AdminNode['kind']> = Extract<AdminNode, { kind: K }>;

function compareSafes(contract: Address, before: Node<'safe'>, after: Node<'safe'>, alerts: UpgradeAlert[]): void {
  if (after.threshold < before.threshold) {
    alerts.push({
      kind: 'safe-threshold-lowered',
      contract,
      safe: after.address,
      before: before.threshold,
      after: after.threshold,
      message: `${contract}: Safe ${after.address} threshold lowered from ${before.threshold} of ${before.owners.length} to ${after.threshold} of ${after.owners.length}`,
    });
  }
  const had = new Set(before.owners.map((owner) => owner.toLowerCase()));
  const has = new Set(after.owners.map((owner) => owner.toLowerCase()));
  const added = after.owners.filter((owner) => !had.has(owner.toLowerCase()));
  const removed = before.owners.filter((owner) => !has.has(owner.toLowerCase()));
  if (added.length > 0 || removed.length > 0) {
    const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
    alerts.push({ kind: 'safe-owners-changed', contract, safe: after.address, added, removed, message: `${contract}: Safe ${after.address} owners changed: ${parts.join('; ')}` });
  }
}

function compareRocket(contract: Address, path: string, before: Node<'rocket-storage'>, after: Node<'rocket-storage'>, alerts: UpgradeAlert[]): void {
  const storage = after.address;
  if (before.upgradeDelaySeconds !== null && after.upgradeDelaySeconds !== null && after.upgradeDelaySeconds < before.upgradeDelaySeconds) {
    alerts.push({
      kind: 'upgrade-delay-lowered',
      contract,
      storage,
      beforeSeconds: before.upgradeDelaySeconds,
      afterSeconds: after.upgradeDelaySeconds,
      message: `${contract}: Rocket Pool upgrade delay lowered from ${before.upgradeDelaySeconds} s to ${after.upgradeDelaySeconds} s`,
    });
  }
  for (const [dao, from, to] of [['trusted-node', before.trustedBootstrapMode, after.trustedBootstrapMode], ['protocol', before.protocolBootstrapMode, after.protocolBootstrapMode]] as const) {
    if (from === false && to === true) alerts.push({ kind: 'bootstrap-mode-enabled', contract, storage, dao, message: `${contract}: Rocket Pool ${dao} DAO is in bootstrap mode again: the guardian can act alone` });
  }
  if (!same(before.upgrader, after.upgrader)) {
    alerts.push({ kind: 'admin-changed', contract, path: `${path} → upgrade contract`, before: before.upgrader, after: after.upgrader, message: `${contract}: new Rocket Pool upgrade contract: ${show(before.upgrader)} → ${show(after.upgrader)}` });
  }
  compareNodes(contract, `${path} → guardian`, before.guardian, after.guardian, alerts);
}
