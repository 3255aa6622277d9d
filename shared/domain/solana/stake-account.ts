/**
 * Native stake accounts as returned by `getProgramAccounts` on the Stake program with
 * `encoding: "jsonParsed"` (shape: Agave account-decoder/src/parse_stake.rs; recorded
 * mainnet example in ../shared/api-shapes/solana.getProgramAccounts.stake.example.json).
 *
 * Number traps (api-shapes README items 19-22): lamport amounts and epochs inside the
 * parsed data are decimal strings (u64, epochs can be u64::MAX), so they become bigint;
 * `creditsObserved` and the lockup fields are JSON numbers; `account.lamports` is a JSON
 * number and is only accepted while it is exactly representable; `rentEpoch` is usually
 * u64::MAX already rounded by JSON, so it is not read at all; `warmupCooldownRate` exists
 * only on older validators.
 */
import { z } from 'zod';
import { checkSolanaAddress } from '../wallet/solana-address';

/** The native Stake program (the owner of every stake account). */
export const STAKE_PROGRAM = 'Stake11111111111111111111111111111111111111';

/** u64::MAX: `deactivationEpoch` of stake never deactivated, `activationEpoch` of bootstrap stake. */
export const EPOCH_NEVER = 2n ** 64n - 1n;

const pubkey = z.string().refine((value) => checkSolanaAddress(value).ok, { message: 'not a base58 32-byte public key' });
const u64String = z
  .string()
  .regex(/^\d+$/, 'expected a decimal u64 string')
  .transform((value) => BigInt(value))
  .refine((value) => value <= EPOCH_NEVER, { message: 'exceeds u64' });
/** A JSON number that JSON.parse has not already rounded (≤ 2^53 − 1). */
const exactLamports = z
  .number()
  .refine((value) => Number.isSafeInteger(value) && value >= 0, {
    message: 'lamports must be a non-negative integer below 2^53 to be read exactly from a JSON number',
  })
  .transform((value) => BigInt(value));

const metaSchema = z.object({
  rentExemptReserve: u64String,
  authorized: z.object({ staker: pubkey, withdrawer: pubkey }),
  lockup: z.object({ unixTimestamp: z.number(), epoch: z.number(), custodian: pubkey }),
});

const delegationSchema = z.object({
  voter: pubkey,
  stake: u64String,
  activationEpoch: u64String,
  deactivationEpoch: u64String,
  warmupCooldownRate: z.number().optional(),
});

/** `account.data` of a parsed stake account; other parsed types (uninitialized, rewardsPool) are refused. */
export const parsedStakeDataSchema = z.object({
  program: z.literal('stake'),
  parsed: z.discriminatedUnion('type', [
    z.object({ type: z.literal('initialized'), info: z.object({ meta: metaSchema, stake: z.null() }) }),
    z.object({
      type: z.literal('delegated'),
      info: z.object({
        meta: metaSchema,
        stake: z.object({ delegation: delegationSchema, creditsObserved: z.number() }),
      }),
    }),
  ]),
  space: z.number().int().optional(),
});

export interface StakeDelegation {
  voter: string;
  /** Delegated lamports (excludes the rent reserve and undelegated rewards). */
  stake: bigint;
  activationEpoch: bigint;
  deactivationEpoch: bigint;
}

export interface StakeAccount {
  pubkey: string;
  /** The account's whole balance: delegated stake + rent reserve + anything undelegated. */
  lamports: bigint;
  rentExemptReserve: bigint;
  staker: string;
  withdrawer: string;
  lockup: { unixTimestamp: number; epoch: number; custodian: string };
  /** null while the account is only initialized (never delegated). */
  delegation: StakeDelegation | null;
}

/** One `{ pubkey, account }` element of the getProgramAccounts result, flattened. */
export const keyedStakeAccountSchema = z
  .object({
    pubkey,
    account: z.object({
      owner: z.literal(STAKE_PROGRAM),
      lamports: exactLamports,
      data: parsedStakeDataSchema,
    }),
  })
  .transform(({ pubkey: address, account }): StakeAccount => {
    const { info } = account.data.parsed;
    const delegation = info.stake?.delegation;
    return {
      pubkey: address,
      lamports: account.lamports,
      rentExemptReserve: info.meta.rentExemptReserve,
      staker: info.meta.authorized.staker,
      withdrawer: info.meta.authorized.withdrawer,
      lockup: info.meta.lockup,
      delegation: delegation
        ? {
            voter: delegation.voter,
            stake: delegation.stake,
            activationEpoch: delegation.activationEpoch,
            deactivationEpoch: delegation.deactivationEpoch,
          }
        : null,
    };
  });

export interface StakeAccountsParse {
  accounts: StakeAccount[];
  /** Elements that are not initialized/delegated parsed stake accounts, with why. */
  skipped: { pubkey: string | null; reason: string }[];
}

/**
 * Parses a bare getProgramAccounts result array element by element, so one odd account
 * (a base64 fallback, an uninitialized account) is reported instead of failing the wallet.
 */
export function parseStakeAccounts(result: unknown): StakeAccountsParse {
  if (!Array.isArray(result)) throw new Error('getProgramAccounts result is not an array (was withContext set?)');
  const parsed: StakeAccountsParse = { accounts: [], skipped: [] };
  for (const element of result) {
    const outcome = keyedStakeAccountSchema.safeParse(element);
    if (outcome.success) {
      parsed.accounts.push(outcome.data);
      continue;
    }
    const address = typeof element === 'object' && element !== null && 'pubkey' in element ? element.pubkey : null;
    const issue = outcome.error.issues[0];
    parsed.skipped.push({
      pubkey: typeof address === 'string' ? address : null,
      reason: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid stake account',
    });
  }
  return parsed;
}

export type StakeActivation = 'initialized' | 'inactive' | 'activating' | 'active' | 'deactivating';

/**
 * The activation state at `currentEpoch`, from the delegation's epochs alone.
 *
 * Rules follow `Delegation::stake_and_activating` / `stake_activating_and_deactivating`
 * in solana-program/stake interface/src/state.rs @ 4459fcf0aad7051406d2ec55c51ddea85335f9bc,
 * and the state names the same way the removed getStakeActivation RPC did
 * (solana-labs/solana rpc/src/rpc.rs @ 00ed9c523eb77e9afc8b57fdee2a42def91a4369: deactivating
 * if any stake is deactivating, else activating if any is activating, else active if any is
 * effective, else inactive):
 * - bootstrap stake (activationEpoch = u64::MAX) is fully effective from genesis;
 * - activationEpoch = deactivationEpoch (not bootstrap): never effective, so inactive;
 * - current < activation: nothing effective yet, inactive; current = activation: activating;
 * - current = deactivation: deactivating (what was effective starts to cool down).
 *
 * Simplification: after the activation (or deactivation) epoch the real amount comes from
 * the StakeHistory sysvar, where the cluster warms up / cools down at most 9 % of effective
 * stake per epoch (25 % before the new-rate feature; `warmup_cooldown_rate` in the same
 * file). We assume the change completes at the next epoch boundary, which is what happens
 * unless the whole cluster is moving more than that share at once; then an account shown
 * 'active' (or 'inactive') may still be partly activating (or deactivating) for an epoch
 * or two. Delegated stake of 0 lamports is inactive, as the RPC reported it.
 */
export function stakeActivation(account: Pick<StakeAccount, 'delegation'>, currentEpoch: bigint): StakeActivation {
  const delegation = account.delegation;
  if (!delegation) return 'initialized';
  const { activationEpoch, deactivationEpoch, stake } = delegation;
  const bootstrap = activationEpoch === EPOCH_NEVER;
  if (stake === 0n) return 'inactive';
  if (!bootstrap && activationEpoch >= deactivationEpoch) return 'inactive';
  if (currentEpoch < deactivationEpoch) {
    if (bootstrap) return 'active';
    if (currentEpoch < activationEpoch) return 'inactive';
    return currentEpoch === activationEpoch ? 'activating' : 'active';
  }
  return currentEpoch === deactivationEpoch ? 'deactivating' : 'inactive';
}
