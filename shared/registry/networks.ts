/**
 * Every network Slashboard snapshots: the EVM chains (chains.ts), Solana and Bitcoin. A
 * snapshot, a chain status and a position belong to one network; EVM-only code keeps using
 * ChainId. Bitcoin's "RPC" URLs are Esplora REST bases (bitcoin-refresh.ts).
 */
import { CHAIN_IDS, CHAINS, type ChainId } from './chains';

export const NETWORK_IDS = [...CHAIN_IDS, 'solana', 'bitcoin'] as const;
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
    defaultRpcUrls: ['https://api.mainnet-beta.solana.com', 'https://solana-rpc.publicnode.com'],
    rpcSources: [
      'Solana docs, Clusters and Public RPC Endpoints (solana.com/docs/references/clusters): the Mainnet public endpoint, rate limited (100 requests / 10 s per IP); add your own provider in Settings',
      'PublicNode (Allnodes) free Solana endpoint, keyless: listed as wss://solana-rpc.publicnode.com in git.vdb.to LaconicNetwork/solana-proxy docs/solana-free-websocket-providers.md; the same host serves JSON-RPC over https, like its Ethereum endpoint above (a fallback only)',
    ],
  },
  bitcoin: {
    id: 'bitcoin',
    name: 'Bitcoin',
    nativeSymbol: 'BTC',
    nativeName: 'Bitcoin',
    nativeDecimals: 8,
    defaultRpcUrls: ['https://mempool.space/api', 'https://blockstream.info/api'],
    rpcSources: [
      "mempool.space's public Esplora-compatible REST API (mempool/mempool frontend/src/app/docs/api-docs/api-docs-data.ts, ../shared/api-shapes/esplora.md); rate limited, add your own Esplora in Settings",
      "Blockstream's Esplora REST API, the same API (Blockstream/esplora API.md: https://blockstream.info/api/); a fallback only",
    ],
  },
};

export function isNetworkId(value: string): value is NetworkId {
  return (NETWORK_IDS as readonly string[]).includes(value);
}

export const isEvmNetwork = (network: NetworkId): network is ChainId => (CHAIN_IDS as readonly string[]).includes(network);
