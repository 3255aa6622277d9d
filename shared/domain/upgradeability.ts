/**
 * Who can change a contract, as read from chain (electron/main/chain/evm/upgradeability.ts),
 * and what changed between two reads. Pure: the comparison raises the issue-11 alerts (new
 * implementation, new admin/owner, lower Safe threshold or changed owners, lower timelock
 * delay). Classification rules and sources: docs/research/upgradeability.md.
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
  /** Any other contract answering owner() (Ownable): a UUPS proxy, a beacon, a plain contract. */
  | { kind: 'ownable'; address: Address; owner: AdminNode }
  /** owner() is the zero address: ownership renounced, nobody administers through it. */
  | { kind: 'renounced'; address: Address }
  /** Code that answers none of the above, or the chain was cut (depth cap, a loop). */
  | { kind: 'contract-unknown'; address: Address; reason: string }
  /** A read failed (transport, node error): not a finding about the contract. */
  | { kind: 'unreadable'; address: Address; reason: string };

export interface UpgradeabilityRead {
  address: Address;
  blockNumber: bigint;
  proxy: 'eip1967' | 'beacon' | 'none';
  implementation: Address | null;
  beacon: Address | null;
  /** For a proxy: who can upgrade it; for a plain contract: its owner() chain, if any. */
  admin: AdminNode | null;
  /** Set when the slots themselves could not be read: nothing else in the read is a finding. */
  error: string | null;
  /** Reads that failed without failing the whole read (e.g. a beacon's implementation()). */
  notes: string[];
}

export type UpgradeAlert =
  | { kind: 'proxy-changed'; contract: Address; before: UpgradeabilityRead['proxy']; after: UpgradeabilityRead['proxy']; message: string }
  | { kind: 'implementation-changed'; contract: Address; before: Address | null; after: Address | null; message: string }
  | { kind: 'beacon-changed'; contract: Address; before: Address | null; after: Address | null; message: string }
  | { kind: 'admin-changed'; contract: Address; path: string; before: Address | null; after: Address | null; message: string }
  | { kind: 'safe-threshold-lowered'; contract: Address; safe: Address; before: number; after: number; message: string }
  | { kind: 'safe-owners-changed'; contract: Address; safe: Address; added: Address[]; removed: Address[]; message: string }
  | { kind: 'timelock-delay-lowered'; contract: Address; timelock: Address; beforeSeconds: number; afterSeconds: number; message: string };

const same = (a: Address | null, b: Address | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const show = (a: Address | null) => a ?? 'none';

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
    alerts.push({
      kind: 'implementation-changed',
      contract,
      before: before.implementation,
      after: after.implementation,
      message: `${contract} has a new implementation: ${show(before.implementation)} → ${show(after.implementation)}`,
    });
  }
  if (!same(before.beacon, after.beacon)) {
    alerts.push({ kind: 'beacon-changed', contract, before: before.beacon, after: after.beacon, message: `${contract} has a new beacon: ${show(before.beacon)} → ${show(after.beacon)}` });
  }
  compareNodes(contract, 'admin', before.admin, after.admin, alerts);
  return alerts;
}

function compareNodes(contract: Address, path: string, before: AdminNode | null, after: AdminNode | null, alerts: UpgradeAlert[]): void {
  if (before?.kind === 'unreadable' || after?.kind === 'unreadable') return;
  if (!before || !after || !same(before.address, after.address) || before.kind !== after.kind) {
    const from = before ? `${before.address} (${before.kind})` : 'none';
    const to = after ? `${after.address} (${after.kind})` : 'none';
    if (from === to) return;
    alerts.push({ kind: 'admin-changed', contract, path, before: before?.address ?? null, after: after?.address ?? null, message: `${contract}: new ${path}: ${from} → ${to}` });
    return;
  }
  if (before.kind === 'safe' && after.kind === 'safe') {
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
  } else if (before.kind === 'timelock' && after.kind === 'timelock') {
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
  }
}
