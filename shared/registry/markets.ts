/**
 * Markets with candles for the Charts page, the candle intervals, and the two candle
 * sources (selectable in Settings): Binance spot `GET /api/v3/klines`
 * (binance/binance-spot-api-docs @a5e0bc3 rest-api.md) and Kraken `GET /0/public/OHLC`
 * (docs.kraken.com); shapes and traps in shared api-shapes market-candles.md. Binance quotes
 * USD as USDT, and the page says so.
 */
export const CANDLE_INTERVALS = { '1h': 3_600, '4h': 14_400, '1d': 86_400, '1w': 604_800 } as const;
export type CandleInterval = keyof typeof CANDLE_INTERVALS;

export const CANDLE_SOURCES = ['binance', 'kraken'] as const;
export type CandleSource = (typeof CANDLE_SOURCES)[number];

export interface Market {
  id: string;
  label: string;
  /** Binance spot symbol (USDT-quoted). */
  binance: string;
  /** Kraken pair as requested (USD-quoted); the answer is keyed by Kraken's canonical name. */
  kraken: string;
  source: string;
}

export const MARKETS: readonly Market[] = [
  {
    id: 'ETH-USD',
    label: 'ETH/USD',
    binance: 'ETHUSDT',
    kraken: 'ETHUSD',
    source: 'Binance symbol=ETHUSDT and Kraken OHLC?pair=ETHUSD as used by public integrations in the code index',
  },
  {
    id: 'BTC-USD',
    label: 'BTC/USD',
    binance: 'BTCUSDT',
    kraken: 'XBTUSD',
    source: 'BTCUSDT and XBTUSD are the examples in shared api-shapes market-candles.md (Binance and Kraken docs)',
  },
  {
    id: 'SOL-USD',
    label: 'SOL/USD',
    binance: 'SOLUSDT',
    kraken: 'SOLUSD',
    source: 'Binance symbol=SOLUSDT (Switchboard oracle job docs) and Kraken pair=SOLUSD (public integrations) in the code index',
  },
];

/** Base URLs: Binance's recommended public market-data host; Kraken's REST host (market-candles.md). */
export const CANDLE_SOURCE_BASES: Record<CandleSource, string> = { binance: 'https://data-api.binance.vision', kraken: 'https://api.kraken.com' };
