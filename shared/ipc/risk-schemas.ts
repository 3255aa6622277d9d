/**
 * The Risk report (issue 11, docs/risk.md): per protocol a card of who can change its
 * contracts (read from chain at the latest Ethereum snapshot), its audits, incidents and notes
 * (registry), and its share of the portfolio; per position a one-line summary combining that
 * with its slashing exposure; per position the exit paths (redeem through the protocol vs
 * sell now) and the pending withdrawals with their completion times; and the alerts raised
 * when a contract's upgradeability changed between two refreshes. Amounts are integer
 * strings in the asset's raw units; shares are parts per million (integers).
 */
import { z } from 'zod';
import { networkIdSchema } from './schemas';

const intString = z.string().regex(/^-?\d+$/);

export const CONTROL_KINDS = ['immutable', 'eoa', 'multisig', 'timelock', 'dao-vote', 'renounced', 'unknown', 'unreadable'] as const;

/** Who can change a contract, as one line (shared/domain/upgradeability-summary.ts). */
export const controlSchema = z.object({
  control: z.enum(CONTROL_KINDS),
  line: z.string(),
  /** Each node from the contract to whoever holds the keys, as text. */
  path: z.array(z.string()),
});
export type Control = z.infer<typeof controlSchema>;

export const contractRiskSchema = z.object({
  name: z.string(),
  role: z.enum(['token', 'nav', 'deposit', 'withdraw']),
  address: z.string(),
  /** Where the address was verified (registry). */
  source: z.string(),
  /** The chain read at the latest Ethereum snapshot that read it, or null when never read. */
  read: z
    .object({
      blockNumber: z.string(),
      /** When the snapshot holding the read was fetched (unix ms). */
      fetchedAt: z.number().int(),
      proxy: z.string(),
      implementation: z.string().nullable(),
      control: controlSchema,
      error: z.string().nullable(),
      notes: z.array(z.string()),
    })
    .nullable(),
});
export type ContractRisk = z.infer<typeof contractRiskSchema>;

const recordSchema = z.object({
  audits: z.array(z.object({ auditor: z.string(), date: z.string(), scope: z.string(), link: z.string() })),
  incidents: z.array(z.object({ date: z.string(), title: z.string(), summary: z.string(), link: z.string() })),
  notes: z.array(z.object({ date: z.string(), text: z.string(), link: z.string() })),
  /** False when the registry has no audit record for the protocol yet (said, not hidden). */
  covered: z.boolean(),
});

export const riskCardSchema = recordSchema.extend({
  protocol: z.string(),
  /** Position ids (the exposure report's ids) that depend on this protocol. */
  positionIds: z.array(z.string()),
  usdCents: intString.nullable(),
  /** Of the portfolio's USD value; null without prices. */
  sharePpm: z.number().int().nullable(),
  contracts: z.array(contractRiskSchema),
  /** The least controlled of the contracts read (an EOA before a multisig before a timelock …); contracts whose read failed are left out unless none was read. */
  weakest: controlSchema.nullable(),
});
export type RiskCard = z.infer<typeof riskCardSchema>;

export const positionRiskSchema = z.object({
  id: z.string(),
  walletId: z.number().int(),
  chain: networkIdSchema,
  symbol: z.string(),
  label: z.string(),
  /** The protocols the position depends on, its own first (an LRT also depends on EigenLayer). */
  protocols: z.array(z.string()),
  usdCents: intString.nullable(),
  /** Share of the portfolio held through the position's own protocol. */
  protocolSharePpm: z.number().int().nullable(),
  weakest: controlSchema.nullable(),
  audits: z.number().int(),
  incidents: z.number().int(),
  /** What slashing could take, from the exposure report, in `underlying` raw units (ETH wei, BTC sat); null where no exposure is read. */
  slashable: intString.nullable(),
  underlying: z.enum(['ETH', 'BTC', 'SOL']).nullable(),
  /** EigenLayer operators or Babylon finality providers, and AVSs (EigenLayer only), the position is exposed to. */
  operators: z.number().int(),
  avss: z.number().int(),
  /** Other positions exposed to at least one of the same operator sets. */
  sharesRiskWith: z.array(z.string()),
  /** Short facts for the Portfolio risk column, worst first. */
  flags: z.array(z.string()),
});
export type PositionRisk = z.infer<typeof positionRiskSchema>;

export const waitSchema = z.object({
  minSeconds: z.number().int().nullable(),
  maxSeconds: z.number().int().nullable(),
  basis: z.enum(['chain', 'documented', 'unknown']),
  text: z.string(),
  source: z.string().nullable(),
});
export type Wait = z.infer<typeof waitSchema>;

export const exitSchema = z.object({
  positionId: z.string(),
  walletId: z.number().int(),
  chain: networkIdSchema,
  symbol: z.string(),
  rawAmount: intString,
  decimals: z.number().int(),
  underlying: z.enum(['ETH', 'BTC', 'SOL']),
  underlyingDecimals: z.number().int(),
  redeem: z.object({
    route: z.string(),
    text: z.string(),
    contract: z.string().nullable(),
    wait: waitSchema,
    /** Underlying received when the redemption completes: amount × NAV, before fees (the route's fees are in `note`). */
    receive: intString.nullable(),
  }),
  /** Selling now at the market price (valuation issue), no size effect. */
  market: z.object({ receive: intString.nullable(), premium: z.number().nullable() }),
  /** Selling now on-chain for the actual size, at the latest Ethereum snapshot's block. */
  dex: z
    .object({
      venue: z.string(),
      feeTier: z.number().int().nullable(),
      receive: intString.nullable(),
      priceImpactPpm: z.number().int().nullable(),
      blockNumber: z.string(),
      error: z.string().nullable(),
    })
    .nullable(),
  /** Exiting now instead of waiting: redeem receive − the best sell-now receive (> 0 = selling costs). */
  costNow: z.object({ underlying: intString.nullable(), usdCents: intString.nullable(), basis: z.enum(['dex', 'market']).nullable() }),
  note: z.string().nullable(),
});
export type Exit = z.infer<typeof exitSchema>;

export const pendingWithdrawalSchema = z.object({
  id: z.string(),
  walletId: z.number().int(),
  source: z.enum(['eigenlayer', 'babylon']),
  label: z.string(),
  amount: intString,
  decimals: z.number().int(),
  symbol: z.string(),
  /** The block (Ethereum) or height (Bitcoin) at which it can be completed. */
  completableAt: z.string().nullable(),
  /** Estimated unix seconds from the block/height distance; null when not known. */
  completesAt: z.number().int().nullable(),
  status: z.enum(['waiting', 'claimable']),
  basis: z.string(),
});
export type PendingWithdrawal = z.infer<typeof pendingWithdrawalSchema>;

export const riskAlertSchema = z.object({
  id: z.number().int(),
  protocol: z.string(),
  contract: z.string(),
  contractName: z.string(),
  kind: z.string(),
  message: z.string(),
  blockNumber: z.string(),
  detectedAt: z.number().int(),
  dismissed: z.boolean(),
});
export type RiskAlert = z.infer<typeof riskAlertSchema>;

export const riskReportSchema = z.object({
  /** The Ethereum snapshot the chain reads come from. */
  asOf: z.object({ blockNumber: z.string(), blockTime: z.number().int(), fetchedAt: z.number().int() }).nullable(),
  portfolioUsdCents: intString.nullable(),
  cards: z.array(riskCardSchema),
  positions: z.array(positionRiskSchema),
  exits: z.array(exitSchema),
  pendingWithdrawals: z.array(pendingWithdrawalSchema),
  alerts: z.array(riskAlertSchema),
});
export type RiskReport = z.infer<typeof riskReportSchema>;
