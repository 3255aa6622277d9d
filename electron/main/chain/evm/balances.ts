/**
 * Native and ERC-20 balances for many wallets at one block, through the shared multicall:
 * one reverting or odd call fails that position only.
 */
import { CHAINS, MULTICALL3_ADDRESS } from '../../../../shared/registry/chains';
import type { EvmToken } from '../../../../shared/registry/evm-tokens';
import type { EvmClient } from './client';
import { erc20Abi, multicall3Abi } from './multicall3-abi';
import { multicall, type ContractCall } from './multicall';

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

/** Reads the latest block once, after checking the endpoint is on the expected chain. */
export async function pinLatestBlock(evm: EvmClient): Promise<PinnedBlock> {
  const [chainId, block] = await Promise.all([evm.client.getChainId(), evm.client.getBlock({ blockTag: 'latest' })]);
  const expected = CHAINS[evm.chain].evmChainId;
  if (chainId !== expected) {
    throw new Error(`The RPC endpoint for ${CHAINS[evm.chain].name} is on chain id ${chainId}, expected ${expected}`);
  }
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
  const results = await multicall(evm, planned.map((item) => item.call), { blockNumber: block.number, onProgress });
  return planned.map((item, index) => {
    const result = results[index]!;
    return result.ok
      ? { walletId: item.walletId, token: item.token, rawAmount: result.value as bigint, error: null }
      : { walletId: item.walletId, token: item.token, rawAmount: null, error: result.error };
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
