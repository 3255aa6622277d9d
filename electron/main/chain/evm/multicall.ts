/**
 * Many contract reads at one pinned block through Multicall3 aggregate3. Calls are chunked;
 * chunks are sent concurrently, so viem's HTTP batching puts several in one request. Each
 * call may fail on its own (a revert or undecodable data becomes that call's error); a
 * transport failure rejects the whole read, so callers never store half a chain.
 */
import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, type Abi, type Hex } from 'viem';
import { MULTICALL3_ADDRESS } from '../../../../shared/registry/chains';
import type { EvmClient } from './client';
import { multicall3Abi } from './multicall3-abi';

export interface ContractCall {
  address: `0x${string}`;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

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
  const answered = await Promise.all(
    chunks.map(async (start) => {
      const part = encoded.slice(start, start + callsPerChunk);
      const { data } = await evm.client.call({
        to: MULTICALL3_ADDRESS,
        data: encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [part] }),
        blockNumber,
      });
      if (!data) throw new Error('Multicall3 returned no data (is it deployed on this chain?)');
      const results = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data });
      if (results.length !== part.length) throw new Error('Multicall3 returned a wrong number of results');
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

function revertReason(data: Hex): string {
  if (data === '0x') return '';
  try {
    const decoded = decodeErrorResult({ data });
    return decoded.args?.length ? `: ${String(decoded.args[0])}` : `: ${decoded.errorName}`;
  } catch {
    return '';
  }
}
