/** The History page's data (timeline, compare) and the export result; see docs/history.md and docs/export.md. */
import { z } from 'zod';
import { networkIdSchema, rateFigureSchema, rawAmountSchema } from './schemas';

const intString = z.string().regex(/^-?\d+$/);
const unixSeconds = z.number().int().min(0).max(253_402_300_799); // up to 9999-12-31
const underlyingSchema = z.enum(['ETH', 'BTC', 'SOL']);

export const snapshotRefSchema = z.object({ network: networkIdSchema, id: z.number().int(), blockNumber: z.string(), blockTime: z.number().int() });

/** A measured ratio (a yield: fraction a year), or why there is none. */
export const measuredSchema = z.object({ value: z.number().nullable(), reason: z.string().nullable() });

export const timelinePointSchema = z.object({
  time: z.number().int(),
  snapshots: z.array(snapshotRefSchema),
  /** Sum of the positions that have a USD value; `unvalued` counts the others. */
  usdCents: rawAmountSchema,
  unvalued: z.number().int(),
  /** Sum of underlying values per underlying (raw units: wei, sat, lamports). */
  byUnderlying: z.array(z.object({ underlying: underlyingSchema, decimals: z.number().int(), value: rawAmountSchema, positions: z.number().int(), unvalued: z.number().int() })),
  /** ETH wei slashable at this point's Ethereum snapshot (native EigenLayer + LRT look-through); null without one. */
  slashable: z.object({ amount: rawAmountSchema, usdCents: rawAmountSchema.nullable() }).nullable(),
  /** Realized yield of the portfolio since the previous point (annualized, from NAV growth); null for the first point. */
  yieldSincePrevious: z
    .object({ figure: measuredSchema, seconds: z.number().int(), positions: z.number().int(), excluded: z.number().int() })
    .nullable(),
});
export type TimelinePoint = z.infer<typeof timelinePointSchema>;

export const timelineSchema = z.object({
  points: z.array(timelinePointSchema),
  /** Block times of the first and last stored snapshot of any network (the History page's default range ends at the last). */
  firstSnapshotTime: z.number().int().nullable(),
  lastSnapshotTime: z.number().int().nullable(),
});
export type Timeline = z.infer<typeof timelineSchema>;

/** One USD effect in cents, or why it cannot be computed (never a made-up zero). */
export const effectSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), usdCents: intString }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type EffectDto = z.infer<typeof effectSchema>;

export const compareSideSchema = z.object({
  /** null when the balance could not be read (`error`); "0" when not held at that time. */
  rawAmount: rawAmountSchema.nullable(),
  error: z.string().nullable(),
  /** The network's snapshot used; null when the network had none by then. */
  snapshot: snapshotRefSchema.nullable(),
  nav: rateFigureSchema,
  market: rateFigureSchema,
  usd: rateFigureSchema,
  underlyingValue: intString.nullable(),
  usdCents: intString.nullable(),
  /** market / NAV − 1 */
  premium: z.number().nullable(),
  /** Time of the snapshot the rates were read at. */
  ratesTime: z.number().int().nullable(),
  /** ETH wei slashable through this position (LRT look-through); null when it is not in the exposure graph. */
  slashable: rawAmountSchema.nullable(),
});
export type CompareSideDto = z.infer<typeof compareSideSchema>;

export const comparePositionSchema = z.object({
  key: z.string(),
  walletId: z.number().int(),
  walletAddress: z.string().nullable(),
  walletLabel: z.string().nullable(),
  network: networkIdSchema,
  tokenAddress: z.string().nullable(),
  symbol: z.string(),
  decimals: z.number().int(),
  kind: z.string(),
  protocol: z.string().nullable(),
  underlying: underlyingSchema,
  underlyingDecimals: z.number().int(),
  /** unread: the balance could not be read at one of the times. */
  status: z.enum(['held', 'appeared', 'disappeared', 'unread']),
  before: compareSideSchema,
  after: compareSideSchema,
  /** Annualized yield of the position's NAV between its two reads. */
  realizedYield: measuredSchema,
  change: z.object({
    total: effectSchema,
    balance: effectSchema,
    rate: effectSchema,
    price: effectSchema,
    /** Cents of truncation added to `remainderTo` so balance + rate + price = total. */
    remainderCents: intString,
    remainderTo: z.enum(['balance', 'rate', 'price']).nullable(),
  }),
});
export type ComparePosition = z.infer<typeof comparePositionSchema>;

const compareEndSchema = z.object({ time: z.number().int(), snapshots: z.array(snapshotRefSchema), usdCents: rawAmountSchema, unvalued: z.number().int() });
const effectTotalSchema = z.object({ usdCents: intString, missing: z.number().int() });

export const compareSchema = z.object({
  from: compareEndSchema,
  to: compareEndSchema,
  positions: z.array(comparePositionSchema),
  /** Sums over positions; `missing` counts positions whose term is unknown (left out of the sum). */
  totals: z.object({ total: effectTotalSchema, balance: effectTotalSchema, rate: effectTotalSchema, price: effectTotalSchema }),
});
export type Compare = z.infer<typeof compareSchema>;

export const compareInputSchema = z.object({ from: unixSeconds, to: unixSeconds }).refine((input) => input.from <= input.to, { message: 'from must not be after to' });

export const EXPORT_KINDS = ['positions', 'history', 'exposure'] as const;
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportInputSchema = z
  .object({ what: z.enum(EXPORT_KINDS), format: z.enum(EXPORT_FORMATS), from: unixSeconds.optional(), to: unixSeconds.optional() })
  .refine((input) => input.from === undefined || input.to === undefined || input.from <= input.to, { message: 'from must not be after to' });
export type ExportInput = z.infer<typeof exportInputSchema>;

export const exportResultSchema = z.object({ filename: z.string(), mime: z.string(), text: z.string(), rows: z.number().int() });
export type ExportResult = z.infer<typeof exportResultSchema>;
