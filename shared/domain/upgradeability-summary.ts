/**
 * Who can change a contract, in one short line for the Risk page and the Portfolio risk
 * column: the control at the end of the admin chain read by the upgradeability adapter (an EOA,
 * a Safe, a timelock, a DAO vote …) and each node of that chain as text. Pure. A Safe or EOA
 * behind a timelock is reported as the timelock (the delay is what users can react in).
 */
import type { AdminNode, UpgradeabilityRead } from './upgradeability';

export type ControlKind = 'immutable' | 'eoa' | 'multisig' | 'timelock' | 'dao-vote' | 'renounced' | 'unknown' | 'unreadable';

export interface ControlSummary {
  control: ControlKind;
  line: string;
  path: string[];
}

/** "10-day", "36-hour", "90-second": the largest whole unit. */
export function formatDelay(seconds: number): string {
  for (const [unit, size] of [['day', 86_400], ['hour', 3_600], ['minute', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}-${unit}`;
  }
  return `${seconds}-second`;
}

interface Walk {
  control: ControlKind;
  /** The holder as a noun phrase ("a 4-of-7 Safe, no timelock"), or a whole sentence when `sentence`. */
  who: string;
  sentence?: boolean;
}

function label(node: AdminNode): string {
  switch (node.kind) {
    case 'eoa': return `${node.address} (EOA)`;
    case 'safe': return `${node.address} (Safe ${node.threshold} of ${node.owners.length})`;
    case 'timelock': return `${node.address} (timelock, ${formatDelay(node.minDelaySeconds)} delay)`;
    case 'proxy-admin': return `${node.address} (ProxyAdmin)`;
    case 'ownable': return `${node.address} (owner())`;
    case 'renounced': return `${node.address} (renounced)`;
    case 'aragon-acl': return `${node.address} (Aragon ACL of Kernel ${node.kernel}: APP_MANAGER_ROLE manager${node.managerHasRole === true ? ', holds the role' : ''})`;
    case 'aragon-voting': return `${node.address} (Aragon Voting, ${formatDelay(node.voteTimeSeconds)} vote)`;
    case 'aragon-app': return `${node.address} (Aragon app ${node.appId})`;
    case 'rocket-storage': return `${node.address} (RocketStorage)`;
    case 'contract-unknown': return `${node.address} (unidentified contract)`;
    case 'unreadable': return `${node.address} (not read)`;
  }
}

/** Follows the chain to the node that decides, appending each node's label to `path`. */
function walk(node: AdminNode, path: string[]): Walk {
  path.push(label(node));
  switch (node.kind) {
    case 'eoa':
      return { control: 'eoa', who: 'an EOA' };
    case 'safe':
      return { control: 'multisig', who: `a ${node.threshold}-of-${node.owners.length} Safe, no timelock` };
    case 'timelock': {
      if (node.next) walk(node.next, path);
      return { control: 'timelock', who: node.minDelaySeconds > 0 ? `after a ${formatDelay(node.minDelaySeconds)} timelock` : 'a timelock with no delay', sentence: node.minDelaySeconds > 0 };
    }
    case 'proxy-admin':
    case 'ownable':
      return walk(node.owner, path);
    case 'renounced':
      return { control: 'renounced', who: 'nobody (ownership renounced)' };
    case 'aragon-acl': {
      if (node.manager.kind === 'renounced') {
        path.push(label(node.manager));
        return { control: 'unknown', who: 'unlisted holders of APP_MANAGER_ROLE (its permission manager is none or burned)' };
      }
      return walk(node.manager, path);
    }
    case 'aragon-voting': {
      const objection = node.objectionPhaseTimeSeconds ? ` incl. a ${formatDelay(node.objectionPhaseTimeSeconds)} objection phase` : '';
      return { control: 'dao-vote', who: `an Aragon DAO vote (${formatDelay(node.voteTimeSeconds)} vote${objection})` };
    }
    case 'aragon-app':
      return { control: 'unknown', who: `Aragon app ${node.address} (who acts through it is not read)` };
    case 'rocket-storage':
      return rocket(node, path);
    case 'contract-unknown':
      return { control: 'unknown', who: `an unidentified contract ${node.address}` };
    case 'unreadable':
      return { control: 'unreadable', who: `${node.address}, which could not be read` };
  }
}

function rocket(node: Extract<AdminNode, { kind: 'rocket-storage' }>, path: string[]): Walk {
  if (node.trustedBootstrapMode === true) {
    const guardian = walk(node.guardian, path);
    return { control: guardian.control, who: `the RocketStorage guardian at once (bootstrap mode): ${guardian.who}` };
  }
  const delay = node.upgradeDelaySeconds === null ? 'delay not read' : node.upgradeDelaySeconds > 0 ? `after a ${formatDelay(node.upgradeDelaySeconds)} delay with a security-council veto` : 'with no delay';
  if (node.trustedBootstrapMode === null) return { control: 'unknown', who: `a Rocket Pool DAO upgrade (bootstrap mode not read, ${delay})` };
  const settings = node.protocolBootstrapMode === true ? '; the guardian still sets protocol settings (bootstrap)' : '';
  return { control: 'dao-vote', who: `a Rocket Pool trusted-node DAO vote, ${delay}${settings}` };
}

const PROXY_WORDS: Partial<Record<UpgradeabilityRead['proxy'], string>> = { eip1967: 'EIP-1967 proxy', beacon: 'beacon proxy', ossifiable: 'OssifiableProxy', aragon: 'Aragon AppProxy', chainlink: 'Chainlink feed proxy' };

function head(read: UpgradeabilityRead): string {
  const word = PROXY_WORDS[read.proxy];
  if (read.pattern?.kind === 'rocket-storage') return `${read.address} (Rocket Pool ${read.pattern.name ?? 'network contract'})`;
  if (!word) return `${read.address} (no proxy)`;
  const code = read.proxy === 'chainlink' ? 'aggregator' : 'implementation';
  return `${read.address} (${word}${read.implementation ? `, ${code} ${read.implementation}` : ''})`;
}

/** The line's start before a holder ("… by a Safe") and before a delay ("… after a 2-day timelock"). */
function verbs(read: UpgradeabilityRead): [string, string] {
  const pattern = read.pattern ?? null;
  if (pattern?.kind === 'rocket-storage') {
    const start = pattern.protectedName ? 'Code not replaceable; the network contracts it relies on are replaceable' : 'Replaceable';
    return [`${start} by`, start];
  }
  if (read.proxy === 'chainlink') return ['Aggregator replaceable by', 'Aggregator replaceable'];
  if (read.proxy === 'none') return ['Not upgradeable; owned by', 'Not upgradeable; the owner acts'];
  return ['Upgradeable by', 'Upgradeable'];
}

export function summarizeControl(read: UpgradeabilityRead): ControlSummary {
  if (read.error !== null) return { control: 'unreadable', line: `Not read: ${read.error}`, path: [] };
  const path = [head(read)];
  const pattern = read.pattern ?? null;
  if (pattern?.kind === 'ossifiable' && pattern.ossified) return { control: 'immutable', line: 'Not upgradeable (proxy ossified)', path };
  if (pattern?.kind === 'aragon' && pattern.proxyType !== 2) return { control: 'immutable', line: 'Not upgradeable (pinned Aragon app proxy)', path };
  if (read.admin === null) {
    if (read.proxy === 'none') return { control: 'immutable', line: 'Not upgradeable (no proxy, no owner)', path };
    return { control: 'unknown', line: 'Upgradeable; who can upgrade is not read (the right is in the implementation)', path };
  }
  const found = walk(read.admin, path);
  const [by, after] = verbs(read);
  if (found.control === 'renounced') return { control: 'renounced', line: read.proxy === 'none' ? 'Not upgradeable (ownership renounced)' : `${by} nobody (ownership renounced)`, path };
  const line = found.sentence ? `${after} ${found.who}` : `${by} ${found.who}`;
  return { control: found.control, line, path };
}
