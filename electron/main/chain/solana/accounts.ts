/**
 * The Solana reads of a refresh, each validated against the documented JSON-RPC shapes
 * (../shared/api-shapes/solana-rpc.md): the pinned slot and its time, SOL balances, SPL
 * token balances (Token and Token-2022 programs), stake accounts by authority, and raw
 * account data (base64) for the stake-pool and vault accounts that price tokens.
 */
import { z } from 'zod';
import { base64 } from '@scure/base';
import type { SolanaClient } from './rpc-client';

/** SPL Token and Token-2022 program ids: solana.com docs, gettokenaccountsbyowner.mdx; api-shapes solana-rpc.md. */
export const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
/** The native Stake program; memcmp offsets of StakeStateV2 (solana-program/stake interface/src/state.rs @00a87de). */
export const STAKE_PROGRAM = 'Stake11111111111111111111111111111111111111';
export const STAKER_OFFSET = 12;
export const WITHDRAWER_OFFSET = 44;

const COMMITMENT = { commitment: 'finalized' } as const;
/** u64 as a JSON number (exact below 2^53) or, past that, the string json-exact.ts made of it. */
const u64 = z.union([z.number().int().nonnegative().refine(Number.isSafeInteger, 'integer beyond 2^53'), z.string().regex(/^\d+$/)]).transform((value) => BigInt(value));

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

const programAccount = z.object({ pubkey: z.string(), account: z.object({ lamports: u64, owner: z.string(), data: z.unknown() }) });

/** Stake accounts whose staker or withdrawer is `authority` (two memcmp queries, deduplicated). */
export async function readStakeAccounts(client: SolanaClient, authority: string): Promise<{ pubkey: string; lamports: bigint; owner: string; data: unknown }[]> {
  const query = (offset: number) =>
    client.call('getProgramAccounts', [STAKE_PROGRAM, { ...COMMITMENT, encoding: 'jsonParsed', filters: [{ memcmp: { offset, bytes: authority } }] }], z.array(programAccount));
  const [byStaker, byWithdrawer] = await Promise.all([query(STAKER_OFFSET), query(WITHDRAWER_OFFSET)]);
  const unique = new Map([...byStaker, ...byWithdrawer].map((item) => [item.pubkey, { pubkey: item.pubkey, ...item.account }]));
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
