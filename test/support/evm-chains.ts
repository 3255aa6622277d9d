/**
 * Three real anvil nodes (Ethereum, Arbitrum One, Base chain ids) with Multicall3 and a mock
 * ERC-20 at every registry token address, so refresh runs the production code unchanged.
 */
import { CHAIN_IDS, CHAINS, type ChainId } from '../../shared/registry/chains';
import { tokensOn } from '../../shared/registry/evm-tokens';
import { startAnvil, type AnvilNode } from './anvil';
import { installBaseContracts, installToken } from './evm-fixture';
import { installEigenLayer } from './eigen-fixture';

export type EvmNodes = Record<ChainId, AnvilNode>;

export async function startEvmChains(options: { ethereumPruneHistory?: number } = {}): Promise<EvmNodes> {
  const nodes = await Promise.all(
    CHAIN_IDS.map((chain) => startAnvil({ chainId: CHAINS[chain].evmChainId, pruneHistory: chain === 'ethereum' ? options.ethereumPruneHistory : undefined })),
  );
  const byChain = Object.fromEntries(CHAIN_IDS.map((chain, index) => [chain, nodes[index]!])) as EvmNodes;
  for (const chain of CHAIN_IDS) {
    const node = byChain[chain];
    await installBaseContracts(node);
    if (chain === 'ethereum') await installEigenLayer(node);
    for (const token of tokensOn(chain)) {
      await installToken(node, { address: token.address, name: token.name, symbol: token.symbol, decimals: token.decimals });
    }
  }
  return byChain;
}

export const rpcOverrides = (nodes: EvmNodes): Record<ChainId, string[]> =>
  Object.fromEntries(CHAIN_IDS.map((chain) => [chain, [nodes[chain].url]])) as Record<ChainId, string[]>;

export async function stopEvmChains(nodes: EvmNodes | undefined): Promise<void> {
  if (nodes) await Promise.all(CHAIN_IDS.map((chain) => nodes[chain].stop()));
}
