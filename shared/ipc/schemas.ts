/** zod schemas of the data that crosses the IPC boundary; types are inferred from them. */
import { z } from 'zod';
import { WALLET_KINDS } from '../domain/wallet/wallet-input';
import { CHAIN_IDS } from '../registry/chains';
import { NETWORK_IDS } from '../registry/networks';
import { YIELD_REFERENCES } from '../domain/yield';
import { CANDLE_SOURCES } from '../registry/markets';
import { bitcoinPortfolioSchema } from './bitcoin-schemas';

export const chainIdSchema = z.enum(CHAIN_IDS);
/** EVM chains and Solana: what a snapshot, chain status or position belongs to. */
export const networkIdSchema = z.enum(NETWORK_IDS);
export const walletKindSchema = z.enum(WALLET_KINDS);
/** Raw integer amount as a decimal string: money never travels as a float. */
export const rawAmountSchema = z.string().regex(/^\d+$/);

export const walletSchema = z.object({
  id: z.number().int().positive(),
  kind: walletKindSchema,
  address: z.string(),
  label: z.string().nullable(),
  ensName: z.string().nullable(),
  ensResolvedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
});
export type Wallet = z.infer<typeof walletSchema>;

export const importLineErrorSchema = z.object({
  line: z.number().int().positive(),
  input: z.string(),
  reason: z.string(),
});

export const importResultSchema = z.object({
  added: z.array(walletSchema),
  errors: z.array(importLineErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const intString = z.string().regex(/^-?\d+$/);

/** A rate used in a valuation (value / 10^decimals), or why there is none. */
export const rateFigureSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: intString, decimals: z.number().int(), source: z.string() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type RateFigureDto = z.infer<typeof rateFigureSchema>;

export const valuationSchema = z.object({
  underlying: z.enum(['ETH', 'BTC', 'SOL']),
  underlyingDecimals: z.number().int(),
  protocol: z.string().nullable(),
  kind: z.string(),
  /** Underlying per token. */
  nav: rateFigureSchema,
  /** Market price in the underlying per token. */
  market: rateFigureSchema,
  /** USD per unit of the underlying. */
  usd: rateFigureSchema,
  underlyingValue: intString.nullable(),
  marketValue: intString.nullable(),
  /** market / NAV − 1 (0.01 = 1 % premium). */
  premium: z.number().nullable(),
  usdCents: intString.nullable(),
  /** Selling at market instead of redeeming at NAV: gain (+) or loss (−), underlying raw units and USD cents. */
  sellVsRedeem: intString.nullable(),
  sellVsRedeemUsdCents: intString.nullable(),
  /** Block and time of the Ethereum snapshot the rates were read at. */
  ratesBlock: z.string().nullable(),
  ratesTime: z.number().int().nullable(),
});
export type Valuation = z.infer<typeof valuationSchema>;

export const positionSchema = z.object({
  valuation: valuationSchema.nullable(),
  walletId: z.number().int(),
  chain: networkIdSchema,
  /** Token contract address (Solana: mint; 'stake:<account>' for a native stake account), or null for the chain's native coin. */
  tokenAddress: z.string().nullable(),
  symbol: z.string(),
  name: z.string(),
  decimals: z.number().int(),
  rawAmount: rawAmountSchema.nullable(),
  /** Why this one position could not be read (others on the chain still were). */
  error: z.string().nullable(),
  blockNumber: z.string(),
  blockTime: z.number().int(),
  source: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

export const chainStatusSchema = z.object({
  chain: networkIdSchema,
  name: z.string(),
  snapshot: z
    .object({
      id: z.number().int(),
      blockNumber: z.string(),
      blockTime: z.number().int(),
      fetchedAt: z.number().int(),
      rpcUrl: z.string(),
      walletCount: z.number().int(),
    })
    .nullable(),
  /** Set when the latest attempt failed; the snapshot above is then stale. */
  lastError: z.object({ message: z.string(), at: z.number().int() }).nullable(),
  lastAttemptAt: z.number().int().nullable(),
});
export type ChainStatus = z.infer<typeof chainStatusSchema>;

/** Sum over wallets of one asset on one chain, computed in main with bigint. */
export const assetTotalSchema = z.object({
  chain: networkIdSchema,
  tokenAddress: z.string().nullable(),
  symbol: z.string(),
  decimals: z.number().int(),
  rawAmount: rawAmountSchema,
  /** Wallets holding a non-zero amount. */
  wallets: z.number().int(),
  /** Wallets whose balance could not be read. */
  failed: z.number().int(),
});
export type AssetTotal = z.infer<typeof assetTotalSchema>;

/** A native EigenLayer row of the latest Ethereum snapshot (amounts as integer strings). */
export const eigenPositionSchema = z.object({
  walletId: z.number().int(),
  kind: z.enum(['strategy', 'pod', 'withdrawal', 'error']),
  operator: z.string().nullable(),
  strategy: z.string().nullable(),
  assetToken: z.string().nullable(),
  assetSymbol: z.string().nullable(),
  assetDecimals: z.number().int().nullable(),
  depositShares: intString.nullable(),
  withdrawableShares: intString.nullable(),
  /** Underlying of the deposit shares; for a pod, restaked beacon ETH = shares × slashing factor. */
  depositUnderlying: intString.nullable(),
  /** Underlying of the withdrawable shares (after slashing). */
  withdrawableUnderlying: intString.nullable(),
  pod: z.string().nullable(),
  slashingFactor: intString.nullable(),
  startBlock: intString.nullable(),
  completableBlock: intString.nullable(),
  /** Estimated (12 s per Ethereum slot) unix time the withdrawal becomes completable. */
  completableAtEstimate: z.number().int().nullable(),
  error: z.string().nullable(),
  blockNumber: z.string(),
  blockTime: z.number().int(),
  source: z.string(),
});
export type EigenPosition = z.infer<typeof eigenPositionSchema>;

/** Sums by underlying, protocol or chain, in the underlying's raw units and USD cents. */
export const valueTotalSchema = z.object({
  by: z.enum(['underlying', 'protocol', 'chain']),
  key: z.string(),
  underlying: z.enum(['ETH', 'BTC', 'SOL']),
  underlyingDecimals: z.number().int(),
  underlyingValue: intString,
  /** null when no position in the group has a USD price. */
  usdCents: intString.nullable(),
  positions: z.number().int(),
  /** Positions left out of the sums because a rate or price was missing. */
  unvalued: z.number().int(),
});
export type ValueTotal = z.infer<typeof valueTotalSchema>;

/** A native Solana stake account of the latest Solana snapshot (its SOL is also a position). */
export const stakeAccountSchema = z.object({
  walletId: z.number().int(),
  pubkey: z.string(),
  lamports: rawAmountSchema,
  state: z.enum(['initialized', 'inactive', 'activating', 'active', 'deactivating']),
  delegatedStake: rawAmountSchema.nullable(),
  voter: z.string().nullable(),
  activationEpoch: z.string().nullable(),
  deactivationEpoch: z.string().nullable(),
  staker: z.string(),
  withdrawer: z.string(),
  /** The epoch the state was computed for (the snapshot's). */
  epoch: z.string(),
});
export type StakeAccountDto = z.infer<typeof stakeAccountSchema>;

export const portfolioSchema = z.object({
  /** Native stake accounts at the latest Solana snapshot (slot and time in `chains`). */
  stakeAccounts: z.array(stakeAccountSchema),
  /** Bitcoin addresses and Babylon delegations at the latest Bitcoin snapshot. */
  bitcoin: bitcoinPortfolioSchema,
  eigenlayer: z.array(eigenPositionSchema),
  valueTotals: z.array(valueTotalSchema),
  wallets: z.array(walletSchema),
  chains: z.array(chainStatusSchema),
  positions: z.array(positionSchema),
  totals: z.array(assetTotalSchema),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

export const refreshChainOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    chain: networkIdSchema,
    status: z.literal('ok'),
    blockNumber: z.string(),
    positions: z.number().int(),
    failedPositions: z.number().int(),
    /** HTTP requests for the snapshot itself. */
    httpRequests: z.number().int(),
    /** HTTP requests for the past rates of the yield windows (Ethereum only). */
    /** HTTP requests for the risk reads after the snapshot (Ethereum only, docs/risk.md). */
    riskRequests: z.number().int(),
    historyRequests: z.number().int(),
  }),
  z.object({ chain: networkIdSchema, status: z.literal('failed'), error: z.string() }),
  z.object({ chain: networkIdSchema, status: z.literal('skipped'), reason: z.string() }),
]);
export type RefreshChainOutcome = z.infer<typeof refreshChainOutcomeSchema>;

export const refreshSummarySchema = z.object({
  startedAt: z.number().int(),
  finishedAt: z.number().int(),
  chains: z.array(refreshChainOutcomeSchema),
});
export type RefreshSummary = z.infer<typeof refreshSummarySchema>;

export const themeSchema = z.enum(['system', 'dark', 'light']);
export type Theme = z.infer<typeof themeSchema>;

export const rpcUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'RPC URL must be an http(s) URL');

export const settingsSchema = z.object({
  theme: themeSchema,
  /** Ordered: the first URL is primary, the rest are fallbacks. */
  rpc: z.record(networkIdSchema, z.array(z.string())),
  rpcDefaults: z.record(networkIdSchema, z.array(z.string())),
  /** URLs given on the command line (--rpc) that replace the list above for this run only. */
  rpcOverrides: z.partialRecord(networkIdSchema, z.array(z.string())),
  /** Base URL of the market price API (CoinGecko-compatible). */
  priceApi: z.object({ base: z.string(), default: z.string(), override: z.string().nullable() }),
  /** The liquid staking token whose yield is the base staking yield. */
  yieldReference: z.enum(YIELD_REFERENCES),
  /** Where chart candles come from (each cached candle keeps its source). */
  candleSource: z.enum(CANDLE_SOURCES),
  /** Offline mode (no network request at all) and the last refresh that found every network unreachable. */
  offline: z.object({ enabled: z.boolean(), detected: z.object({ at: z.number().int(), detail: z.string() }).nullable() }),
  /** Logs keep wallet addresses whole (opt-in; otherwise shortened to 6 + 4 characters). */
  logFullAddresses: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const appInfoSchema = z.object({
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
