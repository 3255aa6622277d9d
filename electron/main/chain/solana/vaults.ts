/**
 * Jito restaking vaults behind the VRTs a wallet holds: the vault found by its VRT mint, its
 * operator delegations and NCN tickets, and the vault program's Config (for epoch_length),
 * all read with getProgramAccounts filters from shared/domain/solana/jito-vault.ts.
 */
import { z } from 'zod';
import { base64 } from '@scure/base';
import {
  JITO_VAULT_PROGRAM,
  decodeVault,
  decodeVaultConfig,
  decodeVaultNcnTicket,
  decodeVaultOperatorDelegation,
  vaultByVrtMintFilters,
  vaultDelegationsFilters,
  vaultNcnTicketsFilters,
  type ProgramAccountsFilter,
  type VaultNcnTicketState,
  type VaultOperatorDelegationState,
  type VaultState,
} from '../../../../shared/domain/solana/jito-vault';
import type { SolanaClient } from './rpc-client';
import { readRawAccounts } from './accounts';

const keyedRaw = z.array(z.object({ pubkey: z.string(), account: z.object({ owner: z.string(), data: z.tuple([z.string(), z.literal('base64')]) }) }));

async function programAccounts(client: SolanaClient, filters: ProgramAccountsFilter[]): Promise<{ pubkey: string; data: Uint8Array }[]> {
  const result = await client.call('getProgramAccounts', [JITO_VAULT_PROGRAM, { commitment: 'finalized', encoding: 'base64', filters }], keyedRaw);
  return result.map((item) => {
    if (item.account.owner !== JITO_VAULT_PROGRAM) throw new Error(`Solana RPC getProgramAccounts: account ${item.pubkey} is owned by ${item.account.owner}, not the Jito vault program`);
    return { pubkey: item.pubkey, data: base64.decode(item.account.data[0]) };
  });
}

export interface HeldVault {
  address: string;
  state: VaultState;
  delegations: VaultOperatorDelegationState[];
  tickets: VaultNcnTicketState[];
}

/** The vault whose VRT mint is `mint`, or null when `mint` is not a Jito VRT. */
export async function findVaultByVrtMint(client: SolanaClient, mint: string): Promise<{ address: string; state: VaultState } | null> {
  const found = await programAccounts(client, vaultByVrtMintFilters(mint));
  if (found.length === 0) return null;
  if (found.length > 1) throw new Error(`Solana RPC: ${found.length} Jito vaults claim VRT mint ${mint}`);
  const state = decodeVault(found[0]!.data);
  if (state.vrtMint !== mint) throw new Error(`Jito vault ${found[0]!.pubkey} has VRT mint ${state.vrtMint}, not ${mint}`);
  return { address: found[0]!.pubkey, state };
}

export async function readVaultLinks(client: SolanaClient, vault: string): Promise<Pick<HeldVault, 'delegations' | 'tickets'>> {
  const [delegations, tickets] = await Promise.all([programAccounts(client, vaultDelegationsFilters(vault)), programAccounts(client, vaultNcnTicketsFilters(vault))]);
  return {
    delegations: delegations.map((item) => decodeVaultOperatorDelegation(item.data)).filter((item) => item.vault === vault),
    tickets: tickets.map((item) => decodeVaultNcnTicket(item.data)).filter((item) => item.vault === vault),
  };
}

/**
 * The vault program's Config PDA: jito-foundation/restaking packages/vault-sdk/README.md and
 * fragmetric-labs/fragmetric-contracts programs/restaking/src/constants/mainnet.rs @132c4ff
 * (docs/research/jito-restaking.md §1).
 */
export const JITO_VAULT_CONFIG = 'UwuSgAq4zByffCGCrWH87DsjfsewYjuqHfJEpzw1Jq3';

/** The vault program's epoch length in slots (Config.epoch_length). */
export async function readVaultEpochLength(client: SolanaClient): Promise<bigint> {
  const [config] = await readRawAccounts(client, [JITO_VAULT_CONFIG]);
  if (!config) throw new Error(`Jito vault Config ${JITO_VAULT_CONFIG}: no such account on chain`);
  if (config.owner !== JITO_VAULT_PROGRAM) throw new Error(`Jito vault Config ${JITO_VAULT_CONFIG}: owned by ${config.owner}, not the Jito vault program`);
  return decodeVaultConfig(config.data).epochLength;
}
