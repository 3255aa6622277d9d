/**
 * AllocationManager events since the last scan, with chunked eth_getLogs: OperatorSlashed
 * and AllocationUpdated. Neither event has indexed fields (IAllocationManager.sol @f84a515),
 * so every event of the contract in the range is fetched and the operators of interest are
 * picked out here. A range an RPC refuses as too large is split in two and retried.
 */
import { getAddress, type Log } from 'viem';
import { EIGENLAYER } from '../../../../shared/registry/eigenlayer';
import type { EvmClient } from './client';
import { allocationManagerAbi } from './eigenlayer-abi';

type Address = `0x${string}`;

export interface SlashingEvent {
  kind: 'slashed' | 'allocation';
  blockNumber: bigint;
  logIndex: number;
  transactionHash: string;
  operator: Address;
  avs: Address;
  setId: number;
  /** slashed: the strategies and the WAD share slashed of each; allocation: the one strategy and its new magnitude. */
  strategies: Address[];
  amounts: bigint[];
  description: string | null;
  effectBlock: number | null;
}

/** Blocks per eth_getLogs request; public RPCs commonly cap a range at 10,000 blocks or fewer. */
export const LOG_CHUNK_BLOCKS = 5_000n;

const events = allocationManagerAbi.filter((item) => item.type === 'event');

export async function readSlashingEvents(evm: EvmClient, fromBlock: bigint, toBlock: bigint, operators: ReadonlySet<string>): Promise<SlashingEvent[]> {
  const found: SlashingEvent[] = [];
  const ranges: [bigint, bigint][] = [];
  for (let start = fromBlock; start <= toBlock; start += LOG_CHUNK_BLOCKS) ranges.push([start, start + LOG_CHUNK_BLOCKS - 1n < toBlock ? start + LOG_CHUNK_BLOCKS - 1n : toBlock]);
  const wanted = new Set([...operators].map((operator) => operator.toLowerCase()));
  const logs = (await Promise.all(ranges.map(([from, to]) => logsIn(evm, from, to)))).flat();
  for (const log of logs) {
    const event = toEvent(log);
    if (event && wanted.has(event.operator.toLowerCase())) found.push(event);
  }
  return found.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
}

async function logsIn(evm: EvmClient, fromBlock: bigint, toBlock: bigint): Promise<Log[]> {
  try {
    return (await evm.client.getLogs({ address: EIGENLAYER.allocationManager as Address, events, fromBlock, toBlock, strict: true })) as Log[];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (toBlock > fromBlock && /range|too many|limit|exceed/i.test(message)) {
      const middle = (fromBlock + toBlock) / 2n;
      return [...(await logsIn(evm, fromBlock, middle)), ...(await logsIn(evm, middle + 1n, toBlock))];
    }
    throw cause;
  }
}

function toEvent(log: Log): SlashingEvent | null {
  const decoded = log as Log & { eventName?: string; args?: Record<string, unknown> };
  const args = decoded.args;
  if (!args || log.blockNumber === null || log.logIndex === null || log.transactionHash === null) return null;
  const set = args.operatorSet as { avs: Address; id: number };
  const base = { blockNumber: log.blockNumber, logIndex: log.logIndex, transactionHash: log.transactionHash, operator: getAddress(args.operator as string), avs: getAddress(set.avs), setId: Number(set.id) };
  if (decoded.eventName === 'OperatorSlashed') {
    return { ...base, kind: 'slashed', strategies: (args.strategies as Address[]).map((item) => getAddress(item)), amounts: [...(args.wadSlashed as bigint[])], description: args.description as string, effectBlock: null };
  }
  if (decoded.eventName === 'AllocationUpdated') {
    return { ...base, kind: 'allocation', strategies: [getAddress(args.strategy as string)], amounts: [BigInt(args.magnitude as bigint)], description: null, effectBlock: Number(args.effectBlock) };
  }
  return null;
}
