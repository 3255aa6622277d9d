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
import type { AppContext } from './context';

/** How far back the first scan looks: 7 days of 12 s slots. */
export const FIRST_SCAN_BLOCKS = 50_400n;

export interface ExposureReads {
  allocations: AllocationsResult;
  events: SlashingEvent[] | null;
  scanError: string | null;
}

export async function readExposureInputs(ctx: AppContext, evm: EvmClient, blockNumber: bigint, operators: readonly `0x${string}`[]): Promise<ExposureReads> {
  const allocations = await readAllocations(evm, blockNumber, operators).catch((cause: unknown) => ({
    allocations: [],
    errors: new Map(operators.map((operator) => [operator, describeRpcError(cause)] as [`0x${string}`, string])),
  }));
  // No operator to watch: nothing is scanned, so a later first operator still gets 7 days back.
  if (operators.length === 0) return { allocations, events: null, scanError: null };
  const last = ctx.repos.exposure.lastScan();
  const from = last && last.lastBlock >= 0 ? BigInt(last.lastBlock) + 1n : blockNumber > FIRST_SCAN_BLOCKS ? blockNumber - FIRST_SCAN_BLOCKS : 0n;
  if (from > blockNumber) return { allocations, events: [], scanError: null };
  try {
    return { allocations, events: await readSlashingEvents(evm, from, blockNumber, new Set(operators)), scanError: null };
  } catch (cause) {
    return { allocations, events: null, scanError: describeRpcError(cause) };
  }
}

/** Inside the snapshot's transaction. */
export function storeExposureInputs(ctx: AppContext, snapshotId: number, blockNumber: bigint, reads: ExposureReads): void {
  const { exposure } = ctx.repos;
  exposure.insertAllocations(snapshotId, reads.allocations.allocations, reads.allocations.errors);
  if (reads.events) {
    exposure.insertEvents(reads.events, ctx.now());
    exposure.saveScan(blockNumber, ctx.now());
  } else if (reads.scanError) exposure.scanFailed(reads.scanError, ctx.now());
}
