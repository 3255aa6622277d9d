/** The Yield page's data: measured yields per asset, position and portfolio, per window. */
import { z } from 'zod';
import { YIELD_REFERENCES } from '../domain/yield';
import { networkIdSchema } from './schemas';

const intString = z.string().regex(/^-?\d+$/);

export const yieldReferenceSchema = z.enum(YIELD_REFERENCES);
export type YieldReference = z.infer<typeof yieldReferenceSchema>;
export const windowDaysSchema = z.union([z.literal(7), z.literal(30), z.literal(90)]);

/** A fraction a year (0.031 = 3.1 %), or why it is not measured. */
export const yieldFigureSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.number() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type YieldFigureDto = z.infer<typeof yieldFigureSchema>;

export const sampleRefSchema = z.object({
  blockNumber: z.string(),
  blockTime: z.number().int(),
  /** 'archive': eth_call at that past block; 'refresh': the rate stored by a refresh then. */
  origin: z.enum(['archive', 'refresh']),
  source: z.string(),
});

/** One asset's realized yield over one window. */
export const assetYieldSchema = z.object({
  rateSymbol: z.string(),
  /** The network whose snapshots the rate was stored with. */
  network: z.enum(['ethereum', 'solana']),
  windowDays: windowDaysSchema,
  figure: yieldFigureSchema,
  from: sampleRefSchema.nullable(),
  to: sampleRefSchema.nullable(),
  /** Exact days between the two blocks. */
  days: z.number().nullable(),
});
export type AssetYield = z.infer<typeof assetYieldSchema>;

export const yieldPartsSchema = z.object({
  windowDays: windowDaysSchema,
  base: yieldFigureSchema,
  premium: yieldFigureSchema,
  blended: yieldFigureSchema,
  /** Projected income over a year at the blended yield, in the underlying's raw units and USD cents. */
  incomeUnderlying: intString.nullable(),
  incomeUsdCents: intString.nullable(),
});
export type YieldPartsDto = z.infer<typeof yieldPartsSchema>;

const underlyingSchema = z.enum(['ETH', 'BTC', 'SOL']);

export const positionYieldSchema = z.object({
  /** 'token' for a wallet balance, 'eigenlayer' for a native EigenLayer row, 'babylon' for a Babylon BTC stake. */
  source: z.enum(['token', 'eigenlayer', 'babylon']),
  walletId: z.number().int(),
  chain: networkIdSchema,
  tokenAddress: z.string().nullable(),
  symbol: z.string(),
  kind: z.string(),
  /** The rate the yield is measured with (stETH uses wstETH's), or null. */
  rateSymbol: z.string().nullable(),
  underlying: underlyingSchema,
  underlyingDecimals: z.number().int(),
  underlyingValue: intString.nullable(),
  usdCents: intString.nullable(),
  windows: z.array(yieldPartsSchema),
  note: z.string().nullable(),
  /** The APY the protocol publishes for this asset (a fraction), for comparison with the measured one. */
  advertised: z.object({ apy: z.number(), at: z.number().int(), source: z.string() }).nullable().optional(),
  /** The token the premium is paid in, when it is not the underlying (Babylon pays BABY). */
  rewardToken: z.string().optional(),
});
export type PositionYield = z.infer<typeof positionYieldSchema>;

export const portfolioYieldSchema = z.object({
  windowDays: windowDaysSchema,
  base: z.number().nullable(),
  premium: z.number().nullable(),
  blended: z.number().nullable(),
  /** USD cents of the positions in `blended`. */
  weightUsdCents: intString,
  /** Positions left out: no measured yield or no USD value. */
  excluded: z.number().int(),
  incomeUsdCents: intString.nullable(),
  income: z.array(z.object({ underlying: underlyingSchema, decimals: z.number().int(), raw: intString })),
});
export type PortfolioYield = z.infer<typeof portfolioYieldSchema>;

export const yieldReportSchema = z.object({
  reference: yieldReferenceSchema,
  /** The Ethereum snapshot the "now" end of every window is. */
  asOf: z.object({ blockNumber: z.string(), blockTime: z.number().int() }).nullable(),
  assets: z.array(assetYieldSchema),
  positions: z.array(positionYieldSchema),
  portfolio: z.array(portfolioYieldSchema),
  /** Why a window has no archive sample (RPC without old state, chain too young …). */
  history: z.array(z.object({ label: z.string(), targetTime: z.number().int(), blockNumber: z.string().nullable(), error: z.string().nullable(), attemptedAt: z.number().int() })),
});
export type YieldReport = z.infer<typeof yieldReportSchema>;

export const yieldSeriesSchema = z.object({
  rateSymbol: z.string(),
  windowDays: windowDaysSchema,
  points: z.array(z.object({ time: z.number().int(), value: z.number() })),
  samples: z.number().int(),
});
export type YieldSeries = z.infer<typeof yieldSeriesSchema>;
