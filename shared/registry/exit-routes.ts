/**
 * How each Ethereum position is redeemed through its own protocol (issue 11, exit paths):
 * the route, the contract it goes through, the view functions that tell the wait or the
 * queue, and the documented wait. Research, sources and what was not found:
 * docs/research/exit-routes.md. A contract that was not verified is null, never guessed;
 * a wait nobody documents is `documentedWait: null`.
 */
import { EIGENLAYER } from './eigenlayer';

export type ExitRouteKind = 'queue' | 'instant' | 'custodial' | 'unwrap-then' | 'none-documented';
export type ParamUnit = 'wei' | 'sats' | 'blocks' | 'seconds' | 'count' | 'bps' | 'flag';

/** One view function read at the snapshot block. */
export interface RedeemParam {
  id: string;
  contract: `0x${string}`;
  signature: string;
  /** Arguments: 0x-addresses, or integers as decimal strings. */
  args?: readonly string[];
  /** Output index, when the view returns several values. */
  pick?: number;
  unit: ParamUnit;
  meaning: string;
  source: string;
}

/**
 * How the wait follows from the params:
 * - delay: a fixed delay (`param`, in blocks or seconds) from the request. `exact` when the
 *   claim opens exactly then; otherwise it is a lower bound (finalization also needs the
 *   protocol to act). `strict`: claimable only once block.number > start + delay. `buffer`:
 *   the liquidity param that must cover the amount for the delay alone to apply.
 * - buffer: instant when `param` (an ETH amount) covers the amount; else the documented queue
 *   wait, or "not instantly redeemable".
 * - documented: nothing on chain tells the wait.
 */
export type WaitModel =
  | { type: 'delay'; param: string; unit: 'blocks' | 'seconds'; exact: boolean; strict?: boolean; buffer?: string }
  | { type: 'buffer'; param: string; otherwise: 'documented' | 'not-instant' }
  | { type: 'documented' };

export interface DocumentedWait {
  text: string;
  minDays: number | null;
  maxDays: number | null;
  /** When the source said it (or when its stored copy was read, if undated). */
  asOf: string;
  source: string;
}

interface RouteBase {
  /** Registry symbol; 'EigenLayer' for native restaking positions. */
  symbol: string;
  protocol: string;
  contract: { name: string; address: `0x${string}`; source: string } | null;
  params: readonly RedeemParam[];
  wait: WaitModel;
  documentedWait: DocumentedWait | null;
  fees: string | null;
  notes: readonly string[];
  notFound: readonly string[];
  sources: readonly string[];
}

export type ExitRoute = RouteBase & ({ kind: Exclude<ExitRouteKind, 'unwrap-then'> } | { kind: 'unwrap-then'; unwrapTo: string });

/** The "native ETH" marker several protocols take as an asset argument. */
export const ETH_MARKER = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const READ = '2026-12-01 (stored copy, undated)';
const view = (id: string, contract: `0x${string}`, signature: string, unit: ParamUnit, meaning: string, source: string, extra: Partial<RedeemParam> = {}): RedeemParam => ({ id, contract, signature, unit, meaning, source, ...extra });

const LIDO_WQ = '0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1';
const LIDO_SRC = 'lidofinance/core contracts/0.8.9/WithdrawalQueueBase.sol @372b02e';
const STETH: ExitRoute = {
  symbol: 'stETH',
  protocol: 'Lido',
  kind: 'queue',
  contract: { name: 'Lido WithdrawalQueueERC721', address: LIDO_WQ, source: 'lidofinance/core deployed-mainnet.json L819 (withdrawalQueueERC721.proxy) @372b02e' },
  params: [
    view('unfinalizedStETH', LIDO_WQ, 'function unfinalizedStETH() view returns (uint256)', 'wei', 'stETH in the queue not yet finalized', `${LIDO_SRC} L143`),
    view('unfinalizedRequests', LIDO_WQ, 'function unfinalizedRequestNumber() view returns (uint256)', 'count', 'requests not yet finalized', `${LIDO_SRC} L138`),
    view('paused', LIDO_WQ, 'function isPaused() view returns (bool)', 'flag', 'requests and claims paused', 'lidofinance/core contracts/0.8.9/utils/PausableUntil.sol L51 @372b02e'),
  ],
  wait: { type: 'documented' },
  documentedWait: { text: 'Request, then claim once finalized: "under normal circumstances, this can take anywhere between 1-5 days"', minDays: 1, maxDays: 5, asOf: READ, source: 'https://help.lido.fi/en/articles/7858292-faq-ethereum-withdrawals' },
  fees: 'No protocol fee; 100 wei to 1000 stETH per request (WithdrawalQueue.sol MIN/MAX_STETH_WITHDRAWAL_AMOUNT L52-57 @372b02e)',
  notes: ['The payout is fixed at finalization and can be lower after slashing (docs.lido.fi accounting oracle)'],
  notFound: [],
  sources: ['lidofinance/core deployed-mainnet.json @372b02e', LIDO_SRC, 'https://help.lido.fi/en/articles/7858292-faq-ethereum-withdrawals'],
};

const RETH = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const RENZO_WQ = '0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918';
const RENZO_SRC = 'Renzo-Protocol/contracts-public contracts/Withdraw/WithdrawQueue.sol @fc8c8e0';
const KELP_WM = '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16';
const KELP_SRC = 'Kelp-DAO/LRT-rsETH contracts/LRTWithdrawalManager.sol @c289b81';
const EF_NFT = '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c';
const EF_RM = '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0';
const EF_DEPLOYED = 'etherfi-protocol/smart-contracts script/deploys/Deployed.s.sol @b4a0968';
const EF_RM_SRC = 'etherfi-protocol/smart-contracts src/withdrawals/EtherFiRedemptionManager.sol @b4a0968';
const EETH: ExitRoute = {
  symbol: 'eETH',
  protocol: 'ether.fi',
  kind: 'queue',
  contract: { name: 'ether.fi WithdrawRequestNFT', address: EF_NFT, source: `${EF_DEPLOYED} L21` },
  params: [
    view('instantRedeemable', EF_RM, 'function totalRedeemableAmount(address token) view returns (uint256)', 'wei', 'ETH redeemable at once through the EtherFiRedemptionManager (liquidity above the low watermark, rate-limited)', `${EF_RM_SRC} L521-532; address ${EF_DEPLOYED} L29`, { args: [ETH_MARKER] }),
    view('instantExitFeeBps', EF_RM, 'function tokenToRedemptionInfo(address) view returns ((uint64 capacity, uint64 remaining, uint64 lastRefill, uint64 refillRate) limit, uint16 exitFeeSplitToTreasuryInBps, uint16 exitFeeInBps, uint16 lowWatermarkInBpsOfTvl)', 'bps', 'exit fee of the instant redemption', `${EF_RM_SRC} L45; struct src/withdrawals/interfaces/IEtherFiRedemptionManager.sol L7-12 @b4a0968`, { args: [ETH_MARKER], pick: 2 }),
    view('nextRequestId', EF_NFT, 'function nextRequestId() view returns (uint32)', 'count', 'id the next withdrawal request gets', 'etherfi-protocol/smart-contracts src/withdrawals/WithdrawRequestNFT.sol L57 @b4a0968'),
    view('lastFinalizedRequestId', EF_NFT, 'function lastFinalizedRequestId() view returns (uint32)', 'count', 'last finalized request id', 'etherfi-protocol/smart-contracts src/withdrawals/WithdrawRequestNFT.sol L58 @b4a0968'),
  ],
  wait: { type: 'buffer', param: 'instantRedeemable', otherwise: 'documented' },
  documentedWait: { text: 'Withdrawal request NFT, claimable once finalized; "Ether.fi\'s own metadata sets a 7 day cooldownPeriod" (third party, yield.xyz; no ether.fi page found)', minDays: null, maxDays: 7, asOf: READ, source: 'https://docs.yield.xyz/documentation/earn/defi/restaking/etherfi' },
  fees: 'Queue: none found documented. Instant (EtherFiRedemptionManager): exitFeeInBps, read on chain',
  notes: ['Two routes: the WithdrawRequestNFT queue (request through the LiquidityPool) and instant redemption through the EtherFiRedemptionManager while it has liquidity'],
  notFound: ['a first-party ether.fi statement of the queue wait'],
  sources: [EF_DEPLOYED, EF_RM_SRC, 'etherfi-protocol/smart-contracts src/withdrawals/WithdrawRequestNFT.sol @b4a0968'],
};

const PUF_VAULT = '0xD9A442856C234a39a81a089C06451EBAa4306a72';
const PUF_WM = '0xDdA0483184E75a5579ef9635ED14BacCf9d50283';
const SWEXIT = '0x48C11b86807627AF70a34662D4865cF854251663';
const SWEXIT_SRC = 'SwellNetwork/v3-core-public contracts/lst/contracts/interfaces/IswEXIT.sol @ba1eeff';
const METH_URM = '0x38fDF7b489316e03eD8754ad339cb5c4483FDcf9';
const METH_STAKING = '0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f';
const STADER_UWM = '0x9F0491B32DBce587c50c4C43AB303b06478193A7';
const STADER_CONFIG = '0x4ABEF2263d5A5ED582FC9A9789a41D85b68d69DB';
const LBTC = '0x8236a87084f8B84306f72007F36F2618A5634494';
const LBTC_SRC = 'lombard-finance/evm-smart-contracts contracts/LBTC/StakedLBTC.sol @deafcdc';
const none = { params: [], wait: { type: 'documented' }, documentedWait: null, fees: null } as const;

export const EXIT_ROUTES: readonly ExitRoute[] = [
  STETH,
  { ...STETH, symbol: 'wstETH', kind: 'unwrap-then', unwrapTo: 'stETH', notes: [...STETH.notes, 'requestWithdrawalsWstETH unwraps to stETH inside the WithdrawalQueue, so the request is in stETH (help.lido.fi FAQ)'] },
  {
    symbol: 'rETH',
    protocol: 'Rocket Pool',
    kind: 'instant',
    contract: { name: 'rETH token (burn)', address: RETH, source: 'registry: evm-tokens.json rETH' },
    params: [view('totalCollateral', RETH, 'function getTotalCollateral() view returns (uint256)', 'wei', 'ETH available to burn rETH against: deposit pool excess + rETH contract balance', 'rocket-pool/rocketpool contracts/contract/token/RocketTokenRETH.sol L72-75 @fef41a4')],
    wait: { type: 'buffer', param: 'totalCollateral', otherwise: 'not-instant' },
    documentedWait: null,
    fees: null,
    notes: ['burn(uint256) requires getTotalCollateral() ≥ the ETH value, else reverts "Insufficient ETH balance for exchange" (RocketTokenRETH.sol L106-114 @fef41a4); there is no queue to wait in'],
    notFound: ['a Rocket Pool docs page stating the burn route and its limits'],
    sources: ['rocket-pool/rocketpool contracts/contract/token/RocketTokenRETH.sol @fef41a4'],
  },
  {
    symbol: 'cbETH',
    protocol: 'Coinbase',
    kind: 'custodial',
    contract: null,
    ...none,
    notes: ['cbETH is unwrapped to staked ETH inside a Coinbase account, not through a contract (help.coinbase.com "Using cbETH" describes wrapping through the Coinbase account)'],
    notFound: ['an on-chain redeem function', 'a Coinbase statement of the unwrap/unstake wait'],
    sources: ['https://help.coinbase.com/en/coinbase/trading-and-funding/staking-rewards/cbeth/using-cbeth'],
  },
  EETH,
  { ...EETH, symbol: 'weETH', kind: 'unwrap-then', unwrapTo: 'eETH', notes: [...EETH.notes, 'weETH unwraps to eETH (WeETH.unwrap), or redeems directly with EtherFiRedemptionManager.redeemWeEth (L181 @b4a0968)'] },
  {
    symbol: 'ezETH',
    protocol: 'Renzo',
    kind: 'queue',
    contract: { name: 'Renzo WithdrawQueue', address: RENZO_WQ, source: 'third party (Renzo publishes no deployment file): itsHaseebSaeed/enhanced-goldrush-decoder services/decoder/protocols/renzo/renzo.configs.ts @247f3fe ("withdrawer"), agreeing with other integrations (find_string); on chain it is DepositQueue.withdrawQueue() (docs/research/lrt-stakers-renzo-kelp.md)' },
    params: [
      view('coolDownPeriod', RENZO_WQ, 'function coolDownPeriod() view returns (uint256)', 'seconds', 'cooldown between request and claim', 'Renzo-Protocol/contracts-public contracts/Withdraw/WithdrawQueueStorage.sol L40 @fc8c8e0'),
      view('availableETH', RENZO_WQ, 'function getAvailableToWithdraw(address _asset) view returns (uint256)', 'wei', 'ETH in the withdraw buffer not yet reserved for claims', `${RENZO_SRC} L328-334`, { args: [ETH_MARKER] }),
      view('queueDeficitETH', RENZO_WQ, 'function getQueueDeficit(address _asset) view returns (uint256)', 'wei', 'ETH owed to queued requests not yet filled', `${RENZO_SRC} L823-829`, { args: [ETH_MARKER] }),
    ],
    wait: { type: 'delay', param: 'coolDownPeriod', unit: 'seconds', exact: false, buffer: 'availableETH' },
    documentedWait: { text: '"If the WithdrawalQueue buffer has assets, the expected wait time is 7 days and if empty, the expected wait time is between 10-15 days"', minDays: 7, maxDays: 15, asOf: READ, source: 'https://docs.renzoprotocol.com/docs/services/withdrawals' },
    fees: 'Standard withdrawal: none found documented; instant withdrawals have a fee (docs.renzoprotocol.com/docs/product/withdrawals/instant-withdrawals)',
    notes: ['claim() uses max(coolDownPeriod, riskOracleMiddleware.withdrawCooldownPeriod()) (WithdrawQueue.sol L439-445 @fc8c8e0), so the chain-read cooldown is a lower bound'],
    notFound: ['a first-party WithdrawQueue address'],
    sources: [RENZO_SRC, 'https://docs.renzoprotocol.com/docs/services/withdrawals'],
  },
  {
    symbol: 'rsETH',
    protocol: 'Kelp',
    kind: 'queue',
    contract: { name: 'Kelp LRTWithdrawalManager', address: KELP_WM, source: 'Kelp-DAO/LRT-rsETH README.md L278 @c289b81' },
    params: [
      view('withdrawalDelayBlocks', KELP_WM, 'function withdrawalDelayBlocks() view returns (uint256)', 'blocks', 'blocks from request until completeWithdrawal', `${KELP_SRC} L32, L146`),
      view('minRsEthToWithdraw', KELP_WM, 'function minRsEthAmountToWithdraw(address) view returns (uint256)', 'wei', 'smallest rsETH request for ETH out', `${KELP_SRC} L31`, { args: [ETH_MARKER] }),
    ],
    wait: { type: 'delay', param: 'withdrawalDelayBlocks', unit: 'blocks', exact: false },
    documentedWait: { text: 'Standard withdrawal is free, "but you will have to wait for 15-21 days"; instant withdrawal for a 0.2% fee', minDays: 15, maxDays: 21, asOf: READ, source: 'https://kerneldao.gitbook.io/kernel/getting-started/kelp/restaking-guide' },
    fees: 'Standard: none; instant: 0.2% (kerneldao.gitbook.io restaking guide)',
    notes: ['A request is also locked until an operator unlocks the queue (WithdrawalLocked, LRTWithdrawalManager.sol L138), so the delay is a lower bound'],
    notFound: [],
    sources: [KELP_SRC, 'Kelp-DAO/LRT-rsETH README.md @c289b81', 'https://kerneldao.gitbook.io/kernel/getting-started/kelp/restaking-guide'],
  },
  {
    symbol: 'pufETH',
    protocol: 'Puffer',
    kind: 'queue',
    contract: { name: 'PufferWithdrawalManager', address: PUF_WM, source: 'PufferFinance/Deployments-and-ACL docs/deployments/mainnet.md L26 @aa610bc' },
    params: [
      view('exitFeeBps', PUF_VAULT, 'function getTotalExitFeeBasisPoints() view returns (uint256)', 'bps', '1-step (vault redeem) exit fee, vault + treasury', 'PufferFinance/puffer-contracts mainnet-contracts/src/PufferVaultV5.sol L572 @3806000'),
      view('maxWithdrawal', PUF_WM, 'function getMaxWithdrawalAmount() view returns (uint256)', 'wei', 'largest 2-step withdrawal request', 'PufferFinance/puffer-contracts mainnet-contracts/src/PufferWithdrawalManager.sol L378 @3806000'),
    ],
    wait: { type: 'documented' },
    documentedWait: { text: '"1-step instant withdraw (single tx, pays the exit fee - default 1%) or the 2-step queued withdraw (fee-free, ~14 days)" (third party: a Puffer plugin description; no Puffer page found)', minDays: null, maxDays: null, asOf: READ, source: 'https://skill4agent.com/en/skill/mig-pre-plugin-store/puffer-plugin' },
    fees: '1-step: getTotalExitFeeBasisPoints (capped at 2.5% per fee, PufferVaultV5.sol L43 @3806000); 2-step: none documented',
    notes: ['1-step redeem on the PufferVault (pufETH token) is limited by its WETH + ETH liquidity (maxWithdraw, PufferVaultV5.sol L507-516 @3806000)'],
    notFound: ['a first-party statement of the 2-step wait'],
    sources: ['PufferFinance/Deployments-and-ACL docs/deployments/mainnet.md @aa610bc', 'PufferFinance/puffer-contracts mainnet-contracts/src @3806000'],
  },
  {
    symbol: 'swETH',
    protocol: 'Swell',
    kind: 'queue',
    contract: { name: 'Swell swEXIT', address: SWEXIT, source: 'third party only: Veda-Labs/boring-vault src/base/DecodersAndSanitizers/Protocols/SwellDecoderAndSanitizer.sol @7dfa5a2 ("Call swEXIT 0x48C1…1663"); not in Swell\'s repository' },
    params: [
      view('lastTokenIdCreated', SWEXIT, 'function getLastTokenIdCreated() view returns (uint256)', 'count', 'newest withdrawal request NFT', `${SWEXIT_SRC} L248`),
      view('lastTokenIdProcessed', SWEXIT, 'function getLastTokenIdProcessed() view returns (uint256)', 'count', 'newest processed request NFT', `${SWEXIT_SRC} L242`),
      view('requestMinimum', SWEXIT, 'function withdrawRequestMinimum() view returns (uint256)', 'wei', 'smallest swETH request', `${SWEXIT_SRC} L175`),
      view('requestMaximum', SWEXIT, 'function withdrawRequestMaximum() view returns (uint256)', 'wei', 'largest swETH request', `${SWEXIT_SRC} L169`),
    ],
    wait: { type: 'documented' },
    documentedWait: null,
    fees: null,
    notes: [],
    notFound: ['a first-party swEXIT address', 'a documented swETH withdrawal wait'],
    sources: [SWEXIT_SRC],
  },
  {
    symbol: 'rswETH',
    protocol: 'Swell',
    kind: 'queue',
    contract: null,
    ...none,
    notes: ['Swell has an rswEXIT contract (SwellNetwork/v3-core-public contracts/lrt/contracts/implementations/RswEXIT.sol @ba1eeff)'],
    notFound: ['the rswEXIT mainnet address', 'a documented rswETH withdrawal wait'],
    sources: ['SwellNetwork/v3-core-public contracts/lrt/contracts/implementations/RswEXIT.sol @ba1eeff'],
  },
  {
    symbol: 'mETH',
    protocol: 'Mantle',
    kind: 'queue',
    contract: { name: 'Mantle UnstakeRequestsManager', address: METH_URM, source: 'mantle-lsp/contracts README.md L19 @afa686b (requests go through Staking.unstakeRequest, L15)' },
    params: [
      view('blocksToFinalize', METH_URM, 'function numberOfBlocksToFinalize() view returns (uint256)', 'blocks', 'blocks after the request before it can be finalized', 'mantle-lsp/contracts src/UnstakeRequestsManager.sol L111, L383-385 @afa686b'),
      view('ethDeficit', METH_URM, 'function allocatedETHDeficit() view returns (uint256)', 'wei', 'ETH requested but not yet allocated to claims', 'mantle-lsp/contracts src/UnstakeRequestsManager.sol L349 @afa686b'),
      view('minimumUnstake', METH_STAKING, 'function minimumUnstakeBound() view returns (uint256)', 'wei', 'smallest mETH unstake request', 'mantle-lsp/contracts src/Staking.sol L154 @afa686b'),
    ],
    wait: { type: 'delay', param: 'blocksToFinalize', unit: 'blocks', exact: false },
    documentedWait: null,
    fees: null,
    notes: ['Finalization also needs an oracle record past the request block and enough allocated ETH, so the block delay is a lower bound'],
    notFound: ['a documented mETH unstake wait'],
    sources: ['mantle-lsp/contracts README.md, src/UnstakeRequestsManager.sol, src/Staking.sol @afa686b'],
  },
  {
    symbol: 'ETHx',
    protocol: 'Stader',
    kind: 'queue',
    contract: { name: 'Stader UserWithdrawalManager', address: STADER_UWM, source: 'stader-labs/ethx README.md L151 (ETH Mainnet) @9d4a921' },
    params: [
      view('minBlockDelay', STADER_CONFIG, 'function getMinBlockDelayToFinalizeWithdrawRequest() view returns (uint256)', 'blocks', 'blocks after the request before it can be finalized', 'stader-labs/ethx contracts/StaderConfig.sol L358; used at contracts/UserWithdrawalManager.sol L159 @9d4a921; StaderConfig address README.md L115'),
      view('nextRequestId', STADER_UWM, 'function nextRequestId() view returns (uint256)', 'count', 'id the next request gets', 'stader-labs/ethx contracts/UserWithdrawalManager.sol L30 @9d4a921'),
      view('nextRequestIdToFinalize', STADER_UWM, 'function nextRequestIdToFinalize() view returns (uint256)', 'count', 'first request not yet finalized', 'stader-labs/ethx contracts/UserWithdrawalManager.sol L29 @9d4a921'),
      view('ethRequested', STADER_UWM, 'function ethRequestedForWithdraw() view returns (uint256)', 'wei', 'ETH owed to unfinalized requests', 'stader-labs/ethx contracts/UserWithdrawalManager.sol L32 @9d4a921'),
    ],
    wait: { type: 'delay', param: 'minBlockDelay', unit: 'blocks', exact: false },
    documentedWait: null,
    fees: null,
    notes: ['Finalization also needs pooled ETH to cover the request and runs in batches (UserWithdrawalManager.sol L147-160 @9d4a921), so the block delay is a lower bound'],
    notFound: ['a documented ETHx withdrawal wait'],
    sources: ['stader-labs/ethx README.md, contracts/UserWithdrawalManager.sol, contracts/StaderConfig.sol @9d4a921'],
  },
  {
    symbol: 'LBTC',
    protocol: 'Lombard',
    kind: 'queue',
    contract: { name: 'LBTC token (redeemForBtc)', address: LBTC, source: 'registry: evm-tokens.json LBTC; docs.lombard.finance/build/direct-integrations/unstake-fee lists it as the redeem contract' },
    params: [
      view('redeemFee', LBTC, 'function getRedeemFee() view returns (uint256)', 'sats', 'LBTC taken as the redeem (network security) fee', `${LBTC_SRC} L256`),
      view('redeemMin', LBTC, 'function getRedeemForBtcMinAmount() view returns (uint256)', 'sats', 'smallest redeemable amount', `${LBTC_SRC} L263`),
      view('redeemsEnabled', LBTC, 'function isRedeemsEnabled() view returns (bool)', 'flag', 'redeem to BTC enabled', `${LBTC_SRC} L297`),
    ],
    wait: { type: 'documented' },
    documentedWait: { text: 'redeemForBtc burns LBTC; the consortium processes redemptions daily, "the maximum time for processing a redemption is the Babylon unbonding time + 2 days"', minDays: null, maxDays: null, asOf: READ, source: 'https://docs.lombard.finance/developers/lombard-sdk-v3/guide-redeem-lbtc-for-btc' },
    fees: 'Redeem fee + "to native commission" for BTC (https://docs.lombard.finance/build/direct-integrations/unstake-fee); getRedeemFee read on chain',
    notes: [],
    notFound: ['the Babylon unbonding time as a number in the cited page'],
    sources: [LBTC_SRC, 'https://docs.lombard.finance/developers/lombard-sdk-v3/guide-redeem-lbtc-for-btc'],
  },
  {
    symbol: 'uniBTC',
    protocol: 'Bedrock',
    kind: 'queue',
    contract: null,
    ...none,
    notes: ['Bedrock redeems through a DelayRedeemRouter (redeemDelay seconds, redeemFeeRate): Bedrock-Technology/uniBTC contracts/contracts/proxies/stateful/redeem/DelayRedeemRouter.sol L55, L190 @236e9ea'],
    notFound: ["uniBTC's DelayRedeemRouter address on Ethereum (the repo lists only suniBTC's, cuniBTC/README.md @236e9ea)", 'a documented uniBTC redeem wait'],
    sources: ['Bedrock-Technology/uniBTC @236e9ea'],
  },
  {
    symbol: 'SolvBTC',
    protocol: 'Solv',
    kind: 'none-documented',
    contract: null,
    ...none,
    notes: ['On chain, SolvBTCMultiAssetPool.withdraw returns a Solv SFT, not BTC (solv-finance/SolvBTC contracts/SolvBTCMultiAssetPool.sol L80 @c371d21)'],
    notFound: ['a redeem-to-BTC route with a readable wait', 'a documented SolvBTC redeem wait'],
    sources: ['solv-finance/SolvBTC @c371d21'],
  },
  {
    symbol: 'EigenLayer',
    protocol: 'EigenLayer',
    kind: 'queue',
    contract: { name: 'EigenLayer DelegationManager', address: EIGENLAYER.delegationManager, source: `registry: eigenlayer.ts (${EIGENLAYER.source})` },
    params: [view('minWithdrawalDelayBlocks', EIGENLAYER.delegationManager, 'function minWithdrawalDelayBlocks() view returns (uint32)', 'blocks', 'blocks a queued withdrawal stays slashable', 'Layr-Labs/eigenlayer-contracts src/contracts/core/DelegationManager.sol L1053 @f84a515')],
    wait: { type: 'delay', param: 'minWithdrawalDelayBlocks', unit: 'blocks', exact: true, strict: true },
    documentedWait: { text: 'MIN_WITHDRAWAL_DELAY_BLOCKS 100800 in the mainnet deploy config (14 days at 12 s); Renzo\'s docs: "EigenLayer\'s minimum withdrawal delay is set to 14 days"', minDays: 14, maxDays: 14, asOf: '2026-05-01 (commit date of f84a515)', source: 'Layr-Labs/eigenlayer-contracts script/configs/mainnet.json L19 @f84a515' },
    fees: null,
    notes: ['completeQueuedWithdrawal requires block.number > startBlock + delay (DelegationManager.sol L549-550 @f84a515); every LRT above also waits this inside its own route'],
    notFound: [],
    sources: ['Layr-Labs/eigenlayer-contracts @f84a515', 'https://docs.renzoprotocol.com/docs/services/withdrawals'],
  },
];

export const exitRouteOf = (symbol: string): ExitRoute | undefined => EXIT_ROUTES.find((route) => route.symbol === symbol);
