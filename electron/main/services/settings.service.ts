import { CHAIN_IDS, CHAINS, type ChainId } from '../../../shared/registry/chains';
import { themeSchema, type Settings, type Theme } from '../../../shared/ipc/schemas';
import { yieldReferenceSchema, type YieldReference } from '../../../shared/ipc/yield-schemas';
import { CANDLE_SOURCES, type CandleSource } from '../../../shared/registry/markets';
import { AppFailure } from '../../../shared/result';
import type { AppContext } from './context';
import { DEFAULT_COINGECKO_BASE } from '../chain/prices/coingecko';

const rpcKey = (chain: ChainId) => `rpc.${chain}`;

export function createSettingsService(ctx: AppContext) {
  const { settings } = ctx.repos;

  const storedRpc = (chain: ChainId): string[] | null => {
    const value = settings.get(rpcKey(chain));
    return Array.isArray(value) && value.every((url) => typeof url === 'string') ? (value as string[]) : null;
  };

  const get = (): Settings => {
    const theme = themeSchema.safeParse(settings.get('theme'));
    const rpc = {} as Record<ChainId, string[]>;
    const rpcDefaults = {} as Record<ChainId, string[]>;
    for (const chain of CHAIN_IDS) {
      rpcDefaults[chain] = [...CHAINS[chain].defaultRpcUrls];
      rpc[chain] = storedRpc(chain) ?? rpcDefaults[chain];
    }
    const storedBase = settings.get('prices.apiBase');
    const reference = yieldReferenceSchema.safeParse(settings.get('yield.reference'));
    const candleSource = CANDLE_SOURCES.find((item) => item === settings.get('charts.source')) ?? 'binance';
    return {
      theme: theme.success ? theme.data : 'system',
      rpc,
      rpcDefaults,
      rpcOverrides: ctx.rpcOverrides,
      priceApi: { base: typeof storedBase === 'string' ? storedBase : DEFAULT_COINGECKO_BASE, default: DEFAULT_COINGECKO_BASE, override: ctx.priceApiOverride },
      yieldReference: reference.success ? reference.data : 'wstETH',
      candleSource,
    };
  };

  return {
    get,
    /** The URLs a refresh uses: process overrides, then Settings, then defaults. */
    rpcUrls: (chain: ChainId): string[] => ctx.rpcOverrides[chain] ?? storedRpc(chain) ?? [...CHAINS[chain].defaultRpcUrls],
    /** An empty list restores the defaults. */
    setRpc: (chain: ChainId, urls: string[]): Settings => {
      const unique = [...new Set(urls.map((url) => url.trim()))];
      if (unique.length !== urls.length) throw new AppFailure('INVALID_INPUT', 'The same RPC URL is listed twice');
      if (unique.length === 0) settings.delete(rpcKey(chain));
      else settings.set(rpcKey(chain), unique);
      ctx.events.emit('data.changed', { what: 'settings' });
      return get();
    },
    /** The price API a refresh uses: process override, then Settings, then the default. */
    priceApiBase: (): string => ctx.priceApiOverride ?? get().priceApi.base,
    setPriceApi: (url: string): Settings => {
      if (url === '') settings.delete('prices.apiBase');
      else settings.set('prices.apiBase', url.replace(/\/+$/, ''));
      ctx.events.emit('data.changed', { what: 'settings' });
      return get();
    },
    setYieldReference: (reference: YieldReference): Settings => {
      settings.set('yield.reference', reference);
      ctx.events.emit('data.changed', { what: 'settings' });
      return get();
    },
    setCandleSource: (source: CandleSource): Settings => {
      settings.set('charts.source', source);
      ctx.events.emit('data.changed', { what: 'settings' });
      return get();
    },
    setTheme: (theme: Theme): Settings => {
      settings.set('theme', theme);
      ctx.events.emit('data.changed', { what: 'settings' });
      return get();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
