/**
 * The latest metadata URI of each operator and AVS in the graph, from the events EigenLayer
 * emits (the URI is never stored on chain): OperatorMetadataURIUpdated on the
 * DelegationManager and AVSMetadataURIUpdated on the AllocationManager and the legacy
 * AVSDirectory (shared api-shapes eigenlayer-metadata.md; topics indexed by address, so the
 * query is filtered by the graph's addresses). The range starts whole and is split in two
 * whenever the RPC refuses it as too large.
 */
import { getAddress, parseAbiItem, type Log } from 'viem';
import { EIGENLAYER } from '../../../../shared/registry/eigenlayer';
import type { EvmClient } from './client';

type Address = `0x${string}`;

/** IDelegationManager.sol / IAllocationManager.sol / IAVSDirectory.sol @f84a515. */
const operatorEvent = parseAbiItem('event OperatorMetadataURIUpdated(address indexed operator, string metadataURI)');
const avsEvent = parseAbiItem('event AVSMetadataURIUpdated(address indexed avs, string metadataURI)');

export interface MetadataUri {
  kind: 'operator' | 'avs';
  address: Address;
  uri: string;
  blockNumber: bigint;
}

export async function readMetadataUris(evm: EvmClient, operators: readonly Address[], avss: readonly Address[], fromBlock: bigint, toBlock: bigint): Promise<MetadataUri[]> {
  const [operatorLogs, avsLogs] = await Promise.all([
    operators.length ? splitting(fromBlock, toBlock, (from, to) => evm.client.getLogs({ address: EIGENLAYER.delegationManager as Address, event: operatorEvent, args: { operator: [...operators] }, fromBlock: from, toBlock: to })) : [],
    avss.length ? splitting(fromBlock, toBlock, (from, to) => evm.client.getLogs({ address: [EIGENLAYER.allocationManager as Address, EIGENLAYER.avsDirectory as Address], event: avsEvent, args: { avs: [...avss] }, fromBlock: from, toBlock: to })) : [],
  ]);
  const latest = new Map<string, MetadataUri>();
  const keep = (kind: MetadataUri['kind'], address: string, uri: string, log: Log) => {
    const key = `${kind}:${address.toLowerCase()}`;
    const previous = latest.get(key);
    if (log.blockNumber === null) return;
    if (!previous || previous.blockNumber <= log.blockNumber) latest.set(key, { kind, address: getAddress(address), uri, blockNumber: log.blockNumber });
  };
  for (const log of operatorLogs) keep('operator', log.args.operator!, log.args.metadataURI ?? '', log);
  for (const log of avsLogs) keep('avs', log.args.avs!, log.args.metadataURI ?? '', log);
  return [...latest.values()];
}

async function splitting<T>(fromBlock: bigint, toBlock: bigint, read: (from: bigint, to: bigint) => Promise<T[]>): Promise<T[]> {
  try {
    return await read(fromBlock, toBlock);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (toBlock <= fromBlock || !/range|too many|limit|exceed|10000|block/i.test(message)) throw cause;
    const middle = (fromBlock + toBlock) / 2n;
    return [...(await splitting(fromBlock, middle, read)), ...(await splitting(middle + 1n, toBlock, read))];
  }
}
