/**
 * Every network Slashboard snapshots: the EVM chains (chains.ts) and Solana. A snapshot, a
 * chain status and a position belong to one network; EVM-only code keeps using ChainId.
 */
import { CHAIN_IDS, CHAINS, type ChainId } from './chains';

export const NETWORK_IDS = [...CHAIN_IDS, 'solana'] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];

export interface NetworkInfo {
  id: NetworkId;
  name: string;
  nativeSymbol: string;
  nativeName: string;
  nativeDecimals: number;
  /** Primary first, then fallbacks; editable in Settings. */
  defaultRpcUrls: readonly string[];
  rpcSources: readonly string[];
}

const evm = (id: ChainId): NetworkInfo => ({ ...CHAINS[id], nativeDecimals: 18 });

export const NETWORKS: Record<NetworkId, NetworkInfo> = {
  ethereum: evm('ethereum'),
  arbitrum: evm('arbitrum'),
  base: evm('base'),
  solana: {
    id: 'solana',
    name: 'Solana',
    nativeSymbol: 'SOL',
    nativeName: 'Solana',
    nativeDecimals: 9,
    defaultRpcUrls: ['https://api.mainnet-beta.solana.com'],
    rpcSources: [
      "Solana docs, Clusters and Public RPC Endpoints (solana.com/docs/references/clusters): the Mainnet public endpoint, rate limited; add your own provider as primary or fallback in Settings",
    ],
  },
};

export function isNetworkId(value: string): value is NetworkId {
  return (NETWORK_IDS as readonly string[]).includes(value);
}

export const isEvmNetwork = (network: NetworkId): network is ChainId => (CHAIN_IDS as readonly string[]).includes(network);
