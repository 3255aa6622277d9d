/** Babylon staking API client against a loopback service: shapes, paging, 404-as-empty, retries, bad answers. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBabylonApiClient, DELEGATION_STATES, delegationPhase, xOnlyKey } from '../../electron/main/chain/bitcoin/babylon-api';
import { recognizeBabylonStakingRawTx } from '../../shared/domain/bitcoin/babylon-staking-tx';
import { startBabylonServer, type BabylonServer, type DelegationJson } from '../support/babylon-server';

const STAKER = '1e06e1ef408126703ed66447cd6972434396b252a22e843d8295d55ae7a9cfd1'; // babylon.v2-delegations.example.json
const OTHER = '0b93d2d388a2b89c2ba2ef28e99c0cfc20735b693cb8b2350fe8aceca2d0f393'; // the mainnet fixture's staker: unknown here
const hash = (n: number) => n.toString(16).padStart(64, '0');

let server: BabylonServer;
const client = () => createBabylonApiClient({ baseUrl: server.url, retries: 2, baseDelayMs: 10 });

beforeAll(async () => {
  server = await startBabylonServer();
});
beforeEach(() => server.setPageSize(100));
afterAll(() => server.close());

describe('Babylon staking API client', () => {
  it('reads a v2 delegation exactly: integer satoshi as bigint, UPPER_SNAKE state, arrays of x-only keys', async () => {
    const result = await client().delegations(STAKER);
    expect(result).toMatchObject({ complete: true, requests: 1 });
    expect(result.items).toHaveLength(1);
    const [delegation] = result.items;
    expect(delegation).toMatchObject({
      params_version: 1,
      staker_btc_pk_hex: STAKER,
      finality_provider_btc_pks_hex: ['c20acf33c17e5a6c92cced9f1d530cccab7aa3e53400456202f02fac95e9c481'],
      state: 'ACTIVE',
      delegation_staking: { staking_amount: 50_000n, staking_timelock: 64_000, start_height: 198_690, end_height: 262_690, bbn_inception_time: '2025-01-13T05:15:57Z' },
      delegation_unbonding: { unbonding_timelock: 1_008 },
    });
    expect(delegation!.delegation_unbonding.covenant_unbonding_signatures).toHaveLength(7);
    expect(delegation!.withdrawal_info).toBeUndefined();
    expect(delegationPhase(delegation!.state)).toEqual({ phase: 'active', slashed: false, expanded: false });
    expect(server.requests.at(-1)!.search).toBe(`?staker_pk_hex=${STAKER}`);
  });

  it('the staking tx it returns decodes to the same amount with the network-info covenant set', async () => {
    const api = client();
    const [[delegation], info] = await Promise.all([api.delegations(STAKER).then((r) => r.items), api.networkInfo()]);
    const params = info.params.bbn.find((p) => p.version === delegation!.params_version)!;
    const decoded = recognizeBabylonStakingRawTx(delegation!.delegation_staking.staking_tx_hex, { tagHex: '62627434', covenantPks: params.covenant_pks, covenantQuorum: params.covenant_quorum, source: 'GET /v2/network-info' });
    expect(decoded).toMatchObject({ kind: 'staking', stakingAmount: delegation!.delegation_staking.staking_amount, stakingOutputIndex: delegation!.delegation_staking.staking_output_idx });
  });

  it('pages through pagination.next_key until it is "", keeping omitted fields absent', async () => {
    const base = server.exampleDelegation();
    const variant = (n: number, state: string, extra: Record<string, unknown> = {}): DelegationJson => {
      const copy = structuredClone(base);
      copy.state = state;
      copy.delegation_staking.staking_tx_hash_hex = hash(n);
      if (state === 'PENDING') {
        delete copy.delegation_staking.start_height;
        delete (copy.delegation_staking as Record<string, unknown>).end_height;
      }
      return { ...copy, ...extra };
    };
    server.addDelegations([
      variant(1, 'PENDING'),
      variant(2, 'EARLY_UNBONDING'),
      variant(3, 'TIMELOCK_WITHDRAWN', { withdrawal_info: { tx_hash: hash(30) } }),
      variant(4, 'EXPANDED'),
      variant(5, 'ACTIVE', { previous_staking_tx_hash_hex: hash(4) }),
    ]);
    server.setPageSize(2);
    server.requests.length = 0;
    const result = await client().delegations(STAKER);
    expect(result).toMatchObject({ complete: true, requests: 3 });
    expect(result.items.map((d) => [d.state, delegationPhase(d.state).phase])).toEqual([
      ['ACTIVE', 'active'],
      ['PENDING', 'pending'],
      ['EARLY_UNBONDING', 'unbonding'],
      ['TIMELOCK_WITHDRAWN', 'withdrawn'],
      ['EXPANDED', 'withdrawn'],
      ['ACTIVE', 'active'],
    ]);
    expect(result.items[1]!.delegation_staking).not.toHaveProperty('start_height');
    expect(result.items[3]!.withdrawal_info).toEqual({ tx_hash: hash(30) });
    expect(result.items[5]!.previous_staking_tx_hash_hex).toBe(hash(4));
    const keys = server.requests.map((url) => url.searchParams.get('pagination_key'));
    expect(keys[0]).toBeNull();
    expect(JSON.parse(Buffer.from(keys[1]!, 'base64').toString())).toEqual({ staking_tx_hash_hex: hash(1), start_height: 0 });
    expect(await client().delegations(STAKER, 2)).toMatchObject({ complete: false, requests: 2, items: { length: 4 } });
  });

  it('normalises the key (compressed or upper case) and returns [] for an unknown staker', async () => {
    expect(xOnlyKey(`03${STAKER.toUpperCase()}`)).toBe(STAKER);
    expect((await client().delegations(STAKER.toUpperCase())).items.length).toBeGreaterThan(0);
    expect(await client().delegations(OTHER)).toEqual({ items: [], complete: true, requests: 1 });
    expect(() => xOnlyKey('04abcd')).toThrow('Not a staker public key');
    // 64 hex, but not a point on the curve: the service's own 400, with its errorCode
    await expect(client().delegations('00'.repeat(31) + '05')).rejects.toMatchObject({ message: 'Babylon API /v2/delegations: HTTP 400 (BAD_REQUEST): invalid staker_pk_hex', status: 400, errorCode: 'BAD_REQUEST' });
  });

  it('pubkey lookup returns the map, leaving unknown addresses out; at most 10 addresses', async () => {
    const known = ['bc1pwwrdfkea9qtp5fg9m630c403vq950s0s36h7pz6435mgafl7auls2cpnvh', 'bc1qfnqcsx5pk9ct4v4v4e58z8wekkw2lm0fqx9cf5'];
    const unknown = 'bc1pstunan5nv657dqx32tdup3y8uxq6eja6z3d4kukspjpq23gxf4zqdce4hn';
    expect(await client().pubkeyLookup([...known, unknown, known[0]!])).toEqual({
      [known[0]!]: '3faa3aa676b2addc8e4750b65d02f54386e0dbc87d83cdbf3bd02053b0ed0bcf',
      [known[1]!]: '1e06e1ef408126703ed66447cd6972434396b252a22e843d8295d55ae7a9cfd1',
    });
    expect(server.requests.at(-1)!.searchParams.getAll('address')).toEqual([...known, unknown]);
    expect(await client().pubkeyLookup([unknown])).toEqual({});
    expect(await client().pubkeyLookup([])).toEqual({});
    await expect(client().pubkeyLookup(Array.from({ length: 11 }, (_, i) => `${unknown}${i}`))).rejects.toThrow('At most 10 addresses per pubkey lookup, got 11');
    await expect(client().pubkeyLookup(['1wiz18xYmhRX6xStj2b9t1rwWX4GKUgpv'])).rejects.toThrow(/^Babylon API \/v1\/staker\/pubkey-lookup: HTTP 400 \(BAD_REQUEST\): /);
  });

  it('finality providers: paged, FINALITY_PROVIDER_STATUS_* states, decimal-string commission; a 404 means none', async () => {
    server.setPageSize(1);
    const result = await client().finalityProviders();
    expect(result).toMatchObject({ complete: true, requests: 2 });
    expect(result.items.map((fp) => [fp.description.moniker, fp.state, fp.commission, fp.active_tvl])).toEqual([
      ['verse2', 'FINALITY_PROVIDER_STATUS_ACTIVE', '0.050000000000000000', 0n],
      ['Babylon Foundation 0', 'FINALITY_PROVIDER_STATUS_ACTIVE', '0.100000000000000000', 0n],
    ]);
    expect(result.items[0]).not.toHaveProperty('logo_url');
    server.setFinalityProviders([]);
    expect(await client().finalityProviders()).toEqual({ items: [], complete: true, requests: 1 });
  });

  it('network info (wrapped in data), stats, APR and staker stats', async () => {
    const info = await client().networkInfo();
    expect(info.params.bbn.map((p) => p.version)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(info.params.bbn.at(-1)).toMatchObject({ slashing_rate: '0.050000000000000000', unbonding_time_blocks: 1_008, max_staking_value_sat: 35_000_000_000n, min_commission_rate: '0.030000000000000000' });
    expect(info.params.btc).toEqual([{ version: 0, btc_confirmation_depth: 10, checkpoint_finalization_timeout: 100 }]);
    expect(info.network_upgrade).toBeUndefined();
    expect(await client().stats()).toEqual({ active_tvl: 3_000n, active_delegations: 3_000, active_finality_providers: 3, total_finality_providers: 3, total_active_tvl: 67_986_514_595n, total_active_delegations: 420_254, btc_staking_apr: 0, max_staking_apr: 0 });
    const zero = { btc_staking_apr: 0, baby_staking_apr: 0, co_staking_apr: 0, total_apr: 0 };
    expect(await client().apr(50_000n)).toEqual({ current: zero, additional_baby_needed_for_boost: 0, boost: zero });
    expect(server.requests.at(-1)!.search).toBe('?satoshis_staked=50000&ubbn_staked=0');
    expect(await client().stakerStats(STAKER)).toMatchObject({ active_tvl: 50_000n, active_delegations: 1, slashed_tvl: 0n });
    expect(await client().stakerStats(OTHER)).toMatchObject({ active_tvl: 0n, withdrawable_tvl: 0n });
  });

  it('waits out a 429 with Retry-After; gives up on repeated 500s with the error body', async () => {
    server.failNext('rate-limit', 1, 1);
    const started = Date.now();
    expect((await client().stats()).total_active_tvl).toBe(67_986_514_595n);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    server.failNext('server-error', 3);
    await expect(client().stats()).rejects.toThrow('Babylon API /v2/stats: HTTP 500 after 3 attempts (INTERNAL_SERVICE_ERROR): Internal service error');
    server.failNext('rate-limit', 3, 0);
    await expect(client().stats()).rejects.toThrow('Babylon API /v2/stats: HTTP 429 after 3 attempts: Too Many Requests');
  });

  it('malformed JSON and wrong shapes are clear errors naming the endpoint', async () => {
    server.failNext('malformed-json');
    await expect(client().delegations(STAKER)).rejects.toThrow('Babylon API /v2/delegations: unexpected response (not JSON): {"data": [{"params_version": 1,');
    server.failNext('wrong-shape');
    await expect(client().delegations(STAKER)).rejects.toThrow(/^Babylon API \/v2\/delegations: unexpected response \(data\.0\.state: /);
    server.failNext('wrong-shape');
    await expect(client().networkInfo()).rejects.toThrow('Babylon API /v2/network-info: unexpected response (data.params.bbn.0.slashing_rate: Invalid input: expected string, received number)');
    server.failNext('wrong-shape');
    await expect(client().stats()).rejects.toThrow(/^Babylon API \/v2\/stats: unexpected response \(data: /);
  });

  it('maps every state to one of five phases', () => {
    const phases = Object.fromEntries(DELEGATION_STATES.map((state) => [state, delegationPhase(state)]));
    expect(phases.SLASHED).toEqual({ phase: 'unbonding', slashed: true, expanded: false });
    expect(phases.TIMELOCK_SLASHING_WITHDRAWABLE).toEqual({ phase: 'withdrawable', slashed: true, expanded: false });
    expect(phases.EXPANDED).toEqual({ phase: 'withdrawn', slashed: false, expanded: true });
    expect(DELEGATION_STATES.filter((state) => delegationPhase(state).phase === 'withdrawable')).toEqual(['TIMELOCK_WITHDRAWABLE', 'EARLY_UNBONDING_WITHDRAWABLE', 'TIMELOCK_SLASHING_WITHDRAWABLE', 'EARLY_UNBONDING_SLASHING_WITHDRAWABLE']);
  });
});
