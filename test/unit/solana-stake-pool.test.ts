import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../shared/domain/solana/byte-reader';
import { decodeStakePool, lamportsForPoolTokens, lamportsPerPoolToken, type Fee, type StakePoolState } from '../../shared/domain/solana/stake-pool';
import { encodeStakePool, STAKE_POOL_ACCOUNT_SIZE, type StakePoolFields } from '../support/solana-encode';

// The fixture folder sits beside the repository (../shared), not inside it.
const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/solana-jito-stake-pool');
const HAS_FIXTURE = existsSync(path.join(FIXTURE_DIR, 'account.b64'));
const MISSING = `skipped: fixture folder ${FIXTURE_DIR} not found`;

const readJson = (name: string) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8'));
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text.trim(), 'base64'));

type ExpectedFee = { denominator: string; numerator: string };
const fee = (expected: ExpectedFee): Fee => ({ numerator: BigInt(expected.numerator), denominator: BigInt(expected.denominator) });

describe.skipIf(!HAS_FIXTURE)(`real Jito stake pool account${HAS_FIXTURE ? '' : ` (${MISSING})`}`, () => {
  const bytes = HAS_FIXTURE ? fromBase64(readFileSync(path.join(FIXTURE_DIR, 'account.b64'), 'utf8')) : new Uint8Array();
  const expected = HAS_FIXTURE ? readJson('expected.json') : {};

  it('is the documented 611 bytes, with non-zero leftovers after the struct', () => {
    expect(bytes.length).toBe(expected.data_length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(expected.data_sha256);
    const [from, to] = expected.trailing_nonzero_byte_range as [number, number];
    expect(bytes.subarray(from, to).some((byte) => byte !== 0)).toBe(true);
  });

  it('decodes every value in expected.json exactly', () => {
    const pool = decodeStakePool(bytes);
    expect(pool).toEqual({
      accountType: expected.account_type,
      manager: expected.manager,
      staker: expected.staker,
      stakeDepositAuthority: expected.stake_deposit_authority,
      stakeWithdrawBumpSeed: expected.stake_withdraw_bump_seed,
      validatorList: expected.validator_list,
      reserveStake: expected.reserve_stake,
      poolMint: expected.pool_mint,
      managerFeeAccount: expected.manager_fee_account,
      tokenProgramId: expected.token_program_id,
      totalLamports: BigInt(expected.total_lamports),
      poolTokenSupply: BigInt(expected.pool_token_supply),
      lastUpdateEpoch: BigInt(expected.last_update_epoch),
      lockup: {
        unixTimestamp: BigInt(expected.lockup.unix_timestamp),
        epoch: BigInt(expected.lockup.epoch),
        custodian: expected.lockup.custodian,
      },
      epochFee: fee(expected.epoch_fee),
      nextEpochFee: { variant: expected.next_epoch_fee.variant },
      preferredDepositValidatorVoteAddress: expected.preferred_deposit_validator_vote_address,
      preferredWithdrawValidatorVoteAddress: expected.preferred_withdraw_validator_vote_address,
      stakeDepositFee: fee(expected.stake_deposit_fee),
      stakeWithdrawalFee: fee(expected.stake_withdrawal_fee),
      nextStakeWithdrawalFee: { variant: expected.next_stake_withdrawal_fee.variant },
      stakeReferralFee: expected.stake_referral_fee,
      solDepositAuthority: expected.sol_deposit_authority,
      solDepositFee: fee(expected.sol_deposit_fee),
      solReferralFee: expected.sol_referral_fee,
      solWithdrawAuthority: expected.sol_withdraw_authority,
      solWithdrawalFee: fee(expected.sol_withdrawal_fee),
      nextSolWithdrawalFee: { variant: expected.next_sol_withdrawal_fee.variant },
      lastEpochPoolTokenSupply: BigInt(expected.last_epoch_pool_token_supply),
      lastEpochTotalLamports: BigInt(expected.last_epoch_total_lamports),
      structLength: expected.borsh_bytes_used,
    } satisfies StakePoolState);
  });

  it('gives the floored rate to 12 and to 30 digits, as the fixture computed it independently', () => {
    const pool = decodeStakePool(bytes);
    const digits = (text: string) => BigInt(text.replace('.', ''));
    expect(lamportsPerPoolToken(pool, 10n ** 12n)).toBe(digits(expected.rate_lamports_per_pool_token));
    expect(lamportsPerPoolToken(pool, 10n ** 30n)).toBe(digits(expected.rate_30_digits));
    expect(lamportsPerPoolToken(pool)).toBe(1_290_884_268n);
    // 1 JitoSOL held is worth its floored lamports.
    expect(lamportsForPoolTokens(pool, 10n ** 9n)).toBe(1_290_884_268n);
  });

  it('refuses the 330-byte dataSlice of the later snapshot with a clear "too short" error', () => {
    const snapshot = readJson('secondary/psychovr-spl-pools.jito-excerpt.json');
    const entry = snapshot.accounts.find((account: { pubkey: string }) => account.pubkey === 'Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb');
    const slice = fromBase64(entry.account.data[0]);
    expect(slice.length).toBe(readJson('expected.secondary.json').slice_length);
    expect(() => decodeStakePool(slice)).toThrow('StakePool account data too short: needs 8 bytes at offset 330, has 330');
  });

  it('refuses the real bytes when the account type is not StakePool', () => {
    const copy = bytes.slice();
    copy[0] = 2;
    expect(() => decodeStakePool(copy)).toThrow(/account_type is 2 \(ValidatorList\), expected 1/);
  });
});

const KEYS = {
  a: 'J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn',
  b: 'Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb',
  c: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  d: 'SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy',
  zero: '11111111111111111111111111111111',
};

function syntheticPool(overrides: Partial<StakePoolFields> = {}): StakePoolFields {
  const f = (numerator: bigint, denominator: bigint): Fee => ({ numerator, denominator });
  return {
    manager: KEYS.a,
    staker: KEYS.b,
    stakeDepositAuthority: KEYS.c,
    stakeWithdrawBumpSeed: 254,
    validatorList: KEYS.d,
    reserveStake: KEYS.a,
    poolMint: KEYS.b,
    managerFeeAccount: KEYS.c,
    tokenProgramId: KEYS.c,
    // Above 2^53 and with the top bit of a u64 set, to catch any number conversion.
    totalLamports: 2n ** 63n + 12_345n,
    poolTokenSupply: 7_000_000_000_000_000n,
    lastUpdateEpoch: 1_003n,
    lockup: { unixTimestamp: -1n, epoch: 18_446_744_073_709_551_615n, custodian: KEYS.d },
    epochFee: f(4n, 100n),
    nextEpochFee: { variant: 'Two', fee: f(5n, 100n) },
    preferredDepositValidatorVoteAddress: KEYS.a,
    preferredWithdrawValidatorVoteAddress: KEYS.b,
    stakeDepositFee: f(1n, 10_000n),
    stakeWithdrawalFee: f(1n, 1_000n),
    nextStakeWithdrawalFee: { variant: 'One', fee: f(2n, 1_000n) },
    stakeReferralFee: 50,
    solDepositAuthority: KEYS.c,
    solDepositFee: f(1n, 5_000n),
    solReferralFee: 25,
    solWithdrawAuthority: KEYS.d,
    solWithdrawalFee: f(3n, 1_000n),
    nextSolWithdrawalFee: { variant: 'Two', fee: f(4n, 1_000n) },
    lastEpochPoolTokenSupply: 6_999_000_000_000_000n,
    lastEpochTotalLamports: 9_000_000_000_000_000n,
    ...overrides,
  };
}

describe('synthetic stake pool bytes (encoder in test/support/solana-encode.ts)', () => {
  it('round-trips a pool with every option set and pending fees: the largest layout, 611 bytes', () => {
    const fields = syntheticPool();
    const pool = decodeStakePool(encodeStakePool(fields));
    expect(pool).toEqual({ ...fields, accountType: 1, structLength: STAKE_POOL_ACCOUNT_SIZE });
  });

  it('walks data-dependent offsets and ignores a dirty tail', () => {
    const fields = syntheticPool({
      nextEpochFee: { variant: 'None' },
      preferredDepositValidatorVoteAddress: null,
      solWithdrawAuthority: null,
      nextSolWithdrawalFee: { variant: 'None' },
    });
    const pool = decodeStakePool(encodeStakePool(fields, 0xab));
    expect(pool).toEqual({ ...fields, accountType: 1, structLength: 611 - 16 - 32 - 32 - 16 });
    expect(pool.lastEpochTotalLamports).toBe(9_000_000_000_000_000n);
  });

  it('says "too short" for every truncation inside the struct, never returns garbage', () => {
    const full = encodeStakePool(syntheticPool({ nextEpochFee: { variant: 'None' } }));
    const used = decodeStakePool(full).structLength;
    for (let length = 1; length < used; length += 1) {
      expect(() => decodeStakePool(full.subarray(0, length))).toThrow(/^StakePool account data too short: needs \d+ bytes at offset \d+, has \d+$/);
    }
    expect(() => decodeStakePool(full.subarray(0, 330))).toThrow('needs 8 bytes at offset 330, has 330');
    expect(() => decodeStakePool(new Uint8Array())).toThrow('needs 1 bytes at offset 0, has 0');
  });

  it('refuses other account types and impossible enum tags', () => {
    const bytes = encodeStakePool(syntheticPool({ accountType: 0 }));
    expect(() => decodeStakePool(bytes)).toThrow('Not a StakePool account: account_type is 0 (Uninitialized), expected 1 (StakePool)');
    expect(() => decodeStakePool(encodeStakePool(syntheticPool({ accountType: 9 })))).toThrow(/account_type is 9 \(unknown\)/);
    const badTag = encodeStakePool(syntheticPool({ nextEpochFee: { variant: 'None' } }));
    badTag[346] = 3;
    expect(() => decodeStakePool(badTag)).toThrow('StakePool account data invalid: next_epoch_fee tag 3 at offset 346 (expected 0..2)');
    const badOption = encodeStakePool(syntheticPool({ nextEpochFee: { variant: 'None' } }));
    badOption[347] = 2;
    expect(() => decodeStakePool(badOption)).toThrow(/preferred_deposit_validator_vote_address tag 2 at offset 347/);
  });
});

describe('rates', () => {
  it('floors, scales, and refuses a pool without tokens', () => {
    expect(lamportsPerPoolToken({ totalLamports: 10n, poolTokenSupply: 3n }, 1n)).toBe(3n);
    expect(lamportsPerPoolToken({ totalLamports: 10n, poolTokenSupply: 3n }, 1_000n)).toBe(3_333n);
    expect(lamportsPerPoolToken({ totalLamports: 2n ** 64n - 1n, poolTokenSupply: 1n })).toBe((2n ** 64n - 1n) * 10n ** 9n);
    expect(lamportsForPoolTokens({ totalLamports: 10n, poolTokenSupply: 3n }, 2n)).toBe(6n);
    expect(() => lamportsPerPoolToken({ totalLamports: 10n, poolTokenSupply: 0n })).toThrow(/no pool tokens/);
    expect(() => lamportsForPoolTokens({ totalLamports: 10n, poolTokenSupply: 0n }, 1n)).toThrow(/no pool tokens/);
    expect(() => lamportsPerPoolToken({ totalLamports: 10n, poolTokenSupply: 1n }, 0n)).toThrow(/scale/);
  });
});

describe('byte reader', () => {
  it('reads little-endian integers, signed i64 and base58 keys, and names the shortfall', () => {
    const bytes = new Uint8Array([7, 1, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, ...new Array(32).fill(0)]);
    const reader = new ByteReader(bytes, 'Test');
    expect(reader.u8()).toBe(7);
    expect(reader.u32()).toBe(1);
    expect(reader.i64()).toBe(-1n);
    expect(reader.pubkey()).toBe(KEYS.zero);
    expect(reader.offset).toBe(bytes.length);
    expect(() => reader.u64()).toThrow(`Test account data too short: needs 8 bytes at offset ${bytes.length}, has ${bytes.length}`);
    expect(new ByteReader(new Uint8Array(8).fill(255), 'Test').u64()).toBe(2n ** 64n - 1n);
  });

  it('honours a subarray view offset', () => {
    const backing = new Uint8Array([9, 9, 9, 2, 0, 0, 0]);
    expect(new ByteReader(backing.subarray(3), 'Test').u32()).toBe(2);
  });
});
