/**
 * DEX sell quotes against our MockQuoterV2 (the real quoteExactInputSingle ABI over
 * constant-product pools) placed at the real QuoterV2 address on a real anvil node, with
 * Multicall3 at its address. Token addresses are made up; only the quoter and WETH are real.
 * Expected outputs are recomputed here from x·y = k, independently of the contract.
 */
import { getAddress, toFunctionSelector, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNISWAP_V3_QUOTER_V2, WETH } from '../../shared/registry/dex';
import { createEvmClient, type EvmClient } from '../../electron/main/chain/evm/client';
import { pinLatestBlock } from '../../electron/main/chain/evm/balances';
import type { ContractCall } from '../../electron/main/chain/evm/multicall';
import { quoterV2Abi, readDexQuotes, type QuoteRequest } from '../../electron/main/chain/evm/dex-quotes';
import { startAnvil, type AnvilNode } from '../support/anvil';
import { installBaseContracts, mineBlock, readAt, sendTx, setCode } from '../support/evm-fixture';
import { compiled } from '../support/solidity';

const at = (tag: string) => getAddress(`0x${tag.padEnd(40, '0')}`);
const ETH = 10n ** 18n;
/** Below WETH (0xC02a…), so it is token0 of its pools. */
const TWO_POOLS = at('a1');
/** Above WETH, so it is token1: the mock's pool keys work both ways round. */
const ONE_POOL = at('d1');
const NO_POOL = at('b1');

/** Two pools at the same price (1.18 WETH per token): a thin 0.01% one and a deep 0.05% one. */
const THIN = { fee: 100, reserveIn: 100n * ETH, reserveOut: 118n * ETH };
const DEEP = { fee: 500, reserveIn: 10_000n * ETH, reserveOut: 11_800n * ETH };
const ONLY = { fee: 3000, reserveIn: 2_000n * ETH, reserveOut: 2_100n * ETH };

/** Constant product with the fee taken from the input, each division rounding down. */
function expectedOut(amountIn: bigint, pool: { fee: number; reserveIn: bigint; reserveOut: bigint }): bigint {
  const inLessFee = (amountIn * (1_000_000n - BigInt(pool.fee))) / 1_000_000n;
  return (pool.reserveOut * inLessFee) / (pool.reserveIn + inLessFee);
}

/** 10^6 minus the ratio of unit prices in ppm, rounded down: the impact rounded up, written another way. */
function expectedImpact(amountIn: bigint, amountOut: bigint, referenceIn: bigint, referenceOut: bigint): number {
  return Number(1_000_000n - (amountOut * referenceIn * 1_000_000n) / (amountIn * referenceOut));
}

let node: AnvilNode;
let evm: EvmClient;
const seen: ContractCall[][] = [];

const setPool = (token: Address, pool: { fee: number; reserveIn: bigint; reserveOut: bigint }) =>
  sendTx(node, UNISWAP_V3_QUOTER_V2, compiled('MockQuoterV2').abi, 'setPool', [token, WETH, pool.fee, pool.reserveIn, pool.reserveOut]);

beforeAll(async () => {
  node = await startAnvil({ chainId: 1 });
  evm = createEvmClient('ethereum', [node.url], { retryCount: 0, onMulticall: (calls) => void seen.push([...calls]) });
  await installBaseContracts(node);
  await setCode(node, UNISWAP_V3_QUOTER_V2, 'MockQuoterV2');
  await setPool(TWO_POOLS, THIN);
  await setPool(TWO_POOLS, DEEP);
  await setPool(ONE_POOL, ONLY);
  await mineBlock(node);
});
afterAll(() => node?.stop());

const request = (symbol: string, tokenIn: Address, amountIn: bigint, decimals = 18): QuoteRequest => ({ symbol, tokenIn, decimals, amountIn });

describe('readDexQuotes', () => {
  it('calls the real QuoterV2 selector', () => {
    const item = quoterV2Abi.find((entry) => entry.type === 'function' && entry.name === 'quoteExactInputSingle');
    expect(item && toFunctionSelector(item)).toBe('0xc6a5026a');
  });

  it('picks the best tier per size, with exact outputs and the price impact', async () => {
    const block = (await pinLatestBlock(evm)).number;
    seen.length = 0;
    const [big, small, again] = await readDexQuotes(evm, block, [
      request('wstETH', TWO_POOLS, 50n * ETH),
      request('wstETH', TWO_POOLS, ETH / 100n),
      request('wstETH', TWO_POOLS, 50n * ETH),
    ]);
    const reference = 10n ** 15n;

    // 50 tokens move the thin pool far more than its lower fee saves: the deep 0.05% pool wins.
    expect(expectedOut(50n * ETH, DEEP)).toBeGreaterThan(expectedOut(50n * ETH, THIN));
    const bigOut = expectedOut(50n * ETH, DEEP);
    const bigRef = expectedOut(reference, DEEP);
    expect(big).toEqual({
      symbol: 'wstETH',
      tokenIn: TWO_POOLS,
      tokenOut: WETH,
      venue: 'Uniswap v3',
      quoter: UNISWAP_V3_QUOTER_V2,
      amountIn: 50n * ETH,
      feeTier: 500,
      amountOut: bigOut,
      referenceIn: reference,
      referenceOut: bigRef,
      priceImpactPpm: expectedImpact(50n * ETH, bigOut, reference, bigRef),
      error: null,
    });
    // About 50 / (10 000 + 50) of the price: ~0.5%.
    expect(big!.priceImpactPpm).toBeGreaterThan(4_900);
    expect(big!.priceImpactPpm).toBeLessThan(5_000);

    // 0.01 token barely moves either pool: the cheaper 0.01% fee wins.
    const smallOut = expectedOut(ETH / 100n, THIN);
    const smallRef = expectedOut(reference, THIN);
    expect(smallOut).toBeGreaterThan(expectedOut(ETH / 100n, DEEP));
    expect(small).toMatchObject({ feeTier: 100, amountOut: smallOut, referenceIn: reference, referenceOut: smallRef, error: null });
    expect(small!.priceImpactPpm).toBe(expectedImpact(ETH / 100n, smallOut, reference, smallRef));
    expect(small!.priceImpactPpm).toBeLessThan(big!.priceImpactPpm!);

    expect(again).toEqual(big);
    // Distinct (token, amount): 50, 0.01 and the 0.001 reference, each at 4 tiers, in one aggregate3.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(12);
  });

  it('skips tiers without a pool, for a token sorting above WETH', async () => {
    const block = (await pinLatestBlock(evm)).number;
    const [quote] = await readDexQuotes(evm, block, [request('rETH', ONE_POOL, 7n * ETH)]);
    const out = expectedOut(7n * ETH, ONLY);
    const ref = expectedOut(10n ** 15n, ONLY);
    expect(quote).toMatchObject({ feeTier: 3000, amountOut: out, referenceOut: ref, error: null });
    expect(quote!.priceImpactPpm).toBe(expectedImpact(7n * ETH, out, 10n ** 15n, ref));
  });

  it('says when no pool exists at any tier, and quotes nothing for amount 0', async () => {
    const block = (await pinLatestBlock(evm)).number;
    seen.length = 0;
    const [none, zero] = await readDexQuotes(evm, block, [request('pufETH', NO_POOL, ETH), request('wstETH', TWO_POOLS, 0n)]);
    expect(none).toMatchObject({
      feeTier: null,
      amountOut: null,
      referenceIn: 10n ** 15n,
      referenceOut: null,
      priceImpactPpm: null,
      error: 'No Uniswap v3 pool for pufETH/WETH at any fee tier (0.01%, 0.05%, 0.3%, 1%)',
    });
    expect(zero).toMatchObject({ amountIn: 0n, referenceIn: 0n, feeTier: null, amountOut: null, priceImpactPpm: null, error: 'Nothing to quote: the wstETH amount is 0' });
    // Only the no-pool token was asked (2 amounts × 4 tiers); amount 0 made no call.
    expect(seen.flat().every((call) => (call.args![0] as { tokenIn: Address }).tokenIn === NO_POOL)).toBe(true);
    expect(seen.flat()).toHaveLength(8);

    seen.length = 0;
    expect(await readDexQuotes(evm, block, [request('wstETH', TWO_POOLS, 0n)])).toHaveLength(1);
    expect(seen).toHaveLength(0);
  });

  it('reads at the pinned block, and eth_call keeps none of the quoter state it writes', async () => {
    const pinned = (await pinLatestBlock(evm)).number;
    await setPool(ONE_POOL, { ...ONLY, reserveOut: 1_000n * ETH });
    const [before] = await readDexQuotes(evm, pinned, [request('rETH', ONE_POOL, 7n * ETH)]);
    const [after] = await readDexQuotes(evm, (await pinLatestBlock(evm)).number, [request('rETH', ONE_POOL, 7n * ETH)]);
    expect(before!.amountOut).toBe(expectedOut(7n * ETH, ONLY));
    expect(after!.amountOut).toBe(expectedOut(7n * ETH, { ...ONLY, reserveOut: 1_000n * ETH }));
    expect(await readAt(node, UNISWAP_V3_QUOTER_V2, 'function quotes() view returns (uint256)', pinned)).toBe(0n);
    await setPool(ONE_POOL, ONLY);
  });

  it('rejects on a transport failure', async () => {
    const dead = createEvmClient('ethereum', ['http://127.0.0.1:1'], { retryCount: 0, timeoutMs: 2_000 });
    await expect(readDexQuotes(dead, 1n, [request('wstETH', TWO_POOLS, ETH)])).rejects.toThrow();
  });
});
