/** Bitcoin and Babylon data of the latest Bitcoin snapshot, as the Portfolio and Exposure pages get it. */
import { z } from 'zod';

const sat = z.string().regex(/^\d+$/);
const signedSat = z.string().regex(/^-?\d+$/);

export const DELEGATION_PHASES = ['pending', 'active', 'unbonding', 'withdrawable', 'withdrawn', 'unknown'] as const;
/** The finality provider's status, from the API's FINALITY_PROVIDER_STATUS_*; 'unlisted' when the API does not list it. */
export const FP_STATUSES = ['active', 'inactive', 'jailed', 'slashed', 'unlisted'] as const;

export const bitcoinAddressSchema = z.object({
  walletId: z.number().int(),
  confirmedSat: sat,
  /** Negative while the mempool spends confirmed coins. */
  unconfirmedSat: signedSat,
  txCount: z.number().int(),
  mempoolTxCount: z.number().int(),
  historyScanned: z.number().int(),
  historyComplete: z.boolean(),
  rejectedTxs: z.array(z.object({ txid: z.string(), reason: z.string() })),
  stakerPks: z.array(z.string()),
});
export type BitcoinAddressDto = z.infer<typeof bitcoinAddressSchema>;

export const finalityProviderRefSchema = z.object({
  btcPk: z.string(),
  moniker: z.string().nullable(),
  status: z.enum(FP_STATUSES),
  commission: z.string().nullable(),
});
export type FinalityProviderRef = z.infer<typeof finalityProviderRefSchema>;

export const babylonDelegationSchema = z.object({
  walletId: z.number().int(),
  stakingTxHash: z.string(),
  stakerPk: z.string(),
  finalityProviders: z.array(finalityProviderRefSchema),
  amountSat: sat,
  /** The API's state (e.g. ACTIVE, TIMELOCK_UNBONDING), or BITCOIN_ONLY for a stake only found on Bitcoin. */
  state: z.string(),
  phase: z.enum(DELEGATION_PHASES),
  slashed: z.boolean(),
  source: z.enum(['babylon-api', 'bitcoin']),
  onBitcoin: z.boolean(),
  paramsVersion: z.number().int().nullable(),
  stakingTimeBlocks: z.number().int(),
  startHeight: z.number().int().nullable(),
  endHeight: z.number().int().nullable(),
  inceptionTime: z.string().nullable(),
  /** Blocks until the staking timelock ends, and the estimate in seconds (10-minute blocks). */
  stakingBlocksLeft: z.number().int().nullable(),
  stakingSecondsLeft: z.number().int().nullable(),
  unbondingBlocks: z.number().int().nullable(),
  unbondingSeconds: z.number().int().nullable(),
  /** The slashing rate of the delegation's params version, and what it would take now (null: cannot be slashed now). */
  slashingRate: z.string().nullable(),
  slashableSat: sat.nullable(),
});
export type BabylonDelegationDto = z.infer<typeof babylonDelegationSchema>;

export const bitcoinPortfolioSchema = z.object({
  /** The Esplora tip height the snapshot was read at, null before the first Bitcoin refresh. */
  tipHeight: z.string().nullable(),
  addresses: z.array(bitcoinAddressSchema),
  delegations: z.array(babylonDelegationSchema),
});
export type BitcoinPortfolio = z.infer<typeof bitcoinPortfolioSchema>;

/** Babylon on the Exposure page: the user's BTC each finality provider's double-signing could slash. */
export const babylonExposureSchema = z.object({
  asOf: z.object({ tipHeight: z.string(), fetchedAt: z.number().int() }).nullable(),
  statement: z.string(),
  source: z.string(),
  providers: z.array(
    finalityProviderRefSchema.extend({
      slashingRates: z.array(z.string()),
      stakedSat: sat,
      slashableSat: sat,
      slashableUsdCents: z.string().nullable(),
      delegations: z.array(z.object({ walletId: z.number().int(), stakingTxHash: z.string(), amountSat: sat, slashableSat: sat.nullable(), phase: z.enum(DELEGATION_PHASES) })),
      /** Every position with this provider: 'babylon:<tx>' stakes and BTC LST symbols whose issuer names it. */
      positions: z.array(z.string()),
    }),
  ),
  /** BTC LSTs held whose issuer documents Babylon staking: not readable from chain. */
  issuerReported: z.array(
    z.object({
      symbol: z.string(),
      issuer: z.string(),
      stakedOnBabylon: z.enum(['yes', 'no', 'not-documented']),
      finalityProviders: z.array(z.object({ name: z.string(), btcPk: z.string().nullable() })),
      statement: z.string(),
      source: z.string(),
      sourceDate: z.string(),
      /** BTC value of the tokens held (raw, 8 decimals), null when no rate. */
      heldValueSat: sat.nullable(),
    }),
  ),
});
export type BabylonExposure = z.infer<typeof babylonExposureSchema>;
