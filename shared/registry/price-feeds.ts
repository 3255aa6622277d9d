/**
 * Chainlink USD feeds on Ethereum used to value each underlying (AggregatorV3Interface
 * proxies, 8 decimals). Source for each: smartcontractkit/documentation
 * public/files/json/feeds-mainnet.json @211224b (the list docs.chain.link renders, a
 * point-in-time copy) and bgd-labs/aave-address-book src/ChainlinkEthereum.sol @172aaae;
 * details and caveats in docs/research/chainlink-feeds.md.
 */
export interface UsdFeed {
  underlying: 'ETH' | 'BTC' | 'SOL';
  feed: `0x${string}`;
  decimals: number;
  heartbeatSeconds: number;
  source: string;
}

const SOURCE = 'Chainlink feeds-mainnet.json @211224b; Aave address book ChainlinkEthereum.sol @172aaae';

export const USD_FEEDS: readonly UsdFeed[] = [
  { underlying: 'ETH', feed: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', decimals: 8, heartbeatSeconds: 3_600, source: SOURCE },
  { underlying: 'BTC', feed: '0xF4030086522a5bEEa4988F8cA5B36dbC97BeE88c', decimals: 8, heartbeatSeconds: 3_600, source: SOURCE },
  // SOL/USD updates only daily or on a 2 % move: its own heartbeat, or it would look stale.
  { underlying: 'SOL', feed: '0x4ffC43a60e009B551865A93d232E33Fce9f01507', decimals: 8, heartbeatSeconds: 86_400, source: SOURCE },
];
