/**
 * A Borsh writer for synthetic Solana account bytes, so the decoders are also tested
 * without the recorded fixtures (and with variants no real account we hold has: Some
 * options, pending FutureEpoch fees, dirty trailing bytes).
 */
import { base58 } from '@scure/base';
import type { Fee, FutureFee, StakePoolState } from '../../shared/domain/solana/stake-pool';

/** The account size the stake-pool program allocates (its maximum packed size). */
export const STAKE_POOL_ACCOUNT_SIZE = 611;

export class BorshWriter {
  private readonly chunks: number[] = [];

  u8(value: number): this {
    this.chunks.push(value & 0xff);
    return this;
  }

  u64(value: bigint): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  i64(value: bigint): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigInt64(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  pubkey(address: string): this {
    const bytes = base58.decode(address);
    if (bytes.length !== 32) throw new Error(`not a 32-byte key: ${address}`);
    return this.raw(bytes);
  }

  optionPubkey(address: string | null): this {
    return address === null ? this.u8(0) : this.u8(1).pubkey(address);
  }

  fee(fee: Fee): this {
    return this.u64(fee.denominator).u64(fee.numerator);
  }

  futureFee(future: FutureFee): this {
    if (future.variant === 'None') return this.u8(0);
    return this.u8(future.variant === 'One' ? 1 : 2).fee(future.fee);
  }

  raw(bytes: Uint8Array): this {
    for (const byte of bytes) this.chunks.push(byte);
    return this;
  }

  get length(): number {
    return this.chunks.length;
  }

  /** The bytes, padded with `fill` up to `size` (an account buffer is fixed-size). */
  bytes(size = this.chunks.length, fill = 0): Uint8Array {
    if (size < this.chunks.length) throw new Error(`content is ${this.chunks.length} bytes, more than ${size}`);
    const out = new Uint8Array(size).fill(fill);
    out.set(this.chunks);
    return out;
  }
}

export type StakePoolFields = Omit<StakePoolState, 'accountType' | 'structLength'> & { accountType?: number };

/** Serializes a StakePool in Borsh field order (state.rs), padded to 611 bytes with `fill`. */
export function encodeStakePool(pool: StakePoolFields, fill = 0): Uint8Array {
  const w = new BorshWriter()
    .u8(pool.accountType ?? 1)
    .pubkey(pool.manager)
    .pubkey(pool.staker)
    .pubkey(pool.stakeDepositAuthority)
    .u8(pool.stakeWithdrawBumpSeed)
    .pubkey(pool.validatorList)
    .pubkey(pool.reserveStake)
    .pubkey(pool.poolMint)
    .pubkey(pool.managerFeeAccount)
    .pubkey(pool.tokenProgramId)
    .u64(pool.totalLamports)
    .u64(pool.poolTokenSupply)
    .u64(pool.lastUpdateEpoch)
    .i64(pool.lockup.unixTimestamp)
    .u64(pool.lockup.epoch)
    .pubkey(pool.lockup.custodian)
    .fee(pool.epochFee)
    .futureFee(pool.nextEpochFee)
    .optionPubkey(pool.preferredDepositValidatorVoteAddress)
    .optionPubkey(pool.preferredWithdrawValidatorVoteAddress)
    .fee(pool.stakeDepositFee)
    .fee(pool.stakeWithdrawalFee)
    .futureFee(pool.nextStakeWithdrawalFee)
    .u8(pool.stakeReferralFee)
    .optionPubkey(pool.solDepositAuthority)
    .fee(pool.solDepositFee)
    .u8(pool.solReferralFee)
    .optionPubkey(pool.solWithdrawAuthority)
    .fee(pool.solWithdrawalFee)
    .futureFee(pool.nextSolWithdrawalFee)
    .u64(pool.lastEpochPoolTokenSupply)
    .u64(pool.lastEpochTotalLamports);
  return w.bytes(STAKE_POOL_ACCOUNT_SIZE, fill);
}
