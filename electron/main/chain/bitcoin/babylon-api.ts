/**
 * Babylon staking API client (babylonlabs-io/staking-api-service; every shape per
 * ../shared/api-shapes/babylon-staking-api.md, read from the service's Go structs at
 * 1166dbc055e3f96a4a1dbd1ac28dbf727acb228b and its e2e tests, not its Swagger):
 * - bodies are `{data}`; list routes add `{"pagination":{"next_key":""}}` ("" = last page),
 *   the key goes back as `pagination_key`;
 * - errors are `{"errorCode","message"}`; an empty finality-provider list is a 404;
 * - keys are x-only (64 hex, lower case: the service matches them as exact strings);
 * - amounts are integer satoshi (bigint here), rates decimal strings, APRs float fractions;
 * - `start_height`/`end_height`, `logo_url`, `withdrawal_info`, `previous_staking_tx_hash_hex`
 *   are omitted when empty, never null.
 */
import { z } from 'zod';
import { excerpt, firstIssue, requestWithRetry, safeJson, type HttpOptions } from '../http/http-retry';

/**
 * Mainnet. The staking dApp's Terms page links the API docs at
 * https://staking-api.babylonlabs.io/swagger/index.html (babylon-staking-api.md, "Base URL").
 */
export const DEFAULT_BABYLON_API_BASE = 'https://staking-api.babylonlabs.io';
/** v1 handlers/pubkey.go MAX_NUM_PK_LOOKUP_ADDRESSES. */
export const MAX_PUBKEY_LOOKUP_ADDRESSES = 10;

/** internal/v2/types/delegation_states.go */
export const DELEGATION_STATES = [
  'PENDING',
  'VERIFIED',
  'ACTIVE',
  'TIMELOCK_UNBONDING',
  'EARLY_UNBONDING',
  'TIMELOCK_WITHDRAWABLE',
  'EARLY_UNBONDING_WITHDRAWABLE',
  'TIMELOCK_SLASHING_WITHDRAWABLE',
  'EARLY_UNBONDING_SLASHING_WITHDRAWABLE',
  'TIMELOCK_WITHDRAWN',
  'EARLY_UNBONDING_WITHDRAWN',
  'TIMELOCK_SLASHING_WITHDRAWN',
  'EARLY_UNBONDING_SLASHING_WITHDRAWN',
  'SLASHED',
  'EXPANDED',
] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];
export const FINALITY_PROVIDER_STATES = ['FINALITY_PROVIDER_STATUS_ACTIVE', 'FINALITY_PROVIDER_STATUS_INACTIVE', 'FINALITY_PROVIDER_STATUS_JAILED', 'FINALITY_PROVIDER_STATUS_SLASHED'] as const;

export type DelegationPhase = 'pending' | 'active' | 'unbonding' | 'withdrawable' | 'withdrawn';

/**
 * The portfolio's view of a state, following the service's docs/delegation-statuses.md
 * groups. SLASHED waits for the slashing timelock (locked, earning nothing: 'unbonding');
 * EXPANDED is terminal because the stake lives on in the delegation that points back to it
 * with previous_staking_tx_hash_hex, so counting both would count it twice.
 */
export function delegationPhase(state: DelegationState): { phase: DelegationPhase; slashed: boolean; expanded: boolean } {
  const [phase, slashed] = PHASES[state];
  return { phase, slashed, expanded: state === 'EXPANDED' };
}

const PHASES: Record<DelegationState, [DelegationPhase, boolean]> = {
  PENDING: ['pending', false],
  VERIFIED: ['pending', false],
  ACTIVE: ['active', false],
  TIMELOCK_UNBONDING: ['unbonding', false],
  EARLY_UNBONDING: ['unbonding', false],
  SLASHED: ['unbonding', true],
  TIMELOCK_WITHDRAWABLE: ['withdrawable', false],
  EARLY_UNBONDING_WITHDRAWABLE: ['withdrawable', false],
  TIMELOCK_SLASHING_WITHDRAWABLE: ['withdrawable', true],
  EARLY_UNBONDING_SLASHING_WITHDRAWABLE: ['withdrawable', true],
  TIMELOCK_WITHDRAWN: ['withdrawn', false],
  EARLY_UNBONDING_WITHDRAWN: ['withdrawn', false],
  TIMELOCK_SLASHING_WITHDRAWN: ['withdrawn', true],
  EARLY_UNBONDING_SLASHING_WITHDRAWN: ['withdrawn', true],
  EXPANDED: ['withdrawn', false],
};

const uint = z.number().int().nonnegative();
const sat = uint.transform((value) => BigInt(value));
const hexString = z.string().regex(/^([0-9a-fA-F]{2})*$/, 'expected hex');
const xOnly = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-hex x-only key');
const txHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-hex tx hash');
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'expected a decimal string');
const fraction = z.number().finite();
const rfc3339 = z.string().refine((value) => /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)), 'expected an RFC 3339 time');

const delegationSchema = z.object({
  params_version: uint,
  staker_btc_pk_hex: xOnly,
  finality_provider_btc_pks_hex: z.array(xOnly),
  delegation_staking: z.object({
    staking_tx_hash_hex: txHash,
    staking_tx_hex: hexString,
    staking_output_idx: uint,
    staking_timelock: uint,
    staking_amount: sat,
    start_height: uint.optional(),
    end_height: uint.optional(),
    bbn_inception_height: z.number().int(),
    bbn_inception_time: rfc3339,
    slashing: z.object({ slashing_tx_hex: hexString, spending_height: uint }),
  }),
  delegation_unbonding: z.object({
    unbonding_timelock: uint,
    unbonding_tx: hexString,
    covenant_unbonding_signatures: z.array(z.object({ covenant_btc_pk_hex: xOnly, signature_hex: hexString, stake_expansion_signature_hex: hexString.optional() })),
    slashing: z.object({ unbonding_slashing_tx_hex: hexString, spending_height: uint }),
  }),
  state: z.enum(DELEGATION_STATES),
  withdrawal_info: z.object({ tx_hash: txHash }).optional(),
  previous_staking_tx_hash_hex: txHash.optional(),
});

const finalityProviderSchema = z.object({
  btc_pk: xOnly,
  state: z.enum(FINALITY_PROVIDER_STATES),
  description: z.object({ moniker: z.string(), identity: z.string(), website: z.string(), security_contact: z.string(), details: z.string() }),
  commission: decimal,
  active_tvl: sat,
  active_delegations: uint,
  logo_url: z.string().optional(),
  type: z.string(),
});

const bbnParamsSchema = z.object({
  version: uint,
  covenant_pks: z.array(xOnly),
  covenant_quorum: uint,
  min_staking_value_sat: sat,
  max_staking_value_sat: sat,
  min_staking_time_blocks: uint,
  max_staking_time_blocks: uint,
  slashing_pk_script: hexString,
  min_slashing_tx_fee_sat: sat,
  slashing_rate: decimal,
  unbonding_time_blocks: uint,
  unbonding_fee_sat: sat,
  min_commission_rate: decimal,
  delegation_creation_base_gas_fee: uint,
  allow_list_expiration_height: uint,
  btc_activation_height: uint,
});
const networkInfoSchema = z.object({
  params: z.object({ bbn: z.array(bbnParamsSchema), btc: z.array(z.object({ version: uint, btc_confirmation_depth: uint, checkpoint_finalization_timeout: uint })) }),
  network_upgrade: z.object({ pop: z.array(z.object({ height: uint, version: uint })) }).optional(),
});

const statsSchema = z.object({
  active_tvl: sat,
  active_delegations: uint,
  active_finality_providers: uint,
  total_finality_providers: uint,
  total_active_tvl: sat,
  total_active_delegations: uint,
  btc_staking_apr: fraction,
  max_staking_apr: fraction,
});
const aprBreakdown = z.object({ btc_staking_apr: fraction, baby_staking_apr: fraction, co_staking_apr: fraction, total_apr: fraction });
const aprSchema = z.object({ current: aprBreakdown, additional_baby_needed_for_boost: fraction, boost: aprBreakdown });
const stakerStatsSchema = z.object({
  active_tvl: sat,
  active_delegations: uint,
  unbonding_tvl: sat,
  unbonding_delegations: uint,
  withdrawable_tvl: sat,
  withdrawable_delegations: uint,
  slashed_tvl: sat,
  slashed_delegations: uint,
});
const errorSchema = z.object({ errorCode: z.string(), message: z.string() });

export type BabylonDelegation = z.infer<typeof delegationSchema>;
export type BabylonFinalityProvider = z.infer<typeof finalityProviderSchema>;
export type BabylonNetworkInfo = z.infer<typeof networkInfoSchema>;
export type BabylonStakingParams = z.infer<typeof bbnParamsSchema>;
export type BabylonStats = z.infer<typeof statsSchema>;
export type BabylonApr = z.infer<typeof aprSchema>;
export type BabylonStakerStats = z.infer<typeof stakerStatsSchema>;

export interface Paged<T> {
  items: T[];
  /** False when maxPages ran out before next_key was "". */
  complete: boolean;
  requests: number;
}

export class BabylonApiError extends Error {
  constructor(
    message: string,
    readonly endpoint: string,
    readonly status?: number,
    readonly errorCode?: string,
  ) {
    super(message);
    this.name = 'BabylonApiError';
  }
}

export interface BabylonApiOptions extends HttpOptions {
  baseUrl?: string;
}

export function createBabylonApiClient(options: BabylonApiOptions = {}) {
  const baseUrl = (options.baseUrl ?? DEFAULT_BABYLON_API_BASE).replace(/\/+$/, '');

  /** The body's `data` (and next_key when asked), or null for a 404 when `notFoundIsEmpty`. */
  async function get<T>(path: string, query: [string, string][], data: z.ZodType<T>, notFoundIsEmpty = false): Promise<{ data: T; nextKey?: string } | null> {
    const search = new URLSearchParams(query).toString();
    const reply = await requestWithRetry({ url: `${baseUrl}${path}${search ? `?${search}` : ''}`, accept: 'application/json' }, options, (detail) => new BabylonApiError(`Babylon API ${path}: unreachable (${new URL(baseUrl).host}): ${detail}`, path));
    const json = safeJson(reply.text);
    if (!reply.ok) {
      const body = json.ok ? errorSchema.safeParse(json.value) : undefined;
      if (reply.status === 404 && notFoundIsEmpty && body?.success) return null;
      const gaveUp = reply.status === 429 || reply.status >= 500 ? ` after ${reply.attempts} attempts` : '';
      const detail = body?.success ? ` (${body.data.errorCode}): ${body.data.message}` : reply.text ? `: ${excerpt(reply.text)}` : '';
      throw new BabylonApiError(`Babylon API ${path}: HTTP ${reply.status}${gaveUp}${detail}`, path, reply.status, body?.success ? body.data.errorCode : undefined);
    }
    if (!json.ok) throw new BabylonApiError(`Babylon API ${path}: unexpected response (not JSON): ${excerpt(reply.text, 80)}`, path, reply.status);
    const envelope = z.object({ data, pagination: z.object({ next_key: z.string() }).optional() }).safeParse(json.value);
    if (!envelope.success) throw new BabylonApiError(`Babylon API ${path}: unexpected response (${firstIssue(envelope.error)})`, path, reply.status);
    return { data: envelope.data.data, nextKey: envelope.data.pagination?.next_key };
  }

  async function paged<T>(path: string, query: [string, string][], item: z.ZodType<T>, maxPages: number, notFoundIsEmpty = false): Promise<Paged<T>> {
    if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`maxPages must be a positive integer, got ${maxPages}`);
    const items: T[] = [];
    const keys = new Set<string>();
    let key = '';
    for (let requests = 1; ; requests++) {
      const page = await get(path, key ? [...query, ['pagination_key', key]] : query, z.array(item), notFoundIsEmpty);
      if (!page) return { items, complete: true, requests };
      if (page.nextKey === undefined) throw new BabylonApiError(`Babylon API ${path}: unexpected response (pagination: missing on a list route)`, path);
      items.push(...page.data);
      if (page.nextKey === '') return { items, complete: true, requests };
      if (keys.has(page.nextKey)) throw new BabylonApiError(`Babylon API ${path}: unexpected response (pagination.next_key repeats)`, path);
      keys.add(page.nextKey);
      key = page.nextKey;
      if (requests >= maxPages) return { items, complete: false, requests };
    }
  }

  const required = <T>(result: { data: T } | null): T => result!.data;

  return {
    baseUrl,
    /** GET /v2/delegations?staker_pk_hex= — every page, up to maxPages. */
    delegations: (stakerPkHex: string, maxPages = 20) => paged('/v2/delegations', [['staker_pk_hex', xOnlyKey(stakerPkHex)]], delegationSchema, maxPages),
    /** GET /v1/staker/pubkey-lookup — address → x-only key; addresses without delegations are absent. */
    async pubkeyLookup(addresses: readonly string[]): Promise<Record<string, string>> {
      const unique = [...new Set(addresses)];
      if (unique.length === 0) return {};
      if (unique.length > MAX_PUBKEY_LOOKUP_ADDRESSES) throw new Error(`At most ${MAX_PUBKEY_LOOKUP_ADDRESSES} addresses per pubkey lookup, got ${unique.length}`);
      return required(await get('/v1/staker/pubkey-lookup', unique.map((address) => ['address', address]), z.record(z.string(), xOnly)));
    },
    /** GET /v2/finality-providers — every page; the service's 404 for an empty list is []. */
    finalityProviders: (maxPages = 20) => paged('/v2/finality-providers', [], finalityProviderSchema, maxPages, true),
    networkInfo: async (): Promise<BabylonNetworkInfo> => required(await get('/v2/network-info', [], networkInfoSchema)),
    stats: async (): Promise<BabylonStats> => required(await get('/v2/stats', [], statsSchema)),
    stakerStats: async (stakerPkHex: string): Promise<BabylonStakerStats> => required(await get('/v2/staker/stats', [['staker_pk_hex', xOnlyKey(stakerPkHex)]], stakerStatsSchema)),
    /** GET /v2/apr — personalised APR for a stake (both amounts default to 0). */
    async apr(satoshisStaked = 0n, ubbnStaked = 0n): Promise<BabylonApr> {
      if (satoshisStaked < 0n || ubbnStaked < 0n) throw new Error('Staked amounts must not be negative');
      return required(await get('/v2/apr', [['satoshis_staked', String(satoshisStaked)], ['ubbn_staked', String(ubbnStaked)]], aprSchema));
    },
  };
}

export type BabylonApiClient = ReturnType<typeof createBabylonApiClient>;

/**
 * Lower-case x-only hex. A 33-byte compressed key is accepted and its parity byte dropped:
 * the x-only key of a point is its x coordinate (BIP 340), and the service refuses
 * compressed keys with 400 "invalid staker_pk_hex".
 */
export function xOnlyKey(pk: string): string {
  const lower = pk.trim().toLowerCase();
  if (/^[0-9a-f]{64}$/.test(lower)) return lower;
  if (/^0[23][0-9a-f]{64}$/.test(lower)) return lower.slice(2);
  throw new Error(`Not a staker public key (64 hex x-only, or 66 hex compressed): "${pk}"`);
}
