/**
 * LRT look-through at read time: a token position's share of its protocol's EigenLayer
 * stakes, pro rata to the position's ETH value over the protocol's backing (backing token
 * supply × NAV). Stakes are valued in ETH at the snapshot's NAV rates. The attributed
 * amount never exceeds what the protocol has restaked, and the note says how much of the
 * backing is restaked at all.
 */
import { tokenPositionId } from '../../../shared/domain/position-id';
import { attributeProRata, type Stake } from '../../../shared/domain/exposure';
import { valuePosition, type RateBook } from '../../../shared/domain/position-valuation';
import type { ExposedPosition } from '../../../shared/ipc/exposure-schemas';
import type { Position } from '../../../shared/ipc/schemas';
import { mainnetToken } from '../../../shared/registry/evm-tokens';
import { EIGENLAYER } from '../../../shared/registry/eigenlayer';
import { lrtProtocolOf, type LrtProtocol } from '../../../shared/registry/lrt-protocols';
import type { LrtStake } from '../db/repos/exposure.repo';
import type { AppContext } from './context';
import { findToken } from './portfolio-valuation';

interface ProtocolGraph {
  stakes: Omit<Stake, 'positionId'>[];
  restaked: bigint;
  backing: bigint | null;
  stakers: number;
  error: string | null;
}

export function lookThroughStakes(ctx: AppContext, snapshotId: number, positions: readonly Position[], book: RateBook) {
  const reads = new Map(ctx.repos.exposure.lrtReads(snapshotId).map((read) => [read.protocol, read]));
  const allStakes = ctx.repos.exposure.lrtStakes(snapshotId);
  const graphs = new Map<string, ProtocolGraph>();
  const graphOf = (protocol: LrtProtocol): ProtocolGraph => {
    let graph = graphs.get(protocol.protocol);
    if (!graph) graphs.set(protocol.protocol, (graph = buildGraph(protocol, reads.get(protocol.protocol), allStakes, book)));
    return graph;
  };

  const stakes: Stake[] = [];
  const exposed: Omit<ExposedPosition, 'usdCents'>[] = [];
  for (const position of positions) {
    const valuation = position.valuation;
    if (!valuation || valuation.kind !== 'lrt' || position.rawAmount === '0' || valuation.underlying !== 'ETH') continue;
    const id = tokenPositionId(position);
    const base = { id, walletId: position.walletId, source: 'token' as const, label: `${position.symbol} (${position.chain})`, slashable: '0' };
    const protocol = lrtProtocolOf(position.symbol);
    if (!protocol) {
      exposed.push({ ...base, restaked: '0', note: `no look-through for ${valuation.protocol ?? position.symbol} yet: its EigenLayer stakers are not in the registry` });
      continue;
    }
    const graph = graphOf(protocol);
    const value = valuation.underlyingValue === null ? null : BigInt(valuation.underlyingValue);
    if (graph.error || graph.backing === null || graph.backing <= 0n || value === null) {
      exposed.push({ ...base, restaked: '0', note: `look-through not available: ${graph.error ?? (value === null ? 'no ETH value for the position' : `no ${protocol.backingSymbol} backing value`)}` });
      continue;
    }
    const mine = attributeProRata(graph.stakes, id, value, graph.backing);
    stakes.push(...mine);
    const restaked = (graph.restaked * (value < graph.backing ? value : graph.backing)) / graph.backing;
    const share = Number((graph.restaked * 10_000n) / graph.backing) / 100;
    const note = [`${protocol.protocol}: ${share.toFixed(2)} % of its backing is restaked through ${graph.stakers} staker contract(s); the rest is idle or not restaked`, protocol.limits].filter(Boolean).join('. ');
    exposed.push({ ...base, restaked: restaked.toString(), note });
  }
  return { stakes, positions: exposed };
}

function buildGraph(protocol: LrtProtocol, read: { totalSupply: bigint | null; stakers: number; error: string | null } | undefined, all: readonly LrtStake[], book: RateBook): ProtocolGraph {
  if (!read) return { stakes: [], restaked: 0n, backing: null, stakers: 0, error: 'not read at the latest refresh' };
  if (read.error) return { stakes: [], restaked: 0n, backing: null, stakers: read.stakers, error: read.error };
  const backingToken = mainnetToken(protocol.backingSymbol)!;
  const backing = read.totalSupply === null ? null : valuePosition(read.totalSupply, backingToken.decimals, backingToken, book).underlyingValue;
  const grouped = new Map<string, Omit<Stake, 'positionId'>>();
  let restaked = 0n;
  for (const stake of all.filter((item) => item.protocol === protocol.protocol)) {
    const eth = ethValue(stake, book);
    if (eth === null) continue;
    restaked += eth;
    if (!stake.operator) continue; // not delegated: restaked, but no operator can slash it
    const key = `${stake.operator.toLowerCase()}|${stake.strategy.toLowerCase()}`;
    const entry = grouped.get(key) ?? { operator: stake.operator, strategy: stake.strategy, amount: 0n };
    entry.amount += eth;
    grouped.set(key, entry);
  }
  // Never claim more restaked stake than the token's backing.
  return { stakes: [...grouped.values()], restaked: backing !== null && restaked > backing ? backing : restaked, backing, stakers: read.stakers, error: null };
}

function ethValue(stake: LrtStake, book: RateBook): bigint | null {
  if (stake.strategy.toLowerCase() === EIGENLAYER.beaconChainEthStrategy.toLowerCase()) return stake.withdrawableUnderlying;
  const token = stake.assetToken ? findToken('ethereum', stake.assetToken) : null;
  if (!token) return null;
  const value = valuePosition(stake.withdrawableUnderlying, stake.assetDecimals, token, book);
  return value.underlying === 'ETH' ? value.underlyingValue : null;
}
