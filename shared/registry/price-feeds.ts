/**
 * Chainlink USD feeds on Ethereum used to value each underlying (AggregatorV3Interface
 * proxies). Filled only with verified entries; an underlying without one is shown in its own
 * unit and "USD not available".
 */
export interface UsdFeed {
  underlying: 'ETH' | 'BTC' | 'SOL';
  feed: `0x${string}`;
  decimals: number;
  heartbeatSeconds: number;
  source: string;
}

export const USD_FEEDS: readonly UsdFeed[] = [];
