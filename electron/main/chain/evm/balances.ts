/**
 * Native and ERC-20 balances for many wallets at one block, through the shared multicall:
 * one reverting or odd call fails that position only. Each token's totalSupply is read in
 * the same multicall, so an impossible balance (above the supply, ≥ 2^255, any with a zero
 * supply; shared/domain/sanity.ts) fails its position instead of being stored as good.
 */
import { MULTICALL3_ADDRESS } from '../../../../shared/registry/chains';
import type { EvmToken } from '../../../../shared/registry/evm-tokens';
import type { EvmClient } from './client';
import { erc20Abi, multicall3Abi } from './multicall3-abi';
import { multicall, type ContractCall } from './multicall';
import { checkBalance, checkNativeBalance } from '../../../../shared/domain/sanity';
import { screenBalance } from '../../../../shared/domain/sanity-screen';

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

export interface PinnedBlock {
  number: bigint;
  timestamp: number;
}

/** The latest block. The endpoint's chain id needs no check here: the transport checks it for every URL before using any answer (client.ts). */
export async function pinLatestBlock(evm: EvmClient): Promise<PinnedBlock> {
  const block = await evm.client.getBlock({ blockTag: 'latest' });
  return { number: block.number, timestamp: Number(block.timestamp) };
}

export async function readBalances(
  evm: EvmClient,
  block: PinnedBlock,
  wallets: readonly BalanceTarget[],
  tokens: readonly EvmToken[],
  onProgress?: (done: number, total: number) => void,
): Promise<BalanceRead[]> {
  const planned = wallets.flatMap((wallet) => [
    { walletId: wallet.walletId, token: null as EvmToken | null, call: nativeBalance(wallet.address) },
    ...tokens.map((token) => ({ walletId: wallet.walletId, token, call: tokenBalance(token, wallet.address) })),
  ]);
  const supplyCalls = tokens.map((token): ContractCall => ({ address: token.address, abi: erc20Abi, functionName: 'totalSupply' }));
  const results = await multicall(evm, [...planned.map((item) => item.call), ...supplyCalls], { blockNumber: block.number, onProgress });
  // A token whose totalSupply fails keeps the checks that need no supply.
  const supplies = new Map(tokens.map((token, index) => {
    const result = results[planned.length + index]!;
    return [token, result.ok ? (result.value as bigint) : null];
  }));
  return planned.map((item, index): BalanceRead => {
    const result = results[index]!;
    const read = result.ok
      ? { walletId: item.walletId, token: item.token, rawAmount: result.value as bigint, error: null }
      : { walletId: item.walletId, token: item.token, rawAmount: null, error: result.error };
    return screenBalance(read, (raw) => (item.token ? checkBalance(raw, supplies.get(item.token) ?? null) : checkNativeBalance(raw, 'ETH')));
  });
}

const nativeBalance = (owner: `0x${string}`): ContractCall => ({
  address: MULTICALL3_ADDRESS,
  abi: multicall3Abi,
  functionName: 'getEthBalance',
  args: [owner],
});

const tokenBalance = (token: EvmToken, owner: `0x${string}`): ContractCall => ({
  address: token.address,
  abi: erc20Abi,
  functionName: 'balanceOf',
  args: [owner],
});
