/** Compares registry tokens with what their contracts report (symbol, decimals) at a block. */
import type { EvmToken } from '../../../../shared/registry/evm-tokens';
import type { PinnedBlock } from './balances';
import type { EvmClient } from './client';
import { erc20Abi } from './multicall3-abi';
import { multicall } from './multicall';

export async function registryMismatches(evm: EvmClient, block: PinnedBlock, tokens: readonly EvmToken[]): Promise<string[]> {
  const results = await multicall(
    evm,
    tokens.flatMap((token) => [
      { address: token.address, abi: erc20Abi, functionName: 'symbol' },
      { address: token.address, abi: erc20Abi, functionName: 'decimals' },
    ]),
    { blockNumber: block.number },
  );
  return tokens.flatMap((token, index) => {
    const where = `${token.chain} ${token.symbol} ${token.address}`;
    const symbol = results[2 * index]!;
    const decimals = results[2 * index + 1]!;
    const problems: string[] = [];
    if (!symbol.ok) problems.push(`${where}: symbol() failed: ${symbol.error}`);
    else if (symbol.value !== token.symbol) problems.push(`${where}: symbol on chain "${String(symbol.value)}", registry "${token.symbol}"`);
    if (!decimals.ok) problems.push(`${where}: decimals() failed: ${decimals.error}`);
    else if (Number(decimals.value) !== token.decimals) problems.push(`${where}: decimals on chain ${String(decimals.value)}, registry ${token.decimals}`);
    return problems;
  });
}
