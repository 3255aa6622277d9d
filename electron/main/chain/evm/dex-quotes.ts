/**
 * On-chain sell quotes for an exit path: what Uniswap v3 on Ethereum would pay in WETH for the
 * actual size, at one pinned block, through QuoterV2's quoteExactInputSingle, and the price
 * impact against a small reference size at the same fee tier. Every (token, amount, tier) is
 * one call in one Multicall3 aggregate3 (each allowFailure). QuoterV2 is not a view function
 * (it simulates a swap and reverts) but eth_call runs it fine; the state it writes is dropped.
 * A transport failure rejects; anything else becomes the request's error. Sources, choices and
 * limits: docs/research/dex-quotes.md.
 */
import { getAddress, parseAbi } from 'viem';
import { priceImpactPpm, referenceAmount } from '../../../../shared/domain/price-impact';
import { UNISWAP_V3_FEE_TIERS, UNISWAP_V3_QUOTER_V2, WETH } from '../../../../shared/registry/dex';
import type { EvmClient } from './client';
import { multicall, type CallResult, type ContractCall } from './multicall';

export interface QuoteRequest {
  symbol: string;
  tokenIn: `0x${string}`;
  decimals: number;
  amountIn: bigint;
}

export interface DexQuote {
  symbol: string;
  tokenIn: `0x${string}`;
  /** WETH. */
  tokenOut: `0x${string}`;
  venue: 'Uniswap v3';
  quoter: `0x${string}`;
  amountIn: bigint;
  /** The fee tier (hundredths of a bip) giving the most WETH for amountIn; null without a quote. */
  feeTier: number | null;
  /** WETH wei for amountIn at feeTier. */
  amountOut: bigint | null;
  /** min(amountIn, 10^(decimals−3)): see referenceAmount in shared/domain/price-impact.ts. */
  referenceIn: bigint;
  /** WETH wei for referenceIn at the same feeTier. */
  referenceOut: bigint | null;
  priceImpactPpm: number | null;
  error: string | null;
}

/**
 * Uniswap/v3-periphery contracts/interfaces/IQuoterV2.sol @0682387: the
 * QuoteExactInputSingleParams struct (field order tokenIn, tokenOut, amountIn, fee,
 * sqrtPriceLimitX96) and quoteExactInputSingle's four return values; declared without `view`
 * there ("not marked view because they rely on calling non-view functions and reverting").
 * Selector 0xc6a5026a, checked in test/integration/dex-quotes.test.ts.
 */
export const quoterV2Abi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);

const VENUE = 'Uniswap v3';
/** A revert without data: what QuoterV2 gives when no pool exists at that tier (swap() on an address without code). */
const NO_POOL = 'Call reverted';

const percent = (fee: number) => `${fee / 10_000}%`;

export async function readDexQuotes(evm: EvmClient, blockNumber: bigint, requests: readonly QuoteRequest[]): Promise<DexQuote[]> {
  const calls: ContractCall[] = [];
  const index = new Map<string, number>();
  // One call per distinct (token, amount, tier), shared by every request that needs it.
  const callFor = (token: `0x${string}`, amount: bigint, fee: number): number => {
    const key = `${token}:${amount}:${fee}`;
    let at = index.get(key);
    if (at === undefined) {
      at = calls.length;
      index.set(key, at);
      const params = { tokenIn: token, tokenOut: WETH, amountIn: amount, fee, sqrtPriceLimitX96: 0n };
      calls.push({ address: UNISWAP_V3_QUOTER_V2, abi: quoterV2Abi, functionName: 'quoteExactInputSingle', args: [params] });
    }
    return at;
  };

  const planned = requests.map((request) => {
    const tokenIn = getAddress(request.tokenIn);
    const referenceIn = referenceAmount(request.amountIn, request.decimals);
    const base: DexQuote = {
      symbol: request.symbol,
      tokenIn,
      tokenOut: WETH,
      venue: VENUE,
      quoter: UNISWAP_V3_QUOTER_V2,
      amountIn: request.amountIn,
      feeTier: null,
      amountOut: null,
      referenceIn: request.amountIn > 0n ? referenceIn : 0n,
      referenceOut: null,
      priceImpactPpm: null,
      error: null,
    };
    if (request.amountIn <= 0n) return { base: { ...base, error: `Nothing to quote: the ${request.symbol} amount is ${request.amountIn}` }, tiers: null };
    if (tokenIn === WETH) return { base: { ...base, error: 'WETH is the token quotes are in: nothing to sell' }, tiers: null };
    const tiers = UNISWAP_V3_FEE_TIERS.map((fee) => ({ fee, actual: callFor(tokenIn, request.amountIn, fee), reference: callFor(tokenIn, referenceIn, fee) }));
    return { base, tiers };
  });

  const answers = calls.length > 0 ? await multicall(evm, calls, { blockNumber }) : [];
  return planned.map(({ base, tiers }) => (tiers ? choose(base, tiers, answers) : base));
}

type TierCalls = { fee: number; actual: number; reference: number };

/** The tier paying the most WETH for amountIn (the earlier tier on a tie), with its reference quote. */
function choose(base: DexQuote, tiers: readonly TierCalls[], answers: readonly CallResult[]): DexQuote {
  let best: { fee: number; amountOut: bigint; reference: CallResult } | null = null;
  const failures: string[] = [];
  for (const tier of tiers) {
    const answer = answers[tier.actual]!;
    if (!answer.ok) {
      if (answer.error !== NO_POOL) failures.push(`${percent(tier.fee)}: ${answer.error}`);
      continue;
    }
    const amountOut = amountOutOf(answer);
    if (best === null || amountOut > best.amountOut) best = { fee: tier.fee, amountOut, reference: answers[tier.reference]! };
  }
  const pair = `${base.symbol}/WETH`;
  if (best === null) {
    const tried = tiers.map((tier) => percent(tier.fee)).join(', ');
    const error = failures.length > 0 ? `No Uniswap v3 quote for ${pair}: ${failures.join('; ')}` : `No Uniswap v3 pool for ${pair} at any fee tier (${tried})`;
    return { ...base, error };
  }
  const quote: DexQuote = { ...base, feeTier: best.fee, amountOut: best.amountOut };
  if (!best.reference.ok) return { ...quote, error: `Reference quote (${base.referenceIn} units) at ${percent(best.fee)} failed: ${best.reference.error}` };
  const referenceOut = amountOutOf(best.reference);
  return { ...quote, referenceOut, priceImpactPpm: priceImpactPpm(base.amountIn, best.amountOut, base.referenceIn, referenceOut) };
}

function amountOutOf(answer: CallResult & { ok: true }): bigint {
  // Several outputs decode to an array: [amountOut, sqrtPriceX96After, initializedTicksCrossed, gasEstimate].
  return (answer.value as readonly [bigint, bigint, number, bigint])[0];
}
