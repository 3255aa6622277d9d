/**
 * Markets with candles for the Charts page, and the candle intervals. Source: Binance spot
 * `GET /api/v3/klines` (binance/binance-spot-api-docs @a5e0bc3 rest-api.md; shape and traps in
 * shared api-shapes market-candles.md). USD is quoted as USDT, Binance's USD market, and the
 * page says so.
 */
export const CANDLE_INTERVALS = { '1h': 3_600, '4h': 14_400, '1d': 86_400, '1w': 604_800 } as const;
export type CandleInterval = keyof typeof CANDLE_INTERVALS;

export interface Market {
  id: string;
  label: string;
  /** Binance spot symbol. */
  binance: string;
  source: string;
}

export const MARKETS: readonly Market[] = [
  { id: 'ETH-USD', label: 'ETH/USDT', binance: 'ETHUSDT', source: 'Binance spot symbol; used as symbol=ETHUSDT by public integrations in the code index (e.g. Binance stream lists btcusdt/ethusdt/solusdt)' },
  { id: 'BTC-USD', label: 'BTC/USDT', binance: 'BTCUSDT', source: 'Binance spot symbol; the example symbol in shared api-shapes market-candles.md (Binance docs)' },
  { id: 'SOL-USD', label: 'SOL/USDT', binance: 'SOLUSDT', source: 'Binance spot symbol; used as symbol=SOLUSDT in Switchboard oracle job docs and other public integrations in the code index' },
];

export const DEFAULT_BINANCE_BASE = 'https://data-api.binance.vision';
