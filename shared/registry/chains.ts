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
 * Source: mds1/multicall3 README, "Multicall3 Contract Addresses" / deployments.json.
 */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;

export const CHAINS: Record<ChainId, ChainInfo> = {
  ethereum: {
    id: 'ethereum',
    name: 'Ethereum',
    evmChainId: 1,
    nativeSymbol: 'ETH',
    nativeName: 'Ether',
    defaultRpcUrls: ['https://ethereum-rpc.publicnode.com', 'https://eth.merkle.io', 'https://cloudflare-eth.com'],
    rpcSources: [
      'publicnode.com: https://ethereum-rpc.publicnode.com listed at https://ethereum-rpc.publicnode.com',
      'wevm/viem src/chains/definitions/mainnet.ts (rpcUrls.default.http)',
      'Cloudflare docs: https://developers.cloudflare.com/web3/ethereum-gateway/',
    ],
  },
  arbitrum: {
    id: 'arbitrum',
    name: 'Arbitrum One',
    evmChainId: 42161,
    nativeSymbol: 'ETH',
    nativeName: 'Ether',
    defaultRpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com'],
    rpcSources: [
      'Arbitrum docs: https://docs.arbitrum.io/build-decentralized-apps/reference/node-providers; wevm/viem src/chains/definitions/arbitrum.ts',
      'publicnode.com',
    ],
  },
  base: {
    id: 'base',
    name: 'Base',
    evmChainId: 8453,
    nativeSymbol: 'ETH',
    nativeName: 'Ether',
    defaultRpcUrls: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
    rpcSources: [
      'Base docs: https://docs.base.org/base-chain/network-information; wevm/viem src/chains/definitions/base.ts',
      'publicnode.com',
    ],
  },
};

export function isChainId(value: string): value is ChainId {
  return (CHAIN_IDS as readonly string[]).includes(value);
}
