/**
 * The mainnet contracts whose upgradeability and admins the Risk card reads (issue 11): for
 * each protocol, the contracts that hold or price the user's asset. Most are taken by
 * reference from the token registry (the token, its NAV contract or NAV feed) and the LRT
 * staker registry (deposit contracts), so an address is typed and sourced once. The few
 * added here cite the research note that verified them. A protocol's withdrawal contract
 * that is not listed was not verified yet (docs/research/upgradeability.md), never guessed.
 */
import { EVM_TOKENS } from './evm-tokens';
import { LRT_PROTOCOLS } from './lrt-protocols';
import { EIGENLAYER } from './eigenlayer';

export type RiskContractRole = 'token' | 'nav' | 'deposit' | 'withdraw';

export interface RiskContract {
  protocol: string;
  role: RiskContractRole;
  /** What the contract is, e.g. "ezETH token", "Renzo RestakeManager". */
  name: string;
  address: `0x${string}`;
  /** Where the address was verified; "registry: …" when taken from another registry entry. */
  source: string;
}

/** Verified here, beyond what the token and LRT registries already hold. */
const ADDED: readonly RiskContract[] = [
  {
    protocol: 'ether.fi',
    role: 'deposit',
    name: 'ether.fi LiquidityPool (deposits, eETH shares, withdrawal requests)',
    address: '0x308861A430be4cce5502d0A12724771Fc6DaF216',
    source: 'etherfi-protocol/smart-contracts @b4a0968 script/deploys/Deployed.s.sol L11 (docs/research/lrt-stakers-etherfi-puffer.md §1a)',
  },
  {
    protocol: 'Kelp',
    role: 'nav',
    name: 'Kelp LRTOracle (rsETHPrice)',
    address: '0x349A73444b1a310BAe67ef67973022020d70020d',
    source: 'Kelp-DAO/LRT-rsETH README.md @2ecd900, Deployed Contracts > ETH Mainnet (docs/research/lrt-stakers-renzo-kelp.md, docs/research/nav-sources.md)',
  },
  {
    protocol: 'Kelp',
    role: 'withdraw',
    name: 'Kelp LRTWithdrawalManager',
    address: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16',
    source: 'Kelp-DAO/LRT-rsETH README.md @2ecd900, Deployed Contracts > ETH Mainnet (docs/research/lrt-stakers-renzo-kelp.md, docs/research/issue-4-sources.md)',
  },
  // Withdrawal contracts of the exit routes (docs/research/exit-routes.md).
  {
    protocol: 'Lido',
    role: 'withdraw',
    name: 'Lido WithdrawalQueueERC721',
    address: '0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1',
    source: 'lidofinance/core deployed-mainnet.json L819 (withdrawalQueueERC721.proxy) @372b02e',
  },
  {
    protocol: 'ether.fi',
    role: 'withdraw',
    name: 'ether.fi WithdrawRequestNFT',
    address: '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c',
    source: 'etherfi-protocol/smart-contracts script/deploys/Deployed.s.sol L21 @b4a0968',
  },
  {
    protocol: 'ether.fi',
    role: 'withdraw',
    name: 'ether.fi EtherFiRedemptionManager (instant redemption)',
    address: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0',
    source: 'etherfi-protocol/smart-contracts script/deploys/Deployed.s.sol L29 @b4a0968',
  },
  {
    protocol: 'Renzo',
    role: 'withdraw',
    name: 'Renzo WithdrawQueue',
    address: '0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918',
    source: 'third party (Renzo publishes no deployment file): itsHaseebSaeed/enhanced-goldrush-decoder services/decoder/protocols/renzo/renzo.configs.ts @247f3fe, agreeing with other integrations (docs/research/exit-routes.md)',
  },
  {
    protocol: 'Puffer',
    role: 'withdraw',
    name: 'PufferWithdrawalManager',
    address: '0xDdA0483184E75a5579ef9635ED14BacCf9d50283',
    source: 'PufferFinance/Deployments-and-ACL docs/deployments/mainnet.md L26 @aa610bc',
  },
  {
    protocol: 'Mantle',
    role: 'withdraw',
    name: 'Mantle UnstakeRequestsManager',
    address: '0x38fDF7b489316e03eD8754ad339cb5c4483FDcf9',
    source: 'mantle-lsp/contracts README.md L19 @afa686b',
  },
  {
    protocol: 'Stader',
    role: 'withdraw',
    name: 'Stader UserWithdrawalManager',
    address: '0x9F0491B32DBce587c50c4C43AB303b06478193A7',
    source: 'stader-labs/ethx README.md L151 (ETH Mainnet) @9d4a921',
  },
];

/** The LRT registry names protocols slightly differently from the token registry. */
const TOKEN_PROTOCOL: Record<string, string> = { 'Kelp DAO': 'Kelp' };

/**
 * Staker-registry contracts that are also the protocols' deposit contracts (Renzo's
 * RestakeManager, Kelp's LRTDepositPool; their deposit functions are not read here).
 * PufferProtocol is left out: pufETH is minted by the PufferVault, which is the pufETH token
 * itself, already listed as a token.
 */
const DEPOSIT_NAMES: Record<string, string> = {
  Renzo: 'Renzo RestakeManager',
  'Kelp DAO': 'Kelp LRTDepositPool',
};

function fromTokens(): RiskContract[] {
  const out: RiskContract[] = [];
  for (const token of EVM_TOKENS.filter((item) => item.chain === 'ethereum')) {
    out.push({ protocol: token.protocol, role: 'token', name: `${token.symbol} token`, address: token.address, source: `registry: evm-tokens.json ${token.symbol} (${token.source})` });
    const nav = token.nav;
    if (nav?.type === 'call' && nav.contract !== token.address) {
      out.push({ protocol: token.protocol, role: 'nav', name: `${token.symbol} NAV contract`, address: nav.contract as `0x${string}`, source: `registry: evm-tokens.json ${token.symbol} nav (${nav.source})` });
    } else if (nav?.type === 'chainlink') {
      out.push({ protocol: token.protocol, role: 'nav', name: `${token.symbol} NAV feed (Chainlink)`, address: nav.feed as `0x${string}`, source: `registry: evm-tokens.json ${token.symbol} nav (${nav.source})` });
    }
  }
  return out;
}

function fromLrtProtocols(): RiskContract[] {
  return LRT_PROTOCOLS.flatMap((protocol) => {
    const { discovery } = protocol;
    const name = DEPOSIT_NAMES[protocol.protocol];
    if (!name || discovery.type === 'fixed') return [];
    return [{ protocol: TOKEN_PROTOCOL[protocol.protocol] ?? protocol.protocol, role: 'deposit' as const, name, address: discovery.contract, source: `registry: lrt-protocols.ts ${protocol.protocol} (${discovery.source})` }];
  });
}

/**
 * EigenLayer's core contracts hold native restakers' shares and queued withdrawals, and every
 * LRT restakes through them: StrategyManager and EigenPodManager take deposits,
 * DelegationManager queues and completes withdrawals, AllocationManager is where AVSs slash.
 */
function fromEigenLayer(): RiskContract[] {
  const source = `registry: eigenlayer.ts (${EIGENLAYER.source})`;
  return [
    { protocol: 'EigenLayer', role: 'deposit', name: 'EigenLayer StrategyManager', address: EIGENLAYER.strategyManager, source },
    { protocol: 'EigenLayer', role: 'deposit', name: 'EigenLayer EigenPodManager', address: EIGENLAYER.eigenPodManager, source },
    { protocol: 'EigenLayer', role: 'withdraw', name: 'EigenLayer DelegationManager (withdrawal queue)', address: EIGENLAYER.delegationManager, source },
    { protocol: 'EigenLayer', role: 'withdraw', name: 'EigenLayer AllocationManager (slashing)', address: EIGENLAYER.allocationManager, source },
  ];
}

/** One entry per (address, role); the first source found wins. */
export const RISK_CONTRACTS: readonly RiskContract[] = (() => {
  const seen = new Set<string>();
  return [...fromTokens(), ...fromLrtProtocols(), ...fromEigenLayer(), ...ADDED].filter((entry) => {
    const key = `${entry.address.toLowerCase()}:${entry.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
})();

export const riskContractsOf = (protocol: string): RiskContract[] => RISK_CONTRACTS.filter((entry) => entry.protocol === protocol);
