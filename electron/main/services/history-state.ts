/**
 * The portfolio as it was at a past time, from stored snapshots only (offline by
 * construction): for each network the latest snapshot at or before the time, valued the way
 * the Portfolio page values the latest ones: rates and prices from the Ethereum snapshot at or
 * before the time, Solana NAVs from the Solana snapshot, BTC/USD from Chainlink at that
 * Ethereum snapshot or else the price API's at the Bitcoin snapshot.
 *
 * A timeline values every row at every point, so rows are parsed once per snapshot and rates
 * once per asset and time; the full valuation DTOs (compare, export) are built only on demand.
 */
import { navOf, UNDERLYING_DECIMALS, usdOf, type RateBook, type RateFigure, type Underlying } from '../../../shared/domain/position-valuation';
import { convert } from '../../../shared/domain/valuation';
import type { Position } from '../../../shared/ipc/schemas';
import { NETWORK_IDS, type NetworkId } from '../../../shared/registry/networks';
import type { SnapshotBalanceRow } from '../db/repos/snapshots.repo';
import type { StoredRate } from '../db/repos/rates.repo';
import type { AppContext } from './context';
import { assetOf, rateBook, valuationOf, type AssetOf, type RatesSnapshot } from './portfolio-valuation';

export interface SnapshotRef {
  network: NetworkId;
  id: number;
  blockNumber: string;
  blockTime: number;
}

/** A position as stored in one snapshot, or a zero one standing for "not held then". */
export type PositionBase = Omit<Position, 'valuation'>;

/** A stored row with what every time needs of it parsed once. */
export interface HeldRow {
  row: SnapshotBalanceRow;
  ref: SnapshotRef;
  amount: bigint | null;
  asset: AssetOf;
  /** network | token address | symbol: rows of one asset share its rates. */
  assetKey: string;
}

/** The rates of one asset at one time. */
export interface AssetFigures {
  underlying: Underlying;
  unitDecimals: number;
  nav: RateFigure;
  usd: RateFigure;
}

/** A row's value as valuePosition computes it, without the DTO strings (for the timeline). */
export interface QuickValue {
  figures: AssetFigures;
  underlyingValue: bigint | null;
  usdCents: bigint | null;
}

export interface PortfolioState {
  time: number;
  /** The snapshot used for each network that had one by then, in NETWORK_IDS order. */
  snapshots: SnapshotRef[];
  ethereum: SnapshotRef | null;
  /** Every stored balance row of those snapshots whose asset the registry knows. */
  rows: readonly HeldRow[];
  /** The same rows valued as the Portfolio page values them (built on first use). */
  readonly positions: Position[];
  snapshotOf(network: NetworkId): SnapshotRef | null;
  /** Values a row at this time with the rates in force then (a zero row gives just the rates). */
  value(row: PositionBase): Position;
  /** Memoized per row. */
  quick(row: HeldRow): QuickValue;
  /** The rates of the row's asset at this time, held or not. */
  figures(row: HeldRow): AssetFigures;
  /** The rates positions of this network are valued with. */
  bookFor(network: NetworkId): RateBook;
}

export const positionKey = (row: { walletId: number; chain: NetworkId; tokenAddress: string | null }) => `${row.walletId}:${row.chain}:${row.tokenAddress ?? ''}`;

const ONE: RateFigure = { ok: true, rate: { value: 1n, decimals: 0 }, source: 'native coin' };

export function baseOf({ row, ref }: HeldRow): PositionBase {
  return { ...row, chain: ref.network, blockNumber: ref.blockNumber, blockTime: ref.blockTime, source: `stored ${ref.network} snapshot ${ref.id} (block ${ref.blockNumber})` };
}

/** assetOf searches the registry; a history repeats the same few assets in every snapshot. */
function assetCache() {
  const cache = new Map<string, AssetOf | null>();
  return (key: string, network: NetworkId, row: SnapshotBalanceRow): AssetOf | null => {
    if (!cache.has(key)) cache.set(key, assetOf(network, row.tokenAddress, row.symbol));
    return cache.get(key)!;
  };
}

/** Reads every snapshot's list once; rates and balance rows are read once per snapshot and reused across times. */
export function createStateReader(ctx: AppContext) {
  const all = ctx.repos.snapshots.all();
  const rates = new Map<number, StoredRate[]>();
  const rows = new Map<number, HeldRow[]>();
  const assets = assetCache();
  const ratesOf = (id: number) => rates.get(id) ?? rates.set(id, ctx.repos.rates.forSnapshot(id)).get(id)!;
  const ratesSnapshot = (ref: SnapshotRef | undefined): RatesSnapshot | null => (ref ? { blockNumber: ref.blockNumber, blockTime: ref.blockTime, rates: ratesOf(ref.id) } : null);

  function heldRows(ref: SnapshotRef): HeldRow[] {
    let list = rows.get(ref.id);
    if (!list) {
      list = [];
      for (const row of ctx.repos.snapshots.balancesOf(ref.id)) {
        const assetKey = `${ref.network}|${row.tokenAddress ?? ''}|${row.symbol}`;
        const asset = assets(assetKey, ref.network, row);
        // Rows the registry does not know are left out, as the value history does.
        if (asset) list.push({ row, ref, amount: row.rawAmount === null ? null : BigInt(row.rawAmount), asset, assetKey });
      }
      rows.set(ref.id, list);
    }
    return list;
  }

  /** Snapshots are listed by block time, then id: the last one at or before the time wins. */
  function pick(time: number): Map<NetworkId, SnapshotRef> {
    const picked = new Map<NetworkId, SnapshotRef>();
    for (const snapshot of all) {
      if (snapshot.blockTime <= time) picked.set(snapshot.chain, { network: snapshot.chain, id: snapshot.id, blockNumber: snapshot.blockNumber, blockTime: snapshot.blockTime });
    }
    return picked;
  }

  function at(time: number): PortfolioState {
    const picked = pick(time);
    const ethereum = ratesSnapshot(picked.get('ethereum'));
    const solana = ratesSnapshot(picked.get('solana'));
    const main = rateBook(ethereum, solana?.rates ?? []);
    const btcFromEthereum = ethereum?.rates.some((rate) => rate.key === 'usd:BTC' && rate.value !== null) ?? false;
    const bitcoin = btcFromEthereum ? ethereum : (ratesSnapshot(picked.get('bitcoin')) ?? ethereum);
    const bitcoinBook = rateBook(bitcoin);
    const bookFor = (network: NetworkId) => (network === 'bitcoin' ? bitcoinBook : main);
    // A Solana token's NAV was read at the Solana slot; its SOL/USD price at the Ethereum block.
    const ratesFor = (network: NetworkId) => (network === 'bitcoin' ? bitcoin : network === 'solana' && solana ? solana : ethereum);
    const value = (row: PositionBase): Position => ({ ...row, valuation: valuationOf(row, bookFor(row.chain), ratesFor(row.chain)) });
    const snapshots = NETWORK_IDS.flatMap((network) => picked.get(network) ?? []);
    const stateRows = snapshots.flatMap(heldRows);

    const figureCache = new Map<string, AssetFigures>();
    const figures = (held: HeldRow): AssetFigures => {
      let figure = figureCache.get(held.assetKey);
      if (!figure) {
        const underlying = held.asset.token?.underlying ?? held.asset.native;
        const book = bookFor(held.ref.network);
        figure = { underlying, unitDecimals: UNDERLYING_DECIMALS[underlying], nav: held.asset.token ? navOf(held.asset.token, book) : ONE, usd: usdOf(underlying, book) };
        figureCache.set(held.assetKey, figure);
      }
      return figure;
    };
    const quickValues = new Map<HeldRow, QuickValue>();
    const quick = (held: HeldRow): QuickValue => {
      let result = quickValues.get(held);
      if (!result) {
        const figure = figures(held);
        // The same two floors as valuePosition: amount × NAV to the raw unit, then × USD to the cent.
        const underlyingValue = held.amount !== null && figure.nav.ok ? convert(held.amount, held.row.decimals, figure.nav.rate, figure.unitDecimals) : null;
        const usdCents = underlyingValue !== null && figure.usd.ok ? convert(underlyingValue, figure.unitDecimals, figure.usd.rate, 2) : null;
        quickValues.set(held, (result = { figures: figure, underlyingValue, usdCents }));
      }
      return result;
    };
    let positions: Position[] | null = null;
    return {
      time,
      snapshots,
      ethereum: picked.get('ethereum') ?? null,
      rows: stateRows,
      get positions() {
        return (positions ??= stateRows.map((held) => value(baseOf(held))));
      },
      snapshotOf: (network) => picked.get(network) ?? null,
      value,
      quick,
      figures,
      bookFor,
    };
  }

  return {
    at,
    /** Block times of the first and last snapshot of any network (the list is in block-time order). */
    span: () => ({ firstSnapshotTime: all[0]?.blockTime ?? null, lastSnapshotTime: all.at(-1)?.blockTime ?? null }),
    /** The points of a timeline: each Ethereum snapshot's time (each snapshot's when there is no Ethereum one). */
    anchorTimes(): number[] {
      const ethereum = all.filter((snapshot) => snapshot.chain === 'ethereum');
      return [...new Set((ethereum.length > 0 ? ethereum : all).map((snapshot) => snapshot.blockTime))];
    },
  };
}

export type StateReader = ReturnType<typeof createStateReader>;
