/**
 * The portfolio at two times, position by position (wallet + network + token address): both
 * sides valued with the rates of their own time, the realized yield of the position's NAV, its
 * slashable amount, and the exact balance / rate / price split of its USD change
 * (shared/domain/history-compare.ts). A position held at only one time gets a zero side valued
 * with that time's rates, so appearing and disappearing positions split the same way.
 */
import { attributeChange, navYield, sumEffects, type CompareSide, type Effect } from '../../../shared/domain/history-compare';
import { notMeasured } from '../../../shared/domain/yield';
import type { Compare, ComparePosition, CompareSideDto, EffectDto } from '../../../shared/ipc/history-schemas';
import type { Position, Wallet } from '../../../shared/ipc/schemas';
import { NETWORK_IDS } from '../../../shared/registry/networks';
import type { SlashableAt } from './history-exposure';
import { tokenPositionId } from '../../../shared/domain/position-id';
import { positionKey, type PortfolioState, type PositionBase } from './history-state';
import { figureOf, valueTotal } from './history-timeline';

export interface CompareInputs {
  before: PortfolioState;
  after: PortfolioState;
  slashable: { before: SlashableAt | null; after: SlashableAt | null };
  wallets: readonly Wallet[];
}

const effectDto = (effect: Effect): EffectDto => (effect.ok ? { ok: true, usdCents: effect.cents.toString() } : effect);

/** A row standing for "not held at this time": amount 0, the network's snapshot of that time if any. */
function notHeld(template: PositionBase, state: PortfolioState): PositionBase {
  const ref = state.snapshotOf(template.chain);
  return { ...template, rawAmount: '0', error: null, blockNumber: ref?.blockNumber ?? '', blockTime: ref?.blockTime ?? 0, source: ref ? template.source : 'no snapshot of this network by then' };
}

function sideOf(state: PortfolioState, row: PositionBase, slashable: SlashableAt | null): { dto: CompareSideDto; side: CompareSide } {
  // Valued even when the read failed, so the side still shows the rates of its time.
  const valuation = state.value({ ...row, rawAmount: row.rawAmount ?? '0' }).valuation!;
  const isZero = row.rawAmount === '0';
  const known = row.rawAmount !== null;
  const inGraph = slashable !== null && valuation.kind === 'lrt' && valuation.underlying === 'ETH';
  const dto: CompareSideDto = {
    rawAmount: row.rawAmount,
    error: row.error,
    snapshot: state.snapshotOf(row.chain),
    nav: valuation.nav,
    market: valuation.market,
    usd: valuation.usd,
    underlyingValue: isZero ? '0' : known ? valuation.underlyingValue : null,
    usdCents: isZero ? '0' : known ? valuation.usdCents : null,
    premium: valuation.premium,
    ratesTime: valuation.ratesTime,
    slashable: inGraph ? (slashable.byPosition.get(tokenPositionId(row)) ?? 0n).toString() : null,
  };
  const side: CompareSide = {
    amount: known ? BigInt(row.rawAmount!) : null,
    error: row.error,
    decimals: row.decimals,
    nav: figureOf(valuation.nav),
    usd: figureOf(valuation.usd),
    unitDecimals: valuation.underlyingDecimals,
  };
  return { dto, side };
}

function realizedYield(before: CompareSideDto, after: CompareSideDto, start: CompareSide, end: CompareSide, kind: string) {
  if (before.nav.ok && before.nav.source === 'native coin') return notMeasured(`no NAV rate: ${kind} is held as the coin itself`);
  if (before.ratesTime === null || after.ratesTime === null) return notMeasured(`no rates read by the ${before.ratesTime === null ? 'start' : 'end'}`);
  return navYield(start.nav, end.nav, after.ratesTime - before.ratesTime);
}

function statusOf(before: string | null, after: string | null): ComparePosition['status'] {
  if (before === null || after === null) return 'unread';
  if (before === '0' && after !== '0') return 'appeared';
  if (after === '0' && before !== '0') return 'disappeared';
  return 'held';
}

function comparePosition(inputs: CompareInputs, before: Position | undefined, after: Position | undefined): ComparePosition {
  const template = (after ?? before)!;
  const b = sideOf(inputs.before, before ?? notHeld(template, inputs.before), inputs.slashable.before);
  const a = sideOf(inputs.after, after ?? notHeld(template, inputs.after), inputs.slashable.after);
  const valuation = inputs.after.value({ ...template, rawAmount: '0' }).valuation!;
  const wallet = inputs.wallets.find((item) => item.id === template.walletId);
  const attribution = attributeChange(b.side, a.side);
  const realized = realizedYield(b.dto, a.dto, b.side, a.side, valuation.kind);
  return {
    key: positionKey(template),
    walletId: template.walletId,
    walletAddress: wallet?.address ?? null,
    walletLabel: wallet?.label ?? null,
    network: template.chain,
    tokenAddress: template.tokenAddress,
    symbol: template.symbol,
    decimals: template.decimals,
    kind: valuation.kind,
    protocol: valuation.protocol,
    underlying: valuation.underlying,
    underlyingDecimals: valuation.underlyingDecimals,
    status: statusOf(b.dto.rawAmount, a.dto.rawAmount),
    before: b.dto,
    after: a.dto,
    realizedYield: realized.ok ? { value: realized.value, reason: null } : { value: null, reason: realized.reason },
    change: {
      total: effectDto(attribution.total),
      balance: effectDto(attribution.balance),
      rate: effectDto(attribution.rate),
      price: effectDto(attribution.price),
      remainderCents: attribution.remainder.toString(),
      remainderTo: attribution.remainderTo,
    },
  };
}

const byWalletNetworkSymbol = (a: ComparePosition, b: ComparePosition) =>
  a.walletId - b.walletId || NETWORK_IDS.indexOf(a.network) - NETWORK_IDS.indexOf(b.network) || a.symbol.localeCompare(b.symbol) || a.key.localeCompare(b.key);

const byKey = (positions: readonly Position[]) => new Map(positions.map((position) => [positionKey(position), position]));

export function buildCompare(inputs: CompareInputs): Compare {
  const before = byKey(inputs.before.positions);
  const after = byKey(inputs.after.positions);
  // Absent from a snapshot means not held; a failed read (null) is not zero. Zero at both times is nothing to explain.
  const amount = (map: Map<string, Position>, key: string) => (map.has(key) ? map.get(key)!.rawAmount : '0');
  const keys = [...new Set([...before.keys(), ...after.keys()])].filter((key) => amount(before, key) !== '0' || amount(after, key) !== '0');
  const positions = keys.map((key) => comparePosition(inputs, before.get(key), after.get(key))).sort(byWalletNetworkSymbol);
  const total = (pick: (change: ComparePosition['change']) => EffectDto) => {
    const sum = sumEffects(positions.map((position) => pick(position.change)).map((dto) => (dto.ok ? { ok: true, cents: BigInt(dto.usdCents) } : dto)));
    return { usdCents: sum.cents.toString(), missing: sum.missing };
  };
  const end = (state: PortfolioState) => ({ time: state.time, snapshots: state.snapshots, ...valueTotal(state) });
  return {
    from: end(inputs.before),
    to: end(inputs.after),
    positions,
    totals: { total: total((change) => change.total), balance: total((change) => change.balance), rate: total((change) => change.rate), price: total((change) => change.price) },
  };
}
