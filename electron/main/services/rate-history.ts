/**
 * After an Ethereum snapshot: read the NAV rates (and claimed rewards) at the start of each
 * yield window and at weekly points for the rolling-yield chart, with eth_call at past
 * blocks. Blocks are found by timestamp (block-search.ts), starting from cached block times.
 * An RPC that has no old state (not an archive node) is recorded per window; the yield is
 * then measured from the samples stored at earlier refreshes instead.
 */
import { findBlockAtOrBefore, type BlockTime } from '../chain/evm/block-search';
import type { EvmClient } from '../chain/evm/client';
import { describeRpcError, isMissingState } from '../chain/evm/errors';
import { readPlanned, type PlannedRate } from '../chain/evm/rates';
import { SECONDS_PER_DAY, YIELD_WINDOWS_DAYS } from '../../../shared/domain/yield';
import type { AppContext } from './context';
import { screenRates } from '../../../shared/domain/sanity-screen';

/** Weekly chart points kept for the rolling-yield chart (13 weeks ≈ the 90-day window). */
export const HISTORY_WEEKS = 13;
const WEEK = 7 * SECONDS_PER_DAY;

export interface HistoryTarget {
  /** '7d' / '30d' / '90d' for a window start, 'week' for a chart point. */
  label: string;
  time: number;
}

export interface RateHistoryOutcome {
  blocksRead: number;
  ratesRead: number;
  /** Window label → why it has no archive sample, when it has none. */
  errors: Record<string, string>;
}

/** The window starts, and the weekly points (UTC day-aligned, so a day's refreshes share them) not stored yet. */
export function historyTargets(headTime: number, isStored: (time: number) => boolean): HistoryTarget[] {
  const windows = YIELD_WINDOWS_DAYS.map((days) => ({ label: `${days}d`, time: headTime - days * SECONDS_PER_DAY }));
  const dayStart = headTime - (headTime % SECONDS_PER_DAY);
  const weeks: HistoryTarget[] = [];
  for (let week = 1; week <= HISTORY_WEEKS; week += 1) {
    const time = dayStart - week * WEEK;
    if (!isStored(time)) weeks.push({ label: 'week', time });
  }
  return [...windows, ...weeks];
}

export async function readRateHistory(ctx: AppContext, evm: EvmClient, head: BlockTime, planned: readonly PlannedRate[]): Promise<RateHistoryOutcome> {
  const chain = evm.chain;
  const { history } = ctx.repos;
  const targets = historyTargets(head.timestamp, (time) => history.hasPastRatesBetween(chain, time - SECONDS_PER_DAY / 2, time));

  // One read per block number across all searches (several start from the same genesis).
  const times = new Map<bigint, Promise<number>>();
  const readTime = (number: bigint): Promise<number> => {
    let time = times.get(number);
    if (!time) {
      time = evm.client.getBlock({ blockNumber: number }).then((block) => Number(block.timestamp));
      times.set(number, time);
    }
    return time;
  };

  const found = await Promise.all(
    targets.map(async (target) => {
      const { below, above } = history.bracket(chain, target.time);
      try {
        const result = await findBlockAtOrBefore({ target: target.time, head, below, above, readTime });
        return { target, ...result, error: null as string | null };
      } catch (cause) {
        return { target, block: null, probes: [] as BlockTime[], error: describeRpcError(cause) };
      }
    }),
  );

  const blocks = new Map<bigint, BlockTime>();
  for (const item of found) if (item.block && item.block.number !== head.number) blocks.set(item.block.number, item.block);
  const reads = await Promise.all(
    [...blocks.values()].map(async (block) => {
      try {
        return { block, rates: await readPlanned(evm, block.number, planned), error: null };
      } catch (cause) {
        const message = describeRpcError(cause);
        return {
          block,
          rates: [],
          error: isMissingState(message) ? `The RPC has no state at block ${block.number} (it is not an archive node): ${message}` : message,
        };
      }
    }),
  );
  const readError = new Map(reads.map((read) => [read.block.number, read.error]));

  const now = ctx.now();
  const errors: Record<string, string> = {};
  ctx.transaction(() => {
    history.saveBlockTimes(chain, [head, ...found.flatMap((item) => item.probes)]);
    for (const read of reads) {
      // The same sanity bounds as a refresh (ranges only: no "previous" for a past block), so yield never measures from an absurd rate.
      const rates = screenRates(
        read.rates.map((rate) => ({ key: rate.key, value: rate.value === null ? null : rate.value.toString(), decimals: rate.decimals, source: rate.source, error: rate.error })),
        { now: read.block.timestamp },
      );
      history.savePastRates(chain, read.block, rates, now);
    }
    for (const item of found) {
      if (item.target.label === 'week') continue;
      const error =
        item.error ??
        (item.block === null ? `Not enough history: the chain's first block is after ${new Date(item.target.time * 1000).toISOString()}` : readError.get(item.block.number) ?? null);
      if (error) errors[item.target.label] = error;
      history.saveRead(chain, {
        label: item.target.label,
        targetTime: item.target.time,
        blockNumber: item.block?.number ?? null,
        blockTime: item.block?.timestamp ?? null,
        error,
        attemptedAt: now,
      });
    }
  });
  return { blocksRead: times.size, ratesRead: reads.reduce((sum, read) => sum + read.rates.length, 0), errors };
}
