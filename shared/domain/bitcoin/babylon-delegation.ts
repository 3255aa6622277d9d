/**
 * Arithmetic on a Babylon delegation: what a slashing would take, whether it can be slashed
 * now, and how long its locks have left. Amounts are integer satoshi (bigint); the slashing
 * rate is the decimal string that GET /v2/network-info publishes per params version
 * (e.g. "0.100000000000000000" = 10 %, ../shared/api-shapes/babylon-staking-api.md §6).
 */

/** Bitcoin's target block interval (Bitcoin Core chainparams nPowTargetSpacing = 10 minutes): estimates only. */
export const BTC_BLOCK_SECONDS = 600;
const RATE_DECIMALS = 18;
const SCALE = 10n ** BigInt(RATE_DECIMALS);

/** A decimal fraction string as an integer ×10^18; throws on anything else (a rate is between 0 and 1). */
export function parseRate(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,18}))?$/.exec(text);
  if (!match) throw new Error(`Not a decimal rate: "${text}"`);
  const value = BigInt(match[1]!) * SCALE + BigInt((match[2] ?? '').padEnd(RATE_DECIMALS, '0'));
  if (value > SCALE) throw new Error(`A slashing rate above 1: "${text}"`);
  return value;
}

/** Satoshi a slashing at `rate` takes from `amountSat`, rounded up: the worst case of what is at risk. */
export function slashedSat(amountSat: bigint, rate: string): bigint {
  const product = amountSat * parseRate(rate);
  return (product + SCALE - 1n) / SCALE;
}

export interface DelegationLocks {
  state: string;
  phase: string;
  slashed: boolean;
  startHeight: number | null;
  endHeight: number | null;
  unbondingTimeBlocks: number | null;
}

/**
 * Whether a finality provider's double-signing could slash this stake now. The slashing
 * transaction needs the covenant's pre-signatures, which a delegation has from VERIFIED on
 * (PENDING has none: docs/delegation-statuses.md), and an unspent staking or unbonding output,
 * which it keeps until withdrawn. Already slashed stakes are not counted again; a stake
 * the API does not list ('unknown') was never registered, so it has no slashing transaction.
 */
export function canBeSlashed(delegation: Pick<DelegationLocks, 'state' | 'phase' | 'slashed'>): boolean {
  return delegation.state !== 'PENDING' && delegation.phase !== 'withdrawn' && delegation.phase !== 'unknown' && !delegation.slashed;
}

export interface LockTimes {
  /** Blocks until the staking timelock ends (active stakes with an end height). */
  stakingBlocksLeft: number | null;
  /** Blocks the unbonding takes once requested, or is left when the timelock unbonding ends it. */
  unbondingBlocks: number | null;
}

export function lockTimes(delegation: DelegationLocks, tipHeight: number): LockTimes {
  const left = delegation.endHeight === null ? null : Math.max(0, delegation.endHeight - tipHeight);
  switch (delegation.phase) {
    case 'active':
    case 'unknown':
      return { stakingBlocksLeft: left, unbondingBlocks: delegation.unbondingTimeBlocks };
    case 'pending':
      return { stakingBlocksLeft: null, unbondingBlocks: delegation.unbondingTimeBlocks };
    case 'unbonding':
      // TIMELOCK_UNBONDING ends at the staking end height; an early unbonding's start is not published, so its full length is shown.
      return { stakingBlocksLeft: null, unbondingBlocks: delegation.state === 'TIMELOCK_UNBONDING' ? left : delegation.unbondingTimeBlocks };
    default:
      return { stakingBlocksLeft: null, unbondingBlocks: null };
  }
}
