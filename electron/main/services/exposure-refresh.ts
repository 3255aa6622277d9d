/**
 * The exposure part of an Ethereum refresh, after the EigenLayer positions are read: the
 * allocations of every operator in the user's graph at the same block, and the
 * AllocationManager events since the last scan. Neither fails the snapshot: an operator that
 * cannot be read is stored as that operator's error, a failed event scan as the scan's error.
 */
import { readAllocations, type AllocationsResult } from '../chain/evm/allocations';
import type { EvmClient } from '../chain/evm/client';
import { describeRpcError } from '../chain/evm/errors';
import { readSlashingEvents, type SlashingEvent } from '../chain/evm/slashing-events';
import { readEigenLayer } from '../chain/evm/eigenlayer';
import type { PinnedBlock } from '../chain/evm/balances';
import { readStakerLists, resolveStakers, type ProtocolStakers, type StakerLists } from '../chain/evm/lrt-stakers';
import type { LrtRead, LrtStake } from '../db/repos/exposure.repo';
import { LRT_PROTOCOLS, type LrtProtocol } from '../../../shared/registry/lrt-protocols';
import { EIGENLAYER } from '../../../shared/registry/eigenlayer';
import type { AppContext } from './context';

/** How far back the first scan looks: 7 days of 12 s slots. */
export const FIRST_SCAN_BLOCKS = 50_400n;

export interface ExposureReads {
  lrt: LrtStakeReads;
  allocations: AllocationsResult;
  events: SlashingEvent[] | null;
  scanError: string | null;
}

/**
 * `heldSymbols`: the LRT symbols some wallet holds (any chain); only their protocols are
 * looked through, so a portfolio without LRTs costs no extra reads.
 */
export async function readExposureInputs(
  ctx: AppContext,
  evm: EvmClient,
  block: PinnedBlock,
  walletOperators: readonly `0x${string}`[],
  heldSymbols: ReadonlySet<string>,
  lists: StakerLists | string,
): Promise<ExposureReads> {
  const blockNumber = block.number;
  const lrt = await readLrtStakes(evm, block, lists, (protocol) => protocol.symbols.some((symbol) => heldSymbols.has(symbol)));
  const operators = [...new Set([...walletOperators, ...lrt.stakes.flatMap((stake) => (stake.operator ? [stake.operator as `0x${string}`] : []))])];
  const allocations = await readAllocations(evm, blockNumber, operators).catch((cause: unknown) => ({
    allocations: [],
    errors: new Map(operators.map((operator) => [operator, describeRpcError(cause)] as [`0x${string}`, string])),
  }));
  // No operator to watch: nothing is scanned, so a later first operator still gets 7 days back.
  if (operators.length === 0) return { lrt, allocations, events: null, scanError: null };
  const last = ctx.repos.exposure.lastScan();
  const from = last && last.lastBlock >= 0 ? BigInt(last.lastBlock) + 1n : blockNumber > FIRST_SCAN_BLOCKS ? blockNumber - FIRST_SCAN_BLOCKS : 0n;
  if (from > blockNumber) return { lrt, allocations, events: [], scanError: null };
  try {
    return { lrt, allocations, events: await readSlashingEvents(evm, from, blockNumber, new Set(operators)), scanError: null };
  } catch (cause) {
    return { lrt, allocations, events: null, scanError: describeRpcError(cause) };
  }
}

/** Inside the snapshot's transaction. */
export function storeExposureInputs(ctx: AppContext, snapshotId: number, blockNumber: bigint, reads: ExposureReads): void {
  const { exposure } = ctx.repos;
  exposure.insertLrt(snapshotId, reads.lrt.reads, reads.lrt.stakes);
  exposure.insertAllocations(snapshotId, reads.allocations.allocations, reads.allocations.errors);
  if (reads.events) {
    exposure.insertEvents(reads.events, ctx.now());
    exposure.saveScan(blockNumber, ctx.now());
  } else if (reads.scanError) exposure.scanFailed(reads.scanError, ctx.now());
}

export interface LrtStakeReads {
  reads: LrtRead[];
  stakes: LrtStake[];
}

/**
 * Every registry LRT protocol's stakers and their EigenLayer stakes at the snapshot block:
 * the staker lists, then the same EigenLayer reads as for a wallet. Queued withdrawals are
 * left out (see docs/exposure.md). Never throws: a failure is the protocol's error.
 */
/** Round one of the staker lists for every registry protocol; never throws (the error is returned). */
export async function readAllStakerLists(evm: EvmClient, block: PinnedBlock): Promise<StakerLists | string> {
  return readStakerLists(evm, block.number, LRT_PROTOCOLS).catch((cause: unknown) => describeRpcError(cause));
}

export async function readLrtStakes(evm: EvmClient, block: PinnedBlock, lists: StakerLists | string, wanted: (protocol: LrtProtocol) => boolean): Promise<LrtStakeReads> {
  const protocols = LRT_PROTOCOLS.filter(wanted);
  if (protocols.length === 0) return { reads: [], stakes: [] };
  let discovered: ProtocolStakers[];
  try {
    if (typeof lists === 'string') throw new Error(lists);
    discovered = await resolveStakers(evm, block.number, lists, wanted);
  } catch (cause) {
    const error = describeRpcError(cause);
    return { reads: protocols.map((item) => ({ protocol: item.protocol, totalSupply: null, stakers: 0, error })), stakes: [] };
  }
  const targets = discovered.flatMap((item) => item.stakers.map((staker) => ({ protocol: item.protocol, staker })));
  const errors = new Map<string, string>();
  const stakes: LrtStake[] = [];
  try {
    const reads = targets.length === 0 ? [] : await readEigenLayer(evm, block, targets.map((target, index) => ({ walletId: index, address: target.staker })));
    for (const read of reads) {
      const { protocol, staker } = targets[read.walletId]!;
      if (read.error) {
        if (!errors.has(protocol)) errors.set(protocol, `staker ${staker}: ${read.error}`);
        continue;
      }
      for (const row of read.rows) {
        if (row.kind === 'strategy') {
          stakes.push({ protocol, staker, operator: read.operator, strategy: row.strategy, assetToken: row.asset.token, assetDecimals: row.asset.decimals, withdrawableUnderlying: row.withdrawableUnderlying });
        } else if (row.kind === 'pod' && row.withdrawableShares > 0n) {
          stakes.push({ protocol, staker, operator: read.operator, strategy: EIGENLAYER.beaconChainEthStrategy, assetToken: null, assetDecimals: 18, withdrawableUnderlying: row.withdrawableShares });
        }
      }
    }
  } catch (cause) {
    for (const item of discovered) if (item.stakers.length > 0) errors.set(item.protocol, describeRpcError(cause));
  }
  return {
    reads: discovered.map((item) => ({ protocol: item.protocol, totalSupply: item.totalSupply, stakers: item.stakers.length, error: item.error ?? errors.get(item.protocol) ?? null })),
    stakes: stakes.filter((stake) => !errors.has(stake.protocol)),
  };
}
