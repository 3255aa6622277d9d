/**
 * One timeline point: the portfolio's USD value, value per underlying, slashable amount and
 * realized yield since the previous point, from a past state (history-state.ts).
 */
import { portfolioRateYield, type Figure, type GrowthItem } from '../../../shared/domain/history-compare';
import { UNDERLYING_DECIMALS, usdOf, type Underlying } from '../../../shared/domain/position-valuation';
import { convert } from '../../../shared/domain/valuation';
import type { TimelinePoint } from '../../../shared/ipc/history-schemas';
import type { RateFigureDto } from '../../../shared/ipc/schemas';
import type { AppContext } from './context';
import { slashableAt, type SlashableAt } from './history-exposure';
import { baseOf, type HeldRow, type PortfolioState } from './history-state';

export const figureOf = (dto: RateFigureDto): Figure => (dto.ok ? { ok: true, rate: { value: BigInt(dto.value), decimals: dto.decimals } } : { ok: false, reason: dto.reason });

const isHeld = (row: HeldRow) => row.amount !== 0n;

/** USD sum of the positions with a value; a failed read or a missing price counts as unvalued, never as zero. */
export function valueTotal(state: PortfolioState): { usdCents: string; unvalued: number } {
  let cents = 0n;
  let unvalued = 0;
  for (const row of state.rows.filter(isHeld)) {
    const { usdCents } = state.quick(row);
    if (usdCents === null) unvalued += 1;
    else cents += usdCents;
  }
  return { usdCents: cents.toString(), unvalued };
}

function byUnderlying(state: PortfolioState): TimelinePoint['byUnderlying'] {
  const sums = new Map<Underlying, { value: bigint; positions: number; unvalued: number }>();
  for (const row of state.rows.filter(isHeld)) {
    const { figures, underlyingValue } = state.quick(row);
    const underlying = figures.underlying;
    const sum = sums.get(underlying) ?? { value: 0n, positions: 0, unvalued: 0 };
    sum.positions += 1;
    if (underlyingValue === null) sum.unvalued += 1;
    else sum.value += underlyingValue;
    sums.set(underlying, sum);
  }
  return [...sums].map(([underlying, sum]) => ({ underlying, decimals: UNDERLYING_DECIMALS[underlying], value: sum.value.toString(), positions: sum.positions, unvalued: sum.unvalued }));
}

/** The state's slashable amounts, or null without an Ethereum snapshot. Only LRT rows matter to the look-through. */
export function slashableOf(ctx: AppContext, state: PortfolioState): SlashableAt | null {
  if (!state.ethereum) return null;
  const lrts = state.rows.filter((row) => row.asset.kind === 'lrt' && isHeld(row)).map((row) => state.value(baseOf(row)));
  return slashableAt(ctx, state.ethereum.id, lrts, state.bookFor('ethereum'));
}

function slashableDto(state: PortfolioState, slashable: SlashableAt | null): TimelinePoint['slashable'] {
  if (!slashable) return null;
  const usd = usdOf('ETH', state.bookFor('ethereum'));
  return { amount: slashable.total.toString(), usdCents: usd.ok ? convert(slashable.total, 18, usd.rate, 2).toString() : null };
}

/**
 * The start holdings per asset (amounts summed over wallets: the growth is linear in the
 * amount), with the start NAV, the end NAV and the start USD price.
 */
function growthItems(previous: PortfolioState, current: PortfolioState): { items: GrowthItem[]; positions: number; excluded: number } {
  const items = new Map<string, GrowthItem>();
  let positions = 0;
  let excluded = 0;
  for (const row of previous.rows.filter(isHeld)) {
    const start = previous.figures(row);
    const nav1 = current.figures(row).nav;
    if (row.amount === null || !start.nav.ok || !nav1.ok || !start.usd.ok) {
      excluded += 1;
      continue;
    }
    positions += 1;
    const key = `${row.assetKey}|${row.row.decimals}`;
    const item = items.get(key) ?? { amount: 0n, decimals: row.row.decimals, nav0: start.nav.rate, nav1: nav1.rate, usd0: start.usd.rate };
    item.amount += row.amount;
    items.set(key, item);
  }
  return { items: [...items.values()], positions, excluded };
}

function yieldSince(previous: PortfolioState, current: PortfolioState): TimelinePoint['yieldSincePrevious'] {
  const seconds = current.time - previous.time;
  const { items, positions, excluded } = growthItems(previous, current);
  const { figure } = portfolioRateYield(items, seconds);
  return { figure: figure.ok ? { value: figure.value, reason: null } : { value: null, reason: figure.reason }, seconds, positions, excluded };
}

export function timelinePoint(ctx: AppContext, state: PortfolioState, previous: PortfolioState | null): TimelinePoint {
  return {
    time: state.time,
    snapshots: state.snapshots,
    ...valueTotal(state),
    byUnderlying: byUnderlying(state),
    slashable: slashableDto(state, slashableOf(ctx, state)),
    yieldSincePrevious: previous ? yieldSince(previous, state) : null,
  };
}
