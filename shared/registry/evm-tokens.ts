/**
 * The EVM token registry: data in evm-tokens.json, checked here at load so a bad entry
 * fails loudly in development and in the registry test, never silently at refresh.
 */
import { z } from 'zod';
import { getAddress } from 'viem';
import data from './evm-tokens.json' with { type: 'json' };
import { CHAIN_IDS, type ChainId } from './chains';

export const TOKEN_KINDS = ['lst', 'lrt', 'btc-lst', 'native-restaking', 'other'] as const;

const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .refine((value) => getAddress(value) === value, { message: 'address must be EIP-55 checksummed' });
const source = z.string().min(10);

/**
 * How the NAV (underlying per token) is read on chain:
 * - call: a view function (no arguments, or fixed integer `args`) returning the rate scaled by 10^decimals;
 * - chainlink: a Chainlink exchange-rate feed (the protocol's redemption rate, not a market price);
 * - par: 1:1 with the underlying by the protocol's design (e.g. rebasing stETH), with a source;
 * - mainnet: a bridged token valued with the mainnet token's rate (symbol names it).
 */
const navSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    contract: address,
    signature: z.string().startsWith('function '),
    /** Integer arguments as decimal strings, e.g. 1e18 shares for ERC-4626 convertToAssets. */
    args: z.array(z.string().regex(/^\d+$/)).optional(),
    decimals: z.number().int().min(0).max(36),
    source,
  }),
  z.object({ type: z.literal('chainlink'), feed: address, decimals: z.number().int(), heartbeatSeconds: z.number().int().positive(), source }),
  z.object({
    type: z.literal('par'),
    source,
    /** A rebasing token's yield is the growth of its wrapper's rate (wstETH for stETH). */
    yieldFrom: z.object({ symbol: z.string(), source }).optional(),
  }),
  z.object({ type: z.literal('mainnet'), symbol: z.string() }),
]);

/** Where the market price (in the underlying) comes from; "none" says why there is none. */
const marketSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chainlink'), feed: address, decimals: z.number().int(), heartbeatSeconds: z.number().int().positive(), source }),
  /** A documented price API's market price in the underlying (CoinGecko coin id). */
  z.object({ type: z.literal('coingecko'), id: z.string().regex(/^[a-z0-9-]+$/), source }),
  z.object({ type: z.literal('mainnet'), symbol: z.string() }),
  z.object({ type: z.literal('none'), reason: z.string().min(5) }),
]);

const tokenSchema = z.object({
  chain: z.enum(CHAIN_IDS),
  address,
  symbol: z.string().min(1).max(32),
  name: z.string().min(1).max(64),
  decimals: z.number().int().min(0).max(36),
  kind: z.enum(TOKEN_KINDS),
  underlying: z.enum(['ETH', 'BTC', 'SOL']),
  protocol: z.string().min(1),
  /** Where the address was verified: docs page, deployment file, or verified listing. */
  source,
  nav: navSchema.optional(),
  market: marketSchema.optional(),
});

export type EvmToken = z.infer<typeof tokenSchema> & { address: `0x${string}` };
export type NavMethod = z.infer<typeof navSchema>;
export type MarketMethod = z.infer<typeof marketSchema>;

export const EVM_TOKENS: readonly EvmToken[] = z.array(tokenSchema).parse(data.tokens) as EvmToken[];

export function tokensOn(chain: ChainId): EvmToken[] {
  return EVM_TOKENS.filter((token) => token.chain === chain);
}

/** The mainnet entry a bridged token's rates come from. */
export function mainnetToken(symbol: string): EvmToken | undefined {
  return EVM_TOKENS.find((token) => token.chain === 'ethereum' && token.symbol === symbol);
}
