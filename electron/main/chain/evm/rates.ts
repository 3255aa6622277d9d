/**
 * NAV rates and Chainlink prices at the Ethereum snapshot block, in one multicall: every
 * registry token's NAV call (mainnet contracts; bridged tokens reuse the mainnet rate), its
 * market feed, and the USD feeds. One failing read is that rate's error, not the refresh's.
 */
import { parseAbi, type Abi } from 'viem';
import type { EvmToken } from '../../../../shared/registry/evm-tokens';
import type { UsdFeed } from '../../../../shared/registry/price-feeds';
import type { EvmClient } from './client';
import { multicall, type ContractCall } from './multicall';

/** Chainlink AggregatorV3Interface (smartcontractkit/chainlink, AggregatorV3Interface.sol). */
export const aggregatorV3Abi = parseAbi([
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
]);

export interface RateRead {
  /** nav:<symbol>, market:<symbol> or usd:<ETH|BTC|SOL> */
  key: string;
  value: bigint | null;
  decimals: number;
  /** Chainlink rounds only: when the answer was last updated (unix seconds). */
  updatedAt: number | null;
  source: string;
  error: string | null;
}

/** One read of a rate: its stored key and how to read it. */
export interface PlannedRate {
  key: string;
  decimals: number;
  source: string;
  call: ContractCall;
  chainlink: boolean;
}

export function planRates(tokens: readonly EvmToken[], usdFeeds: readonly UsdFeed[]): PlannedRate[] {
  const planned: PlannedRate[] = [];
  for (const token of tokens.filter((item) => item.chain === 'ethereum')) {
    if (token.nav?.type === 'call') {
      const abi = parseAbi([token.nav.signature]) as Abi;
      const name = (abi[0] as { name: string }).name;
      planned.push({ key: `nav:${token.symbol}`, decimals: token.nav.decimals, source: `${token.protocol} ${name}() on ${token.nav.contract}`, call: { address: token.nav.contract as `0x${string}`, abi, functionName: name, args: (token.nav.args ?? []).map(BigInt) }, chainlink: false });
    }
    if (token.nav?.type === 'chainlink') {
      planned.push({ key: `nav:${token.symbol}`, decimals: token.nav.decimals, source: `Chainlink ${token.symbol}/${token.underlying} exchange rate ${token.nav.feed}`, call: latestRound(token.nav.feed), chainlink: true });
    }
    if (token.market?.type === 'chainlink') {
      planned.push({ key: `market:${token.symbol}`, decimals: token.market.decimals, source: `Chainlink ${token.symbol}/${token.underlying} ${token.market.feed}`, call: latestRound(token.market.feed), chainlink: true });
    }
  }
  for (const feed of usdFeeds) {
    planned.push({ key: `usd:${feed.underlying}`, decimals: feed.decimals, source: `Chainlink ${feed.underlying}/USD ${feed.feed}`, call: latestRound(feed.feed), chainlink: true });
  }
  return planned;
}

const latestRound = (feed: string): ContractCall => ({ address: feed as `0x${string}`, abi: aggregatorV3Abi, functionName: 'latestRoundData' });

/** The NAV reads only: what yield history needs at past blocks. */
export const planNavRates = (tokens: readonly EvmToken[]): PlannedRate[] => planRates(tokens, []).filter((item) => item.key.startsWith('nav:'));

/** Every planned read at one block, in one multicall; a transport or state error rejects. */
export async function readPlanned(evm: EvmClient, blockNumber: bigint, planned: readonly PlannedRate[]): Promise<RateRead[]> {
  if (planned.length === 0) return [];
  const results = await multicall(evm, planned.map((item) => item.call), { blockNumber });
  return planned.map((item, index) => {
    const result = results[index]!;
    const base = { key: item.key, decimals: item.decimals, source: item.source };
    if (!result.ok) return { ...base, value: null, updatedAt: null, error: result.error };
    if (!item.chainlink) return { ...base, value: result.value as bigint, updatedAt: null, error: null };
    const [, answer, , updatedAt] = result.value as [bigint, bigint, bigint, bigint, bigint];
    return { ...base, value: answer, updatedAt: Number(updatedAt), error: null };
  });
}
