/**
 * How to find each LRT protocol's EigenLayer stakers on chain, for the exposure
 * look-through: the contracts that deposit into EigenLayer strategies, own EigenPods and
 * delegate to operators. Research and traps: docs/research/lrt-stakers-renzo-kelp.md and
 * docs/research/lrt-stakers-etherfi-puffer.md. A protocol missing here is shown as
 * "look-through not available", never guessed.
 */
export type StakerDiscovery =
  /** A count getter and an indexed getter (a public array). */
  | { type: 'indexed'; contract: `0x${string}`; lengthSignature: string; itemSignature: string; source: string }
  /** One getter returning the whole list. */
  | { type: 'list'; contract: `0x${string}`; listSignature: string; source: string }
  /** A getter of names (bytes32) and a name → address getter. */
  | { type: 'named'; contract: `0x${string}`; namesSignature: string; itemSignature: string; source: string }
  /** Known staker contracts, when the protocol has no list to read. */
  | { type: 'fixed'; stakers: `0x${string}`[]; source: string };

export interface LrtProtocol {
  protocol: string;
  /** Registry symbols (mainnet and bridged) whose holders look through to this protocol. */
  symbols: string[];
  /** The mainnet token whose supply × NAV is the protocol's backing in ETH. */
  backingSymbol: string;
  discovery: StakerDiscovery;
  /** What the look-through cannot see, said on every position that uses it. */
  limits: string | null;
}

export const LRT_PROTOCOLS: readonly LrtProtocol[] = [
  {
    protocol: 'Renzo',
    symbols: ['ezETH'],
    backingSymbol: 'ezETH',
    discovery: {
      type: 'indexed',
      contract: '0x74a09653A083691711cF8215a6ab074BB4e99ef5',
      lengthSignature: 'function getOperatorDelegatorsLength() view returns (uint256)',
      itemSignature: 'function operatorDelegators(uint256) view returns (address)',
      source:
        'RestakeManager getOperatorDelegatorsLength()/operatorDelegators(i): Renzo-Protocol/contracts-public @fc8c8e0 contracts/RestakeManager.sol L131-133, RestakeManagerStorage.sol L43; address from defisaver/defisaver-v3-contracts @31b0649 MainnetRenzoAddresses.sol L6 (third party: Renzo publishes no deployment file)',
    },
    limits: null,
  },
  {
    protocol: 'Kelp DAO',
    symbols: ['rsETH'],
    backingSymbol: 'rsETH',
    discovery: {
      type: 'list',
      contract: '0x036676389e48133B63a802f8635AD39E752D375D',
      listSignature: 'function getNodeDelegatorQueue() view returns (address[])',
      source: 'LRTDepositPool getNodeDelegatorQueue(): Kelp-DAO/LRT-rsETH @c289b81 contracts/LRTDepositPool.sol L347-349; address README.md L265',
    },
    limits: null,
  },
  {
    protocol: 'ether.fi',
    symbols: ['eETH', 'weETH'],
    backingSymbol: 'eETH',
    discovery: {
      type: 'fixed',
      stakers: ['0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf'],
      source: 'EtherFiRestaker (stETH restaked in EigenLayer): etherfi-protocol/smart-contracts @b4a0968 script/deploys/Deployed.s.sol L42',
    },
    limits: "ether.fi's EtherFiNode EigenPods cannot be listed with view calls (only from EtherFiNodeDeployed events), so only the EtherFiRestaker's stake is seen",
  },
  {
    protocol: 'Puffer',
    symbols: ['pufETH'],
    backingSymbol: 'pufETH',
    discovery: {
      type: 'named',
      contract: '0xf7b6B32492c2e13799D921E84202450131bd238B',
      namesSignature: 'function getModuleWeights() view returns (bytes32[])',
      itemSignature: 'function getModuleAddress(bytes32 moduleName) view returns (address)',
      source:
        'PufferProtocol getModuleWeights()/getModuleAddress(bytes32): PufferFinance/puffer-contracts @3806000 src/interface/IPufferProtocol.sol L268, L278; address PufferFinance/Deployments-and-ACL @aa610bc mainnet.md L15',
    },
    limits: 'modules the DAO removed from the weights list are not seen',
  },
];

export const lrtProtocolOf = (symbol: string): LrtProtocol | undefined => LRT_PROTOCOLS.find((item) => item.symbols.includes(symbol));
