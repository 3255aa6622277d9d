/** The Exposure page's data: who can slash each position, how much, and shared risk. */
import { z } from 'zod';
import { babylonExposureSchema } from './bitcoin-schemas';

const intString = z.string().regex(/^-?\d+$/);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);

export const scenarioSchema = z.object({
  kind: z.enum(['avs', 'operator']),
  target: address,
  /** Share slashed in basis points (10,000 = all of the allocated stake). */
  bps: z.number().int().min(0).max(10_000),
});
export type ScenarioDto = z.infer<typeof scenarioSchema>;

export const exposedPositionSchema = z.object({
  id: z.string(),
  walletId: z.number().int(),
  source: z.enum(['eigenlayer', 'token']),
  label: z.string(),
  /** Value in ETH (wei) of what the position has restaked or (LRTs) its pro-rata share. */
  restaked: intString,
  slashable: intString,
  usdCents: intString.nullable(),
  note: z.string().nullable(),
});
export type ExposedPosition = z.infer<typeof exposedPositionSchema>;

export const exposureRowSchema = z.object({
  positionId: z.string(),
  operator: address,
  avs: address,
  setId: z.number().int(),
  strategy: address,
  amount: intString,
  usdCents: intString.nullable(),
  pendingAmount: intString.nullable(),
  effectBlock: z.number().int().nullable(),
});

export const exposureTotalSchema = z.object({
  kind: z.enum(['avs', 'operator']),
  key: address,
  amount: intString,
  usdCents: intString.nullable(),
  /** Share of the portfolio's USD value (null without USD prices). */
  share: z.number().nullable(),
});

export const alertSchema = z.object({
  kind: z.enum(['slashed', 'allocation']),
  blockNumber: z.string(),
  transactionHash: z.string(),
  operator: address,
  avs: address,
  setId: z.number().int(),
  strategies: z.array(address),
  /** slashed: WAD share slashed per strategy; allocation: the new magnitude. */
  amounts: z.array(intString),
  description: z.string().nullable(),
  seenAt: z.number().int(),
});

/** Jito (Solana) restaking vaults behind the VRTs held: delegations as configured, and whether slashing is live. */
export const jitoExposureSchema = z.object({
  slashingLive: z.boolean(),
  statement: z.string(),
  source: z.string(),
  asOf: z.object({ slot: z.string(), blockTime: z.number().int() }).nullable(),
  vaults: z.array(
    z.object({
      vault: z.string(),
      vrtSymbol: z.string(),
      /** SOL value of the VRTs held (raw lamports), across wallets. */
      heldValue: intString.nullable(),
      operators: z.array(z.object({ address: z.string(), stakedAmount: intString })),
      ncns: z.array(z.object({ address: z.string(), state: z.string() })),
    }),
  ),
});
export type JitoExposure = z.infer<typeof jitoExposureSchema>;

export const exposureReportSchema = z.object({
  jito: jitoExposureSchema,
  babylon: babylonExposureSchema,
  asOf: z.object({ blockNumber: z.string(), blockTime: z.number().int() }).nullable(),
  positions: z.array(exposedPositionSchema),
  exposures: z.array(exposureRowSchema),
  byAvs: z.array(exposureTotalSchema),
  byOperator: z.array(exposureTotalSchema),
  /** shared[i][j]: share of position i's slashable amount in operator sets position j is also exposed to. */
  matrix: z.object({ ids: z.array(z.string()), shared: z.array(z.array(z.number())) }),
  disjointPairs: z.array(z.tuple([z.string(), z.string()])),
  concentration: z.object({
    largestAvs: exposureTotalSchema.nullable(),
    largestOperator: exposureTotalSchema.nullable(),
    hhiAvs: z.number().int(),
  }),
  worstCases: z.array(z.object({ kind: z.enum(['avs', 'operator']), target: address, loss: intString, usdCents: intString.nullable() })),
  /** Operators already slashed: max magnitude below 1e18 for a strategy. */
  slashedBefore: z.array(z.object({ operator: address, strategy: address, maxMagnitude: intString })),
  alerts: z.array(alertSchema),
  operatorErrors: z.array(z.object({ operator: z.string(), error: z.string() })),
  scan: z.object({ lastBlock: z.number().int(), scannedAt: z.number().int(), error: z.string().nullable() }).nullable(),
  scenarios: z.array(scenarioSchema),
  /** Names from the operators' and AVSs' published metadata, where looked up. */
  names: z.array(z.object({ kind: z.enum(['operator', 'avs']), address: z.string(), name: z.string() })),
});
export type ExposureReport = z.infer<typeof exposureReportSchema>;

export const stressResultSchema = z.object({
  scenario: scenarioSchema,
  losses: z.array(z.object({ positionId: z.string(), amount: intString, usdCents: intString.nullable() })),
  total: intString,
  totalUsdCents: intString.nullable(),
});
export type StressResult = z.infer<typeof stressResultSchema>;

export const namesResultSchema = z.object({
  resolved: z.number().int(),
  failed: z.array(z.object({ address: z.string(), error: z.string() })),
});
export type NamesResult = z.infer<typeof namesResultSchema>;
