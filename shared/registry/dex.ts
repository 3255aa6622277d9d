/**
 * Where Slashboard asks for an on-chain sell quote: Uniswap v3 on Ethereum mainnet, through
 * its QuoterV2 lens, selling a token for WETH. Sources and limits: docs/research/dex-quotes.md.
 */
import { REWARD_TOKENS } from './eigenlayer';

/**
 * Uniswap v3 QuoterV2 on Ethereum mainnet.
 * Source: Uniswap/docs docs/contracts/v3/reference/deployments/Ethereum-Deployments.md L22
 * ("QuoterV2", Mainnet column) @8c5d09e (page last changed @2aa83bc). The contract is
 * Uniswap/v3-periphery contracts/lens/QuoterV2.sol @0682387. Not the v1 Quoter
 * (0xb27308f9…, same page L15), whose quoteExactInputSingle takes flat arguments.
 */
export const UNISWAP_V3_QUOTER_V2 = '0x61fFE014bA17989E743c5F6cB21bF9697530B21e' as const;

/** WETH, the token every quote is in; its address and source live in REWARD_TOKENS. */
export const WETH: `0x${string}` = wethAddress();

/**
 * Fee tiers tried for every pair, in hundredths of a basis point (the pool's `fee`).
 * - 500, 3000, 10000: enabled in the UniswapV3Factory constructor, Uniswap/v3-core
 *   contracts/UniswapV3Factory.sol L26–L31 @d8b1c63;
 * - 100 (0.01%): enabled later by UNI governance (enableFeeAmount, Dec 2021): Uniswap/docs
 *   docs/concepts/protocol/fees.md L19 @8c5d09e, and FeeAmount.LOWEST = 100 in Uniswap/v3-sdk
 *   src/constants.ts L11 @4e16fe8. Most LST/WETH liquidity sits in the 0.01% and 0.05% tiers.
 * The order breaks ties: on equal output the earlier (cheaper) tier is reported.
 */
export const UNISWAP_V3_FEE_TIERS = [100, 500, 3000, 10000] as const;

function wethAddress(): `0x${string}` {
  const weth = REWARD_TOKENS.find((token) => token.symbol === 'WETH');
  if (!weth) throw new Error('WETH missing from REWARD_TOKENS (shared/registry/eigenlayer.ts)');
  return weth.address;
}
