/**
 * EVM chains Slashboard reads. Chain ids are the EIP-155 ids; every default RPC and the
 * Multicall3 address carry their source. RPC lists are editable in Settings.
 */

export const CHAIN_IDS = ['ethereum', 'arbitrum', 'base'] as const;
export type ChainId = (typeof CHAIN_IDS)[number];

export interface ChainInfo {
  id: ChainId;
  name: string;
  evmChainId: number;
  nativeSymbol: string;
  nativeName: string;
  /** Primary first, then fallbacks. */
  defaultRpcUrls: readonly string[];
  rpcSources: readonly string[];
}

/**
 * Multicall3, deployed at one address on every chain here.
 * Source: mds1/multicall3 README.md @022a135 ("Multicall3 Contract Addresses": Mainnet and
 * Arbitrum rows; "deployed on every network at the same address"); Base: viem 2.57
 * src/chains/definitions/base.ts contracts.multicall3.
 */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;

export const CHAINS: Record<ChainId, ChainInfo> = {
  ethereum: {
    id: 'ethereum',
    name: 'Ethereum',
    evmChainId: 1,
    nativeSymbol: 'ETH',
    nativeName: 'Ether',
    defaultRpcUrls: ['https://ethereum.publicnode.com', 'https://ethereum.reth.rs/rpc', 'https://ethereum.blockpi.network/v1/rpc/public'],
    rpcSources: [
      'PublicNode (Allnodes), free without key: alchemy.com/node-providers/public-node; ethereum.org/developers/tools/publicnode-allnodes',
      'viem 2.57 src/chains/definitions/mainnet.ts rpcUrls.default',
      'BlockPi public endpoint: alchemy.com/node-providers/blockpi',
    ],
  },
  arbitrum: {
    id: 'arbitrum',
    name: 'Arbitrum One',
    evmChainId: 42161,
    nativeSymbol: 'ETH',
    nativeName: 'Ether',
    defaultRpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum.blockpi.network/v1/rpc/public', 'https://1rpc.io/arb'],
    rpcSources: [
      'Arbitrum docs, RPC endpoints and providers: docs.arbitrum.io/node-running/node-providers (also viem src/chains/definitions/arbitrum.ts)',
      'BlockPi public endpoint: alchemy.com/node-providers/blockpi',
      '1RPC: alchemy.com/chain-connect/chain/arbitrum-one',
    ],
  },
  base: {
    id: 'base',
    name: 'Base',
    evmChainId: 8453,
    nativeSymbol: 'ETH',
    nativeName: 'Ether',
    defaultRpcUrls: ['https://mainnet.base.org'],
    rpcSources: ["viem 2.57 src/chains/definitions/base.ts rpcUrls.default (Base's own public endpoint; add a provider as fallback in Settings)"],
  },
};

export function isChainId(value: string): value is ChainId {
  return (CHAIN_IDS as readonly string[]).includes(value);
}
