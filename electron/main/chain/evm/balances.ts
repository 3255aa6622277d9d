/**
 * Reads native and ERC-20 balances for many wallets at one pinned block with Multicall3
 * aggregate3: calls are chunked, chunks are sent concurrently so viem's HTTP batching puts
 * several of them in one request. One reverting or odd call fails that position only; a
 * transport failure fails the whole read, so a snapshot is never written half-read.
 */
import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { CHAINS, MULTICALL3_ADDRESS } from '../../../../shared/registry/chains';
import type { EvmToken } from '../../../../shared/registry/evm-tokens';
import type { EvmClient } from './client';
import { erc20Abi, multicall3Abi } from './multicall3-abi';

export interface BalanceTarget {
  walletId: number;
  address: `0x${string}`;
}

export interface BalanceRead {
  walletId: number;
  token: EvmToken | null;
  rawAmount: bigint | null;
  error: string | null;
}

export interface ChainRead {
  blockNumber: bigint;
  blockTime: number;
  reads: BalanceRead[];
}

export interface ReadOptions {
  callsPerChunk?: number;
  onProgress?: (done: number, total: number) => void;
}

interface PlannedCall {
  walletId: number;
  token: EvmToken | null;
  target: `0x${string}`;
  callData: Hex;
}

export async function readBalances(
  evm: EvmClient,
  wallets: readonly BalanceTarget[],
  tokens: readonly EvmToken[],
  options: ReadOptions = {},
): Promise<ChainRead> {
  const { callsPerChunk = 300, onProgress } = options;
  const { client, chain } = evm;
  const [chainId, block] = await Promise.all([client.getChainId(), client.getBlock({ blockTag: 'latest' })]);
  const expected = CHAINS[chain].evmChainId;
  if (chainId !== expected) {
    throw new Error(`The RPC endpoint for ${CHAINS[chain].name} is on chain id ${chainId}, expected ${expected}`);
  }
  const calls = planCalls(wallets, tokens);
  const chunks = chunk(calls, callsPerChunk);
  let done = 0;
  onProgress?.(0, calls.length);
  const results = await Promise.all(
    chunks.map(async (part) => {
      const data = await client.call({
        to: MULTICALL3_ADDRESS,
        data: encodeFunctionData({
          abi: multicall3Abi,
          functionName: 'aggregate3',
          args: [part.map((call) => ({ target: call.target, allowFailure: true, callData: call.callData }))],
        }),
        blockNumber: block.number,
      });
      if (!data.data) throw new Error('Multicall3 returned no data (is it deployed on this chain?)');
      const decoded = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data: data.data });
      if (decoded.length !== part.length) throw new Error('Multicall3 returned a wrong number of results');
      done += part.length;
      onProgress?.(done, calls.length);
      return part.map((call, index) => toRead(call, decoded[index]!));
    }),
  );
  return { blockNumber: block.number, blockTime: Number(block.timestamp), reads: results.flat() };
}

function planCalls(wallets: readonly BalanceTarget[], tokens: readonly EvmToken[]): PlannedCall[] {
  return wallets.flatMap((wallet) => [
    {
      walletId: wallet.walletId,
      token: null,
      target: MULTICALL3_ADDRESS,
      callData: encodeFunctionData({ abi: multicall3Abi, functionName: 'getEthBalance', args: [wallet.address] }),
    },
    ...tokens.map((token) => ({
      walletId: wallet.walletId,
      token,
      target: token.address,
      callData: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [wallet.address] }),
    })),
  ]);
}

function toRead(call: PlannedCall, result: { success: boolean; returnData: Hex }): BalanceRead {
  const base = { walletId: call.walletId, token: call.token };
  if (!result.success) return { ...base, rawAmount: null, error: `Call reverted${revertReason(result.returnData)}` };
  // A uint256 is exactly one 32-byte word; anything else (no code, a proxy gone wrong) is not a balance.
  if (result.returnData.length !== 2 + 64) {
    const bytes = (result.returnData.length - 2) / 2;
    return { ...base, rawAmount: null, error: `Unexpected return data (${bytes} bytes instead of 32)` };
  }
  return { ...base, rawAmount: BigInt(result.returnData), error: null };
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

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
