/**
 * The Solana asset registry: native SOL and the liquid staking tokens whose mint, pool and
 * programs could be checked against a citable source (research notes and what was not
 * verifiable: docs/research/solana-registry.md). Validated at load, like evm-tokens.ts, so
 * a mistyped key fails in development and in the registry test, never at refresh.
 */
import { z } from 'zod';
import { checkSolanaAddress } from '../domain/wallet/solana-address';
import { SPL_STAKE_POOL_PROGRAM } from '../domain/solana/stake-pool';

/** The two SPL token programs (api-shapes/solana-rpc.md; Agave account-decoder parse_token). */
export const SOLANA_TOKEN_PROGRAMS = {
  token: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  token2022: 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
} as const;

/**
 * Sanctum's two redeploys of the SPL stake-pool program. Same `StakePool` layout: Sanctum
 * states "All 3 deploys of SPL currently use the exact same binary"
 * (igneous-labs/sanctum-spl-stake-pool-sdk test-fixtures/README.md @
 * 5f8d7ea24ce7ea504068ff8781a322c304b58e90), its recorded jupSOL pool account (owner
 * SPMB…) decodes with our decoder, and igneous-labs/sanctum-lst-list tests deserialize
 * every Spl / SanctumSpl / SanctumSplMulti pool as one StakePool type. Ids:
 * sanctum-lst-list rust/sanctum-lst-list/src/programs.rs @ 8b33c8c39e68e7f2485cf384a48f943247b671ed.
 */
export const SANCTUM_SPL_STAKE_POOL_PROGRAM = 'SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY';
export const SANCTUM_SPL_MULTI_STAKE_POOL_PROGRAM = 'SPMBzsVUuoHA4Jm6KunbsotaahvVikZs1JyTW6iJvbn';

/** Programs whose pool accounts decodeStakePool reads. */
export const STAKE_POOL_LAYOUT_PROGRAMS = [SPL_STAKE_POOL_PROGRAM, SANCTUM_SPL_STAKE_POOL_PROGRAM, SANCTUM_SPL_MULTI_STAKE_POOL_PROGRAM] as const;

const LST_LIST = 'igneous-labs/sanctum-lst-list sanctum-lst-list.toml @ 8b33c8c39e68e7f2485cf384a48f943247b671ed';
const LST_LIST_CHECK =
  "its tests (rust/sanctum-lst-list/tests/tests/pool.rs) check on mainnet that the mint's owner is token_program, its decimals match, and the pool account is owned by the pool program and deserializes as StakePool with this validator_list";

const pubkey = z.string().refine((value) => checkSolanaAddress(value).ok, { message: 'must be a canonical base58 32-byte public key' });
const source = z.string().min(10);

const navSchema = z.discriminatedUnion('type', [
  /** NAV = total_lamports / pool_token_supply of the pool account (shared/domain/solana/stake-pool.ts). */
  z.object({ type: z.literal('spl-stake-pool'), pool: pubkey, program: z.enum(STAKE_POOL_LAYOUT_PROGRAMS), source }),
  z.object({ type: z.literal('none'), reason: z.string().min(10) }),
]);

export const solanaLstSchema = z.object({
  symbol: z.string().min(1).max(32),
  name: z.string().min(1).max(64),
  mint: pubkey,
  decimals: z.number().int().min(0).max(18),
  tokenProgram: z.enum([SOLANA_TOKEN_PROGRAMS.token, SOLANA_TOKEN_PROGRAMS.token2022]),
  kind: z.literal('lst'),
  underlying: z.literal('SOL'),
  protocol: z.string().min(1),
  /** Where mint, decimals and token program were verified. */
  source,
  nav: navSchema,
  /** CoinGecko coin id for a market price, only where it could be cited. */
  coingecko: z.object({ id: z.string().regex(/^[a-z0-9-]+$/), source }).optional(),
});

export type SolanaLst = z.infer<typeof solanaLstSchema>;
export type SolanaNav = z.infer<typeof navSchema>;

export const SOL_NATIVE = {
  symbol: 'SOL',
  name: 'Solana',
  decimals: 9,
  source: 'anza-xyz/solana-sdk native-token/src/lib.rs @ 35eb7e82437a5cc4bd695279b515e66a955629a8: LAMPORTS_PER_SOL = 1_000_000_000 ("There are 10^9 lamports in one SOL")',
  coingecko: {
    id: 'solana',
    source:
      'CoinGecko coin id; the same id is mapped to the wrapped-SOL mint So11111111111111111111111111111111111111112 in many public integrations found in the code index (find_string \'1111111111112": "solana"\')',
  },
} as const;

const data: z.input<typeof solanaLstSchema>[] = [
  {
    symbol: 'JitoSOL',
    name: 'Jito Staked SOL',
    mint: 'J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn',
    decimals: 9,
    tokenProgram: SOLANA_TOKEN_PROGRAMS.token,
    kind: 'lst',
    underlying: 'SOL',
    protocol: 'Jito',
    source: `${LST_LIST} (JitoSOL: program Spl, token_program Tokenkeg…, decimals 9); ${LST_LIST_CHECK}. The real pool account bytes (../shared/fixtures/solana-jito-stake-pool, from sava-software/idl-clients @ 3d13576bc158a4dcaa66c2a94a5788e8e52e9a0a) hold pool_mint J1toso… and token_program_id Tokenkeg…`,
    nav: {
      type: 'spl-stake-pool',
      pool: 'Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb',
      program: SPL_STAKE_POOL_PROGRAM,
      source: `${LST_LIST}; owner SPoo1… in the PsychoVR/proof-of-tooling getProgramAccounts snapshot @ 5b1b9c2aaab06b23b58fb56f9ea336a5af5df845 (see ../shared/fixtures/solana-jito-stake-pool/README.md)`,
    },
    coingecko: {
      id: 'jito-staked-sol',
      source:
        'CoinGecko coin id: listed in a recorded CoinGecko /coins/categories response ("liquid-staked-sol" top_3_coins_id, image 28046/JitoSOL-200.png) and mapped to mint J1toso… in public integrations in the code index (find_string \'"jito-staked-sol"\')',
    },
  },
  {
    symbol: 'bSOL',
    name: 'BlazeStake Staked SOL',
    mint: 'bSo13r4TkiE4KumL71LsHTPpL2euBYLFx6h9HP3piy1',
    decimals: 9,
    tokenProgram: SOLANA_TOKEN_PROGRAMS.token,
    kind: 'lst',
    underlying: 'SOL',
    protocol: 'BlazeStake',
    source: `${LST_LIST} (bSOL: program Spl, token_program Tokenkeg…, decimals 9); ${LST_LIST_CHECK}`,
    nav: {
      type: 'spl-stake-pool',
      pool: 'stk9ApL5HeVAwPLr3TLhDXdZS8ptVu7zp6ov8HFDuMi',
      program: SPL_STAKE_POOL_PROGRAM,
      source: `${LST_LIST} (pool stk9…, validator_list 1istpXjy8BM7Vd5vPfA485frrV7SRJhgq5vs3sskWmc); the same pool/mint pair appears in unrelated public code in the code index (find_string 'stk9ApL5HeVAwPLr3TLhDXdZS8ptVu7zp6ov8HFDuMi')`,
    },
  },
  {
    symbol: 'JupSOL',
    name: 'Jupiter Staked SOL',
    mint: 'jupSoLaHXQiZZTSfEWMTRRgpnyFm8f6sZdosWBjx93v',
    decimals: 9,
    tokenProgram: SOLANA_TOKEN_PROGRAMS.token,
    kind: 'lst',
    underlying: 'SOL',
    protocol: 'Jupiter (Sanctum multi-validator pool)',
    source: `${LST_LIST} (JupSOL: program SanctumSplMulti, token_program Tokenkeg…, decimals 9); ${LST_LIST_CHECK}`,
    nav: {
      type: 'spl-stake-pool',
      pool: '8VpRhuxa7sUUepdY3kQiTmX9rS5vx4WgaXiAnXq4KCtr',
      program: SANCTUM_SPL_MULTI_STAKE_POOL_PROGRAM,
      source:
        'igneous-labs/sanctum-spl-stake-pool-sdk test-fixtures/jupsol-stake-pool.json @ 5f8d7ea24ce7ea504068ff8781a322c304b58e90: a recorded 611-byte account at 8VpR…, owner SPMB…, decoding (this decoder) to pool_mint jupSoL…, token_program_id Tokenkeg…, validator_list AXL4v4bbzRkqwHmLc9A1YzHQmRhmG9Q93i1e6CPG2bEK (matches the lst list), last_update_epoch 751',
    },
    coingecko: {
      id: 'jupiter-staked-sol',
      source:
        'CoinGecko coin id: listed in a recorded CoinGecko /coins/categories response ("liquid-staked-sol" top_3_coins_id, image 37482/jupsol.png) and mapped to mint jupSoL… in public integrations in the code index (find_string \'"jupiter-staked-sol"\')',
    },
  },
  {
    symbol: 'mSOL',
    name: 'Marinade staked SOL',
    mint: 'mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So',
    decimals: 9,
    tokenProgram: SOLANA_TOKEN_PROGRAMS.token,
    kind: 'lst',
    underlying: 'SOL',
    protocol: 'Marinade',
    source: `${LST_LIST} (mSOL: program Marinade, token_program Tokenkeg…, decimals 9; the list test checks mint owner and decimals on mainnet)`,
    nav: {
      type: 'none',
      reason:
        'Not an SPL stake pool: Marinade is its own program (MarBmsSgKXdrN1egZf5sqe1TMai9K1rChYNDJgjq7aD, sanctum-lst-list programs.rs) with its own State account; its mSOL price is not decoded here yet',
    },
  },
  {
    symbol: 'INF',
    name: 'Sanctum Infinity',
    mint: '5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm',
    decimals: 9,
    tokenProgram: SOLANA_TOKEN_PROGRAMS.token,
    kind: 'lst',
    underlying: 'SOL',
    protocol: 'Sanctum',
    source: `${LST_LIST} (INF: program SPool, program_id 5ocnV1qiCgaQR8Jb8xWnVbApfaygJ8tNoZfgPwsgx9kx, token_program Tokenkeg…, decimals 9)`,
    nav: {
      type: 'none',
      reason:
        'Not a stake pool: INF is the LP token of the Sanctum S Controller (5ocnV1…), a multi-LST pool valued through its SOL value calculator programs (igneous-labs/S README); that state is not decoded here yet',
    },
  },
];

export const SOLANA_LSTS: readonly SolanaLst[] = z.array(solanaLstSchema).parse(data);

export function solanaLstByMint(mint: string): SolanaLst | undefined {
  return SOLANA_LSTS.find((token) => token.mint === mint);
}
