/**
 * History and compare from stored snapshots only (works offline): the portfolio at every
 * refresh (timeline) and at two chosen times, position by position, with why its USD value
 * changed. See docs/history.md.
 */
import type { Compare, Timeline } from '../../../shared/ipc/history-schemas';
import type { AppContext } from './context';
import { buildCompare } from './history-compare-rows';
import { createStateReader, type PortfolioState } from './history-state';
import { slashableOf, timelinePoint } from './history-timeline';
import type { SlashableAt } from './history-exposure';

/** "The latest": a time after every stored snapshot. */
export const LATEST = Number.MAX_SAFE_INTEGER;

export function createHistoryService(ctx: AppContext) {
  return {
    /** One point per refresh time: each Ethereum snapshot, with every other network's latest snapshot at or before it. */
    timeline(): Timeline {
      const reader = createStateReader(ctx);
      let previous: PortfolioState | null = null;
      const points = reader.anchorTimes().map((time) => {
        const state = reader.at(time);
        const point = timelinePoint(ctx, state, previous);
        previous = state;
        return point;
      });
      return { points, ...reader.span() };
    },

    /** The portfolio as it was at `from` and at `to` (unix seconds), position by position. */
    compare(from: number, to: number): Compare {
      const reader = createStateReader(ctx);
      const before = reader.at(from);
      const after = reader.at(to);
      return buildCompare({ before, after, slashable: { before: slashableOf(ctx, before), after: slashableOf(ctx, after) }, wallets: ctx.repos.wallets.list() });
    },

    /** The portfolio at one time (LATEST for the latest snapshots), with its slashable amounts: for exports. */
    stateAt(time: number): { state: PortfolioState; slashable: SlashableAt | null } {
      const state = createStateReader(ctx).at(time);
      return { state, slashable: slashableOf(ctx, state) };
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
