/**
 * The EVM token registry: data in evm-tokens.json, checked here at load so a bad entry
 * fails loudly in development and in the registry test, never silently at refresh.
 */
import { z } from 'zod';
import { getAddress } from 'viem';
import data from './evm-tokens.json' with { type: 'json' };
import { CHAIN_IDS, type ChainId } from './chains';

export const TOKEN_KINDS = ['lst', 'lrt', 'btc-lst', 'native-restaking', 'other'] as const;

const tokenSchema = z
  .object({
    chain: z.enum(CHAIN_IDS),
    address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
    symbol: z.string().min(1).max(32),
    name: z.string().min(1).max(64),
    decimals: z.number().int().min(0).max(36),
    kind: z.enum(TOKEN_KINDS),
    underlying: z.enum(['ETH', 'BTC', 'SOL']),
    protocol: z.string().min(1),
    /** Where the address was verified: docs page, deployment file, or verified listing. */
    source: z.string().min(10),
  })
  .refine((token) => getAddress(token.address) === token.address, {
    message: 'address must be EIP-55 checksummed',
  });

export type EvmToken = z.infer<typeof tokenSchema> & { address: `0x${string}` };

export const EVM_TOKENS: readonly EvmToken[] = z.array(tokenSchema).parse(data.tokens) as EvmToken[];

export function tokensOn(chain: ChainId): EvmToken[] {
  return EVM_TOKENS.filter((token) => token.chain === chain);
}
