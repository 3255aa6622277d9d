/**
 * Which rate measures an asset's yield, from the registry: the NAV rate it is valued with;
 * for a rebasing token the wrapper's rate (stETH → wstETH); for a bridged token the mainnet
 * token's. The yield kind decides how the yield splits into base and premium (yield.ts).
 */
import { mainnetToken, type EvmToken } from '../registry/evm-tokens';
import type { YieldKind } from './yield';

/** key null: not measurable, and `reason` says why. */
export interface YieldSource {
  kind: YieldKind;
  rateSymbol: string | null;
  key: string | null;
  reason: string | null;
}

const KINDS: Record<EvmToken['kind'], YieldKind> = {
  lst: 'lst',
  lrt: 'lrt',
  'btc-lst': 'btc-lst',
  'native-restaking': 'lrt',
  other: 'other',
};

export const navKey = (symbol: string): string => `nav:${symbol}`;

/** token null: the chain's native coin, which earns nothing held as is. */
export function yieldSourceOf(token: EvmToken | null): YieldSource {
  if (!token) return { kind: 'idle', rateSymbol: null, key: null, reason: 'held as is, earns nothing' };
  const kind = KINDS[token.kind];
  const none = (reason: string): YieldSource => ({ kind, rateSymbol: null, key: null, reason });
  const nav = token.nav;
  if (!nav) return none('no verified on-chain NAV source to measure it with yet');
  if (nav.type === 'call' || nav.type === 'chainlink') return { kind, rateSymbol: token.symbol, key: navKey(token.symbol), reason: null };
  if (nav.type === 'par') return nav.yieldFrom ? { kind, rateSymbol: nav.yieldFrom.symbol, key: navKey(nav.yieldFrom.symbol), reason: null } : none('1:1 by design, with no wrapper rate to measure its yield');
  const origin = mainnetToken(nav.symbol);
  return origin ? { ...yieldSourceOf(origin), kind } : none(`no mainnet ${nav.symbol} in the registry`);
}
