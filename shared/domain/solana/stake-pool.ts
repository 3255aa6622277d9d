/**
 * Decoder for the SPL stake-pool `StakePool` account: the pool's total SOL and pool-token
 * supply give an LST's NAV (lamports per pool token) straight from chain state.
 *
 * Layout: solana-program/stake-pool program/src/state.rs, `pub struct StakePool`
 * (identical at commits 0e562954cc280185fcc87ef01d7bbc78859fdae9 and
 * 2a01bc02a79947e5727d1e2e58cdeac257c21ac6), Borsh in declaration order. `Lockup` is
 * solana-program/stake interface/src/state.rs (i64 unix_timestamp, u64 epoch, Pubkey
 * custodian); `Fee` is { u64 denominator, u64 numerator } (denominator first);
 * `FutureEpoch<T>` is a one-byte tag (0 None, 1 One, 2 Two) followed by T unless None.
 *
 * The struct is walked field by field, never read at fixed offsets past byte 346: the
 * Option/FutureEpoch fields make later offsets data-dependent, and the program
 * re-serializes into the same 611-byte buffer without zeroing the tail, so bytes after the
 * struct can be stale leftovers (the real Jito account has non-zero bytes at 435..465).
 */
import { ByteReader } from './byte-reader';

/**
 * The SPL stake-pool program on mainnet: `solana_pubkey::declare_id!` in
 * solana-program/stake-pool program/src/lib.rs @ 2a01bc02a79947e5727d1e2e58cdeac257c21ac6
 * (the devnet deploy there, DPoo15wWDqpPJJtS2MUZ49aRxqz5ZaaJCJP4z8bLuib, is not used).
 */
export const SPL_STAKE_POOL_PROGRAM = 'SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy';

/** `AccountType` discriminants (state.rs): 0 Uninitialized, 1 StakePool, 2 ValidatorList. */
const ACCOUNT_TYPE_NAMES = ['Uninitialized', 'StakePool', 'ValidatorList'] as const;
const STAKE_POOL_ACCOUNT_TYPE = 1;

/** A fee ratio; the program treats a zero denominator (or numerator) as no fee. */
export interface Fee {
  numerator: bigint;
  denominator: bigint;
}

/**
 * A fee change waiting for epoch boundaries: `One` applies after the next boundary, `Two`
 * after two (state.rs `FutureEpoch::get` only releases `One`).
 */
export type FutureFee = { variant: 'None' } | { variant: 'One' | 'Two'; fee: Fee };

export interface Lockup {
  unixTimestamp: bigint;
  epoch: bigint;
  custodian: string;
}

export interface StakePoolState {
  accountType: 1;
  manager: string;
  staker: string;
  stakeDepositAuthority: string;
  stakeWithdrawBumpSeed: number;
  validatorList: string;
  reserveStake: string;
  poolMint: string;
  managerFeeAccount: string;
  tokenProgramId: string;
  /** Lamports under management as of `lastUpdateEpoch` (stale if that is before now). */
  totalLamports: bigint;
  poolTokenSupply: bigint;
  lastUpdateEpoch: bigint;
  lockup: Lockup;
  epochFee: Fee;
  nextEpochFee: FutureFee;
  preferredDepositValidatorVoteAddress: string | null;
  preferredWithdrawValidatorVoteAddress: string | null;
  stakeDepositFee: Fee;
  stakeWithdrawalFee: Fee;
  nextStakeWithdrawalFee: FutureFee;
  /** Percent (0..100) of the stake deposit fee paid to referrers. */
  stakeReferralFee: number;
  solDepositAuthority: string | null;
  solDepositFee: Fee;
  /** Percent (0..100) of the SOL deposit fee paid to referrers. */
  solReferralFee: number;
  solWithdrawAuthority: string | null;
  solWithdrawalFee: Fee;
  nextSolWithdrawalFee: FutureFee;
  lastEpochPoolTokenSupply: bigint;
  lastEpochTotalLamports: bigint;
  /** Bytes the Borsh struct occupied; whatever follows is ignored. */
  structLength: number;
}

const LABEL = 'StakePool';

function readFee(reader: ByteReader): Fee {
  const denominator = reader.u64();
  const numerator = reader.u64();
  return { numerator, denominator };
}

function readFutureFee(reader: ByteReader, field: string): FutureFee {
  const tag = reader.enumTag(field, 3);
  if (tag === 0) return { variant: 'None' };
  return { variant: tag === 1 ? 'One' : 'Two', fee: readFee(reader) };
}

function readOptionalPubkey(reader: ByteReader, field: string): string | null {
  return reader.optionTag(field) ? reader.pubkey() : null;
}

/** Decodes a StakePool account's data; throws a clear Error on a wrong type or short data. */
export function decodeStakePool(data: Uint8Array): StakePoolState {
  const reader = new ByteReader(data, LABEL);
  const accountType = reader.u8();
  if (accountType !== STAKE_POOL_ACCOUNT_TYPE) {
    const name = ACCOUNT_TYPE_NAMES[accountType] ?? 'unknown';
    throw new Error(`Not a StakePool account: account_type is ${accountType} (${name}), expected 1 (StakePool)`);
  }
  // Object literal properties evaluate in source order, which is the Borsh field order.
  const state: Omit<StakePoolState, 'structLength'> = {
    accountType: STAKE_POOL_ACCOUNT_TYPE,
    manager: reader.pubkey(),
    staker: reader.pubkey(),
    stakeDepositAuthority: reader.pubkey(),
    stakeWithdrawBumpSeed: reader.u8(),
    validatorList: reader.pubkey(),
    reserveStake: reader.pubkey(),
    poolMint: reader.pubkey(),
    managerFeeAccount: reader.pubkey(),
    tokenProgramId: reader.pubkey(),
    totalLamports: reader.u64(),
    poolTokenSupply: reader.u64(),
    lastUpdateEpoch: reader.u64(),
    lockup: { unixTimestamp: reader.i64(), epoch: reader.u64(), custodian: reader.pubkey() },
    epochFee: readFee(reader),
    nextEpochFee: readFutureFee(reader, 'next_epoch_fee'),
    preferredDepositValidatorVoteAddress: readOptionalPubkey(reader, 'preferred_deposit_validator_vote_address'),
    preferredWithdrawValidatorVoteAddress: readOptionalPubkey(reader, 'preferred_withdraw_validator_vote_address'),
    stakeDepositFee: readFee(reader),
    stakeWithdrawalFee: readFee(reader),
    nextStakeWithdrawalFee: readFutureFee(reader, 'next_stake_withdrawal_fee'),
    stakeReferralFee: reader.u8(),
    solDepositAuthority: readOptionalPubkey(reader, 'sol_deposit_authority'),
    solDepositFee: readFee(reader),
    solReferralFee: reader.u8(),
    solWithdrawAuthority: readOptionalPubkey(reader, 'sol_withdraw_authority'),
    solWithdrawalFee: readFee(reader),
    nextSolWithdrawalFee: readFutureFee(reader, 'next_sol_withdrawal_fee'),
    lastEpochPoolTokenSupply: reader.u64(),
    lastEpochTotalLamports: reader.u64(),
  };
  return { ...state, structLength: reader.offset };
}

/**
 * Lamports per pool token, scaled by `scale` (default 10^9, so 1.290884268 SOL per JitoSOL
 * is 1290884268n) and floored, so a value derived from it never exceeds what the pool
 * would pay. A pool with no tokens has no rate: the program uses 1:1 for deposits but 0
 * for withdrawals there (calc_pool_tokens_for_deposit / calc_lamports_withdraw_amount),
 * so we refuse instead of picking one.
 */
export function lamportsPerPoolToken(state: Pick<StakePoolState, 'totalLamports' | 'poolTokenSupply'>, scale: bigint = 10n ** 9n): bigint {
  if (scale <= 0n) throw new RangeError(`scale must be positive, got ${scale}`);
  if (state.poolTokenSupply === 0n) throw new RangeError('Stake pool has no pool tokens: its rate is undefined');
  return (state.totalLamports * scale) / state.poolTokenSupply;
}

/**
 * Lamports a holder's pool tokens represent before withdrawal fees, floored, mirroring
 * `StakePool::calc_lamports_withdraw_amount` (tokens × total_lamports / supply in u128).
 * Done in one step rather than through the scaled rate so no precision is lost.
 */
export function lamportsForPoolTokens(state: Pick<StakePoolState, 'totalLamports' | 'poolTokenSupply'>, poolTokens: bigint): bigint {
  if (poolTokens < 0n) throw new RangeError(`pool token amount must not be negative, got ${poolTokens}`);
  if (state.poolTokenSupply === 0n) throw new RangeError('Stake pool has no pool tokens: its rate is undefined');
  return (poolTokens * state.totalLamports) / state.poolTokenSupply;
}
