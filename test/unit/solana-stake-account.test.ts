import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  EPOCH_NEVER,
  parseStakeAccounts,
  stakeActivation,
  type StakeAccount,
  type StakeDelegation,
} from '../../shared/domain/solana/stake-account';

// Recorded mainnet getProgramAccounts (Stake program, jsonParsed) in ../shared/api-shapes.
const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/api-shapes/solana.getProgramAccounts.stake.example.json');
const HAS_EXAMPLE = existsSync(EXAMPLE);

const OWNER = '83wDqn8DFg5oh1WetQJwcyZySjxGkxWVKf3p39T6GMQH';
const VOTER = 'J2nUHEAgZFRyuJbFjdqPrAa9gyWDuc7hErtDQHPhsYRp';
const MAX = '18446744073709551615';

describe.skipIf(!HAS_EXAMPLE)(`recorded getProgramAccounts example${HAS_EXAMPLE ? '' : ` (skipped: ${EXAMPLE} not found)`}`, () => {
  const body = HAS_EXAMPLE ? JSON.parse(readFileSync(EXAMPLE, 'utf8')) : { result: [] };

  it('parses both accounts with exact bigint amounts and epochs', () => {
    const { accounts, skipped } = parseStakeAccounts(body.result);
    expect(skipped).toEqual([]);
    const lockup = { unixTimestamp: 0, epoch: 0, custodian: '11111111111111111111111111111111' };
    expect(accounts).toEqual([
      {
        pubkey: 'GuXr1c5KyuJxpsoKMDiDBAJZq4GczPMNUmp4UKY9LbAE',
        lamports: 10_000_000n,
        rentExemptReserve: 2_282_880n,
        staker: OWNER,
        withdrawer: OWNER,
        lockup,
        delegation: { voter: VOTER, stake: 7_717_120n, activationEpoch: 650n, deactivationEpoch: 650n },
      },
      {
        pubkey: '6LFjBX1yUwSr8SWsyZUc5okZiVo8ZdmVQ9keJAazRmnh',
        lamports: 40_016_458n,
        rentExemptReserve: 2_282_880n,
        staker: OWNER,
        withdrawer: OWNER,
        lockup,
        delegation: { voter: VOTER, stake: 37_731_751n, activationEpoch: 650n, deactivationEpoch: EPOCH_NEVER },
      },
    ] satisfies StakeAccount[]);
  });

  it('classifies them: activated and deactivated in epoch 650 never counts; the other warms up at 650', () => {
    const [instant, live] = parseStakeAccounts(body.result).accounts;
    if (!instant || !live) throw new Error('expected two accounts');
    expect([649n, 650n, 651n, 900n].map((epoch) => stakeActivation(instant, epoch))).toEqual(['inactive', 'inactive', 'inactive', 'inactive']);
    expect([649n, 650n, 651n, 900n].map((epoch) => stakeActivation(live, epoch))).toEqual(['inactive', 'activating', 'active', 'active']);
  });
});

function delegated(delegation: Partial<StakeDelegation>): Pick<StakeAccount, 'delegation'> {
  return { delegation: { voter: VOTER, stake: 5_000_000_000n, activationEpoch: 100n, deactivationEpoch: EPOCH_NEVER, ...delegation } };
}

describe('stakeActivation', () => {
  it('reports initialized for an undelegated account', () => {
    expect(stakeActivation({ delegation: null }, 500n)).toBe('initialized');
  });

  it('activating in the activation epoch, active after it', () => {
    expect(stakeActivation(delegated({}), 99n)).toBe('inactive');
    expect(stakeActivation(delegated({}), 100n)).toBe('activating');
    expect(stakeActivation(delegated({}), 101n)).toBe('active');
  });

  it('deactivating in the deactivation epoch, inactive after it', () => {
    const account = delegated({ deactivationEpoch: 120n });
    expect(stakeActivation(account, 119n)).toBe('active');
    expect(stakeActivation(account, 120n)).toBe('deactivating');
    expect(stakeActivation(account, 121n)).toBe('inactive');
  });

  it('deactivated one epoch after activation: activating, then deactivating, then inactive', () => {
    const account = delegated({ deactivationEpoch: 101n });
    expect(stakeActivation(account, 100n)).toBe('activating');
    expect(stakeActivation(account, 101n)).toBe('deactivating');
    expect(stakeActivation(account, 102n)).toBe('inactive');
  });

  it('treats bootstrap stake (activationEpoch u64::MAX) as effective from genesis', () => {
    expect(stakeActivation(delegated({ activationEpoch: EPOCH_NEVER }), 0n)).toBe('active');
    expect(stakeActivation(delegated({ activationEpoch: EPOCH_NEVER }), 700n)).toBe('active');
    const leaving = delegated({ activationEpoch: EPOCH_NEVER, deactivationEpoch: 700n });
    expect(stakeActivation(leaving, 700n)).toBe('deactivating');
    expect(stakeActivation(leaving, 701n)).toBe('inactive');
  });

  it('calls zero delegated lamports inactive whatever the epochs say', () => {
    expect(stakeActivation(delegated({ stake: 0n }), 100n)).toBe('inactive');
    expect(stakeActivation(delegated({ stake: 0n }), 101n)).toBe('inactive');
  });
});

function keyed(overrides: { type?: string; stake?: unknown; delegation?: Record<string, unknown>; lamports?: unknown; data?: unknown } = {}) {
  const delegation = { voter: VOTER, stake: '1000', activationEpoch: '5', deactivationEpoch: MAX, ...overrides.delegation };
  const meta = {
    rentExemptReserve: '2282880',
    authorized: { staker: OWNER, withdrawer: OWNER },
    lockup: { unixTimestamp: 0, epoch: 0, custodian: '11111111111111111111111111111111' },
  };
  const type = overrides.type ?? 'delegated';
  const stake = 'stake' in overrides ? overrides.stake : { delegation, creditsObserved: 1 };
  return {
    pubkey: '6LFjBX1yUwSr8SWsyZUc5okZiVo8ZdmVQ9keJAazRmnh',
    account: {
      lamports: overrides.lamports ?? 2_283_880,
      owner: 'Stake11111111111111111111111111111111111111',
      executable: false,
      rentEpoch: 18446744073709552000,
      space: 200,
      data: overrides.data ?? { program: 'stake', parsed: { type, info: { meta, stake } }, space: 200 },
    },
  };
}

describe('parseStakeAccounts', () => {
  it('accepts current Agave output (no warmupCooldownRate) and an initialized account with stake null', () => {
    const { accounts, skipped } = parseStakeAccounts([keyed(), keyed({ type: 'initialized', stake: null })]);
    expect(skipped).toEqual([]);
    expect(accounts.map((account) => stakeActivation(account, 5n))).toEqual(['activating', 'initialized']);
  });

  it('skips, with a reason, what it cannot read exactly instead of failing the whole list', () => {
    const { accounts, skipped } = parseStakeAccounts([
      keyed({ delegation: { stake: 1000 } }), // a number where the RPC sends a string
      keyed({ delegation: { deactivationEpoch: '18446744073709551616' } }), // above u64
      keyed({ lamports: 2 ** 53 + 2 }), // already rounded by JSON.parse
      keyed({ type: 'uninitialized' }),
      keyed({ data: ['AAAA', 'base64'] }), // the RPC's fallback when it cannot parse
      keyed({ delegation: { voter: 'not-a-key' } }),
      keyed(),
    ]);
    expect(accounts).toHaveLength(1);
    expect(skipped.map((entry) => entry.reason)).toEqual([
      expect.stringContaining('delegation.stake'),
      expect.stringContaining('exceeds u64'),
      expect.stringContaining('2^53'),
      expect.stringContaining('parsed.type'),
      expect.stringContaining('account.data'),
      expect.stringContaining('base58'),
    ]);
    expect(skipped.every((entry) => entry.pubkey === '6LFjBX1yUwSr8SWsyZUc5okZiVo8ZdmVQ9keJAazRmnh')).toBe(true);
  });

  it('refuses a result that is not the bare array', () => {
    expect(() => parseStakeAccounts({ context: {}, value: [] })).toThrow(/not an array/);
  });
});
