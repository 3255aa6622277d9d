/**
 * Risk cards per protocol and the one-line risk summary per position (issue 11): who can change
 * the protocol's contracts (the latest chain reads), its audits and incidents (registry), its
 * share of the portfolio, and the position's slashing exposure from the exposure report.
 * Pure over its inputs; risk.service.ts gathers them from the database.
 */
import { UNDERLYING_DECIMALS } from '../../../shared/domain/position-valuation';
import { formatAmount } from '../../../shared/domain/amount';
import { tokenPositionId } from '../../../shared/domain/position-id';
import { summarizeControl } from '../../../shared/domain/upgradeability-summary';
import type { UpgradeabilityRead } from '../../../shared/domain/upgradeability';
import { riskRecordOf } from '../../../shared/registry/audits';
import { riskContractsOf } from '../../../shared/registry/risk-contracts';
import type { ExposureReport } from '../../../shared/ipc/exposure-schemas';
import type { EigenPosition, Position } from '../../../shared/ipc/schemas';
import { EVM_TOKENS } from '../../../shared/registry/evm-tokens';
import type { Control, ContractRisk, PositionRisk, RiskAlert, RiskCard } from '../../../shared/ipc/risk-schemas';

export interface StoredRead {
  read: UpgradeabilityRead;
  fetchedAt: number;
}

/** Weakest first: a single key can change the contract at once; code nobody can change last. */
const CONTROL_RANK: Record<Control['control'], number> = { eoa: 0, unknown: 1, multisig: 2, timelock: 3, 'dao-vote': 4, renounced: 5, immutable: 6, unreadable: 7 };

/**
 * The least controlled of the controls. A failed read is not a finding, so it is the weakest only
 * when nothing else was read (a flaky RPC must not turn every card's headline into an error);
 * the position flags say how many contracts were not read.
 */
export const weakestOf = (controls: readonly Control[]): Control | null =>
  controls.reduce<Control | null>((worst, control) => (worst === null || CONTROL_RANK[control.control] < CONTROL_RANK[worst.control] ? control : worst), null);

/** A position depends on its own protocol and, for an LRT or a native restake, on EigenLayer. */
interface Dependent {
  id: string;
  walletId: number;
  chain: Position['chain'];
  symbol: string;
  label: string;
  protocols: string[];
  usdCents: bigint | null;
  underlying: 'ETH' | 'BTC' | 'SOL' | null;
}

export function dependentsOf(positions: readonly Position[], eigenlayer: readonly EigenPosition[], exposure: ExposureReport): Dependent[] {
  const out: Dependent[] = [];
  for (const position of positions) {
    if (position.rawAmount === null || position.rawAmount === '0') continue;
    const babylon = position.chain === 'bitcoin' && position.tokenAddress?.startsWith('babylon:');
    const protocol = babylon ? 'Babylon' : position.valuation?.protocol;
    if (!protocol) continue;
    const protocols = position.valuation?.kind === 'lrt' ? [protocol, 'EigenLayer'] : [protocol];
    const id = babylon ? position.tokenAddress! : tokenPositionId(position);
    const cents = position.valuation?.usdCents ?? null;
    out.push({ id, walletId: position.walletId, chain: position.chain, symbol: position.symbol, label: `${position.symbol} (${position.chain})`, protocols, usdCents: cents === null ? null : BigInt(cents), underlying: position.valuation?.underlying ?? null });
  }
  // A native restake depends on EigenLayer and on the protocol of the asset restaked (stETH: Lido); beacon ETH on EigenLayer only.
  for (const native of exposure.positions.filter((item) => item.source === 'eigenlayer')) {
    const row = eigenlayer.find((item) => native.id === `el:${item.walletId}:${(item.strategy ?? '').toLowerCase()}` && item.kind === 'strategy');
    const asset = row?.assetToken ? EVM_TOKENS.find((token) => token.chain === 'ethereum' && token.address.toLowerCase() === row.assetToken!.toLowerCase()) : undefined;
    const protocols = asset ? ['EigenLayer', asset.protocol] : ['EigenLayer'];
    out.push({ id: native.id, walletId: native.walletId, chain: 'ethereum', symbol: native.label, label: native.label, protocols, usdCents: native.usdCents === null ? null : BigInt(native.usdCents), underlying: 'ETH' });
  }
  return out;
}

const ppm = (part: bigint, total: bigint | null): number | null => (total === null || total <= 0n ? null : Number((part * 1_000_000n) / total));

function contractRisks(protocol: string, reads: ReadonlyMap<string, StoredRead>): ContractRisk[] {
  return riskContractsOf(protocol).map((entry) => {
    const stored = reads.get(entry.address.toLowerCase());
    const read = stored?.read;
    return {
      name: entry.name,
      role: entry.role,
      address: entry.address,
      source: entry.source,
      read: read
        ? { blockNumber: read.blockNumber.toString(), fetchedAt: stored.fetchedAt, proxy: read.proxy, implementation: read.implementation, control: summarizeControl(read), error: read.error, notes: read.notes }
        : null,
    };
  });
}

export function buildCards(dependents: readonly Dependent[], reads: ReadonlyMap<string, StoredRead>, portfolioUsd: bigint | null): RiskCard[] {
  const protocols = [...new Set(dependents.flatMap((item) => item.protocols))].sort();
  return protocols.map((protocol) => {
    const mine = dependents.filter((item) => item.protocols.includes(protocol));
    const priced = mine.filter((item) => item.usdCents !== null);
    const usd = priced.length ? priced.reduce((sum, item) => sum + item.usdCents!, 0n) : null;
    const record = riskRecordOf(protocol);
    const contracts = contractRisks(protocol, reads);
    return {
      protocol,
      positionIds: mine.map((item) => item.id),
      usdCents: usd?.toString() ?? null,
      sharePpm: usd === null ? null : ppm(usd, portfolioUsd),
      contracts,
      weakest: weakestOf(contracts.flatMap((contract) => (contract.read ? [contract.read.control] : []))),
      audits: (record?.audits ?? []).map(({ auditor, date, scope, link }) => ({ auditor, date, scope, link })),
      incidents: [...(record?.incidents ?? [])],
      notes: [...(record?.notes ?? [])],
      covered: record !== undefined,
    };
  });
}

interface Slashing {
  slashable: bigint | null;
  operators: Set<string>;
  avss: Set<string>;
  sharesWith: Set<string>;
}

function slashingOf(id: string, exposure: ExposureReport): Slashing {
  const result: Slashing = { slashable: null, operators: new Set(), avss: new Set(), sharesWith: new Set() };
  const exposed = exposure.positions.find((item) => item.id === id);
  if (exposed) result.slashable = BigInt(exposed.slashable);
  for (const row of exposure.exposures.filter((item) => item.positionId === id)) {
    result.operators.add(row.operator.toLowerCase());
    result.avss.add(row.avs.toLowerCase());
  }
  const index = exposure.matrix.ids.indexOf(id);
  if (index >= 0) exposure.matrix.ids.forEach((other, j) => j !== index && (exposure.matrix.shared[index]?.[j] ?? 0) > 0 && result.sharesWith.add(other));
  for (const provider of exposure.babylon.providers) {
    const stakes = provider.delegations.filter((delegation) => `babylon:${delegation.stakingTxHash}` === id);
    if (stakes.length === 0) continue;
    result.operators.add(provider.btcPk);
    result.slashable = (result.slashable ?? 0n) + stakes.reduce((sum, stake) => sum + BigInt(stake.slashableSat ?? '0'), 0n);
    provider.positions.filter((other) => other !== id).forEach((other) => result.sharesWith.add(other));
  }
  return result;
}


export function buildPositionRisks(dependents: readonly Dependent[], cards: readonly RiskCard[], exposure: ExposureReport, alerts: readonly RiskAlert[]): PositionRisk[] {
  const cardOf = new Map(cards.map((card) => [card.protocol, card]));
  return dependents.map((item) => {
    const own = cardOf.get(item.protocols[0]!)!;
    const mine = item.protocols.map((protocol) => cardOf.get(protocol)!);
    const weakest = weakestOf(mine.flatMap((card) => (card.weakest ? [card.weakest] : [])));
    const slashing = slashingOf(item.id, exposure);
    const open = alerts.filter((alert) => !alert.dismissed && item.protocols.includes(alert.protocol));
    const incidents = mine.reduce((sum, card) => sum + card.incidents.length, 0);
    const unread = mine.flatMap((card) => card.contracts).filter((contract) => contract.read === null || contract.read.control.control === 'unreadable').length;
    const flags = [
      ...open.slice(0, 1).map((alert) => `Upgrade alert: ${alert.contractName}`),
      ...(weakest?.control === 'eoa' ? [`${weakest.line}`] : []),
      ...(weakest?.control === 'unknown' ? ['Who can upgrade is not identified'] : []),
      ...(own.sharePpm !== null && own.sharePpm >= 250_000 ? [`${(own.sharePpm / 10_000).toFixed(1)} % of the portfolio in ${own.protocol}`] : []),
      ...(slashing.slashable !== null && slashing.slashable > 0n && item.underlying
        ? [`Slashable ${formatAmount(slashing.slashable, UNDERLYING_DECIMALS[item.underlying], { maxFractionDigits: 4 })} ${item.underlying}`]
        : []),
      ...(slashing.sharesWith.size ? [`Shares slashing risk with ${slashing.sharesWith.size} other position(s)`] : []),
      ...(incidents ? [`${incidents} incident(s) on record`] : []),
      ...(unread ? [`${unread} contract(s) not read`] : []),
      ...mine.filter((card) => !card.covered).map((card) => `No audit record for ${card.protocol}`),
    ];
    return {
      id: item.id,
      walletId: item.walletId,
      chain: item.chain,
      symbol: item.symbol,
      label: item.label,
      protocols: item.protocols,
      usdCents: item.usdCents?.toString() ?? null,
      protocolSharePpm: own.sharePpm,
      weakest,
      audits: mine.reduce((sum, card) => sum + card.audits.length, 0),
      incidents,
      slashable: slashing.slashable?.toString() ?? null,
      underlying: item.underlying,
      operators: slashing.operators.size,
      avss: slashing.avss.size,
      sharesRiskWith: [...slashing.sharesWith],
      flags,
    };
  });
}
