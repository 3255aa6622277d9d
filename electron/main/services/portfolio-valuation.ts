/**
 * Turns stored rates into per-position valuations and value totals (bigint sums in main;
 * the renderer only formats). Rates come from the latest Ethereum snapshot.
 */
import { EVM_TOKENS, type EvmToken } from '../../../shared/registry/evm-tokens';
import { USD_FEEDS } from '../../../shared/registry/price-feeds';
import { SOLANA_LSTS } from '../../../shared/registry/solana-tokens';
import type { NetworkId } from '../../../shared/registry/networks';
import { isStakeAccountRow, isVrtSymbol } from './solana-rates';
import { isBabylonRow } from '../../../shared/domain/bitcoin/row-keys';
import { UNDERLYING_DECIMALS, valuePosition, type RateBook, type RateFigure, type StoredRateLike, type Underlying, type ValuedAsset } from '../../../shared/domain/position-valuation';
import type { Position, RateFigureDto, Valuation, ValueTotal } from '../../../shared/ipc/schemas';

export interface RatesSnapshot {
  blockNumber: string;
  blockTime: number;
  rates: readonly StoredRateLike[];
}

/** `extra`: rates stored with another network's snapshot (Solana NAVs), keyed apart from the Ethereum ones. */
export function rateBook(snapshot: RatesSnapshot | null, extra: readonly StoredRateLike[] = []): RateBook {
  return {
    rates: new Map([...(snapshot?.rates ?? []), ...extra].map((rate) => [rate.key, rate])),
    asOf: snapshot?.blockTime ?? 0,
    usdHeartbeats: new Map(USD_FEEDS.map((feed) => [feed.underlying, feed.heartbeatSeconds])),
  };
}

export const findToken = (chain: string, address: string | null): EvmToken | null =>
  address === null ? null : (EVM_TOKENS.find((token) => token.chain === chain && token.address.toLowerCase() === address.toLowerCase()) ?? null);

/** VRT rows are keyed by the symbol the Solana refresh gave them (solana-rates.ts vrtSymbol). */
const vrtAsset = (symbol: string): ValuedAsset => ({ symbol, underlying: 'SOL', nav: { type: 'jito-vault' } });

export interface AssetOf {
  /** null: the network's native coin (or a stake account, which holds it). */
  token: ValuedAsset | null;
  native: Underlying;
  kind: string;
  protocol: string | null;
}

/** The registry asset behind a balance row, or null when the registry does not know it. */
export function assetOf(network: NetworkId, tokenAddress: string | null, symbol: string): AssetOf | null {
  if (network === 'bitcoin') {
    if (tokenAddress === null) return { token: null, native: 'BTC', kind: 'native', protocol: null };
    return isBabylonRow(tokenAddress) ? { token: null, native: 'BTC', kind: 'babylon-stake', protocol: 'Babylon' } : null;
  }
  if (network === 'solana') {
    if (tokenAddress === null) return { token: null, native: 'SOL', kind: 'native', protocol: null };
    if (isStakeAccountRow(tokenAddress)) return { token: null, native: 'SOL', kind: 'native-stake', protocol: 'Solana native staking' };
    const lst = SOLANA_LSTS.find((item) => item.mint === tokenAddress);
    if (lst) return { token: lst, native: 'SOL', kind: lst.kind, protocol: lst.protocol };
    return isVrtSymbol(symbol) ? { token: vrtAsset(symbol), native: 'SOL', kind: 'vrt', protocol: 'Jito Restaking' } : null;
  }
  if (tokenAddress === null) return { token: null, native: 'ETH', kind: 'native', protocol: null };
  const token = findToken(network, tokenAddress);
  return token ? { token, native: 'ETH', kind: token.kind, protocol: token.protocol } : null;
}

const figure = (value: RateFigure): RateFigureDto =>
  value.ok ? { ok: true, value: value.rate.value.toString(), decimals: value.rate.decimals, source: value.source } : value;

export function valuationOf(position: Omit<Position, 'valuation'>, book: RateBook, snapshot: RatesSnapshot | null): Valuation | null {
  if (position.rawAmount === null) return null;
  const asset = assetOf(position.chain, position.tokenAddress, position.symbol);
  const result = valuePosition(BigInt(position.rawAmount), position.decimals, asset?.token ?? null, book, asset?.native);
  return {
    underlying: result.underlying,
    underlyingDecimals: UNDERLYING_DECIMALS[result.underlying],
    protocol: asset?.protocol ?? null,
    kind: asset?.kind ?? 'native',
    nav: figure(result.nav),
    market: figure(result.market),
    usd: figure(result.usd),
    underlyingValue: result.underlyingValue?.toString() ?? null,
    marketValue: result.marketValue?.toString() ?? null,
    premium: result.premium,
    usdCents: result.usdCents?.toString() ?? null,
    sellVsRedeem: result.sellVsRedeem?.toString() ?? null,
    sellVsRedeemUsdCents: result.sellVsRedeemUsdCents?.toString() ?? null,
    ratesBlock: snapshot?.blockNumber ?? null,
    ratesTime: snapshot?.blockTime ?? null,
  };
}

/** Sums by underlying, protocol and chain; unvalued positions are counted, never summed as zero, and USD is null when no position in the group has a USD price. */
export function valueTotals(positions: readonly Position[]): ValueTotal[] {
  const totals = new Map<string, ValueTotal & { value: bigint; cents: bigint | null }>();
  for (const position of positions) {
    const valuation = position.valuation;
    if (!valuation || position.rawAmount === '0') continue;
    const keys: [ValueTotal['by'], string][] = [
      ['underlying', valuation.underlying],
      ['protocol', valuation.protocol ?? 'Native'],
      ['chain', position.chain],
    ];
    for (const [by, key] of keys) {
      const id = `${by}:${key}:${valuation.underlying}`;
      const total = totals.get(id) ?? { by, key, underlying: valuation.underlying, underlyingDecimals: valuation.underlyingDecimals, underlyingValue: '0', usdCents: null, positions: 0, unvalued: 0, value: 0n, cents: null };
      total.positions += 1;
      if (valuation.underlyingValue === null) total.unvalued += 1;
      else total.value += BigInt(valuation.underlyingValue);
      if (valuation.usdCents !== null) total.cents = (total.cents ?? 0n) + BigInt(valuation.usdCents);
      totals.set(id, total);
    }
  }
  return [...totals.values()].map(({ value, cents, ...total }) => ({ ...total, underlyingValue: value.toString(), usdCents: cents === null ? null : cents.toString() }));
}
