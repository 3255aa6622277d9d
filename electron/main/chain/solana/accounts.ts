/**
 * The Solana reads of a refresh, each validated against the documented JSON-RPC shapes
 * (../shared/api-shapes/solana-rpc.md): the pinned slot and its time, SOL balances, SPL
 * token balances (Token and Token-2022 programs), stake accounts by authority, and raw
 * account data (base64) for the stake-pool and vault accounts that price tokens.
 */
import { z } from 'zod';
import { base64 } from '@scure/base';
import { STAKE_PROGRAM, parseStakeAccounts, type StakeAccount } from '../../../../shared/domain/solana/stake-account';
import type { SolanaClient } from './rpc-client';
import { u64Schema as u64 } from './json-exact';

/** memcmp offsets of the authorities in StakeStateV2 (solana-program/stake interface/src/state.rs @00a87de). */
export const STAKER_OFFSET = 12;
export const WITHDRAWER_OFFSET = 44;

const COMMITMENT = { commitment: 'finalized' } as const;

export interface PinnedSlot {
  slot: bigint;
  epoch: bigint;
  /** unix seconds of the block at `slot` */
  blockTime: number;
}

const epochInfo = z.object({ absoluteSlot: u64, epoch: u64, slotIndex: u64, slotsInEpoch: u64 });

/** The latest finalized slot, its epoch and its block time (a skipped slot has none: the nearest earlier block is used). */
export async function pinSlot(client: SolanaClient): Promise<PinnedSlot> {
  const info = await client.call('getEpochInfo', [COMMITMENT], epochInfo);
  let lastError: unknown;
  for (let back = 0n; back < 8n; back++) {
    const slot = info.absoluteSlot - back;
    try {
      const time = await client.call('getBlockTime', [Number(slot)], z.number().int().positive().nullable());
      if (time !== null) return { slot, epoch: info.epoch, blockTime: time };
    } catch (cause) {
      lastError = cause;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('Solana RPC has no block time near the latest finalized slot');
}

const balance = z.object({ context: z.object({ slot: u64 }), value: u64 });

export async function readSolBalance(client: SolanaClient, owner: string): Promise<bigint> {
  return (await client.call('getBalance', [owner, COMMITMENT], balance)).value;
}

const tokenAccount = z.object({
  pubkey: z.string(),
  account: z.object({
    owner: z.string(),
    data: z.object({
      program: z.string(),
      parsed: z.object({
        type: z.string(),
        info: z.object({ mint: z.string(), owner: z.string(), tokenAmount: z.object({ amount: z.string().regex(/^\d+$/), decimals: z.number().int() }) }),
      }),
    }),
  }),
});
const tokenAccounts = z.object({ context: z.object({ slot: u64 }), value: z.array(tokenAccount) });

/** Raw balance per mint, summed over the owner's token accounts of one token program. */
export async function readTokenBalances(client: SolanaClient, owner: string, programId: string): Promise<Map<string, { raw: bigint; decimals: number }>> {
  const result = await client.call('getTokenAccountsByOwner', [owner, { programId }, { ...COMMITMENT, encoding: 'jsonParsed' }], tokenAccounts);
  const byMint = new Map<string, { raw: bigint; decimals: number }>();
  for (const { account } of result.value) {
    if (account.owner !== programId) throw new Error(`Solana RPC getTokenAccountsByOwner: an account owned by ${account.owner}, not ${programId}`);
    const info = account.data.parsed.info;
    if (account.data.parsed.type !== 'account' || info.owner !== owner) continue;
    const entry = byMint.get(info.mint) ?? { raw: 0n, decimals: info.tokenAmount.decimals };
    entry.raw += BigInt(info.tokenAmount.amount);
    byMint.set(info.mint, entry);
  }
  return byMint;
}

/** Stake accounts whose staker or withdrawer is `authority` (two memcmp queries, deduplicated); one unreadable account fails the read. */
export async function readStakeAccounts(client: SolanaClient, authority: string): Promise<StakeAccount[]> {
  const query = async (offset: number) => {
    const result = await client.call('getProgramAccounts', [STAKE_PROGRAM, { ...COMMITMENT, encoding: 'jsonParsed', filters: [{ memcmp: { offset, bytes: authority } }] }], z.array(z.unknown()));
    const { accounts, skipped } = parseStakeAccounts(result);
    if (skipped.length > 0) throw new Error(`Solana stake account ${skipped[0]!.pubkey ?? '?'} could not be read: ${skipped[0]!.reason}`);
    return accounts;
  };
  const [byStaker, byWithdrawer] = await Promise.all([query(STAKER_OFFSET), query(WITHDRAWER_OFFSET)]);
  const unique = new Map([...byStaker, ...byWithdrawer].map((account) => [account.pubkey, account]));
  return [...unique.values()].sort((a, b) => a.pubkey.localeCompare(b.pubkey));
}

const rawAccount = z
  .object({ lamports: u64, owner: z.string(), data: z.tuple([z.string(), z.literal('base64')]), executable: z.boolean() })
  .nullable();
const multipleAccounts = z.object({ context: z.object({ slot: u64 }), value: z.array(rawAccount) });

export interface RawAccount {
  owner: string;
  lamports: bigint;
  data: Uint8Array;
}

/** Raw account bytes (base64), aligned with `pubkeys`; null where no account exists. */
export async function readRawAccounts(client: SolanaClient, pubkeys: readonly string[]): Promise<(RawAccount | null)[]> {
  if (pubkeys.length === 0) return [];
  const result = await client.call('getMultipleAccounts', [pubkeys, { ...COMMITMENT, encoding: 'base64' }], multipleAccounts);
  if (result.value.length !== pubkeys.length) throw new Error(`Solana RPC getMultipleAccounts: ${result.value.length} accounts for ${pubkeys.length} keys`);
  return result.value.map((account) => (account ? { owner: account.owner, lamports: account.lamports, data: base64.decode(account.data[0]) } : null));
}
