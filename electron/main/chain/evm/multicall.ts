/**
 * Many contract reads at one pinned block through Multicall3 aggregate3. Calls are chunked;
 * chunks are sent concurrently, so viem's HTTP batching puts several in one request. Each
 * call may fail on its own (a revert or undecodable data becomes that call's error); a
 * transport failure rejects the whole read, so callers never store half a chain. Each chunk
 * also asks Multicall3 for block.number and refuses an answer from another block.
 */
import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, type Abi, type Hex } from 'viem';
import { MULTICALL3_ADDRESS, type ChainId } from '../../../../shared/registry/chains';
import type { EvmClient } from './client';
import { multicall3Abi } from './multicall3-abi';

export interface ContractCall {
  address: `0x${string}`;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

/**
 * Chains where Solidity's block.number is the chain's own block number. On Arbitrum it is the
 * L1 block number (docs.arbitrum.io, "Block numbers and time"), so the check is skipped there.
 */
const OWN_BLOCK_NUMBER: Record<ChainId, boolean> = { ethereum: true, base: true, arbitrum: false };

export type CallResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface MulticallOptions {
  blockNumber: bigint;
  callsPerChunk?: number;
  /** Called after each chunk with the number of calls answered so far. */
  onProgress?: (done: number, total: number) => void;
}

export async function multicall(evm: EvmClient, calls: readonly ContractCall[], options: MulticallOptions): Promise<CallResult[]> {
  const { blockNumber, callsPerChunk = 300, onProgress } = options;
  evm.onMulticall?.(calls, blockNumber);
  const encoded = calls.map((call) => ({
    target: call.address,
    allowFailure: true,
    callData: encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args ?? [] } as never) as Hex,
  }));
  let done = 0;
  const chunks: number[] = [];
  for (let start = 0; start < calls.length; start += callsPerChunk) chunks.push(start);
  // An endpoint (a cache or load balancer dropping the block parameter) may answer an eth_call for
  // block X with the state of another block; stored as block X that would be a wrong number.
  const check = OWN_BLOCK_NUMBER[evm.chain] ? [{ target: MULTICALL3_ADDRESS, allowFailure: true, callData: encodeFunctionData({ abi: multicall3Abi, functionName: 'getBlockNumber' }) }] : [];
  const answered = await Promise.all(
    chunks.map(async (start) => {
      const part = encoded.slice(start, start + callsPerChunk);
      const { data } = await evm.client.call({
        to: MULTICALL3_ADDRESS,
        data: encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [[...check, ...part]] }),
        blockNumber,
      });
      if (!data) throw new Error('Multicall3 returned no data (is it deployed on this chain?)');
      const all = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data });
      if (all.length !== check.length + part.length) throw new Error('Multicall3 returned a wrong number of results');
      const seen = check.length > 0 ? answeredBlock(all[0]!) : null;
      if (seen !== null && seen !== blockNumber) throw new Error(`The RPC endpoint answered an eth_call for block ${blockNumber} with the state of block ${seen}`);
      const results = all.slice(check.length);
      done += part.length;
      onProgress?.(done, calls.length);
      return results.map((result, index) => decodeCall(calls[start + index]!, result));
    }),
  );
  return answered.flat();
}

function decodeCall(call: ContractCall, result: { success: boolean; returnData: Hex }): CallResult {
  if (!result.success) return { ok: false, error: `Call reverted${revertReason(result.returnData)}` };
  try {
    return { ok: true, value: decodeFunctionResult({ abi: call.abi, functionName: call.functionName, data: result.returnData } as never) };
  } catch {
    const bytes = (result.returnData.length - 2) / 2;
    return { ok: false, error: `Unexpected return data (${bytes} bytes) from ${call.functionName}` };
  }
}

/** block.number as the call saw it, or null when it cannot tell (a Multicall3 without getBlockNumber). */
function answeredBlock(result: { success: boolean; returnData: Hex }): bigint | null {
  if (!result.success || result.returnData.length !== 66) return null;
  return decodeFunctionResult({ abi: multicall3Abi, functionName: 'getBlockNumber', data: result.returnData });
}

function revertReason(data: Hex): string {
  if (data === '0x') return '';
  try {
    const decoded = decodeErrorResult({ data });
    return decoded.args?.length ? `: ${String(decoded.args[0])}` : `: ${decoded.errorName}`;
  } catch {
    return '';
  }
}
