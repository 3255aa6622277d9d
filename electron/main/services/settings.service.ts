import { NETWORK_IDS, NETWORKS, type NetworkId } from '../../../shared/registry/networks';
import { themeSchema, type Settings, type Theme } from '../../../shared/ipc/schemas';
import { yieldReferenceSchema, type YieldReference } from '../../../shared/ipc/yield-schemas';
import { CANDLE_SOURCES, type CandleSource } from '../../../shared/registry/markets';
import { AppFailure } from '../../../shared/result';
import type { AppContext } from './context';
import { DEFAULT_COINGECKO_BASE } from '../chain/prices/coingecko';
import { DEFAULT_KOBE_BASE } from '../chain/solana/jito-kobe';
import { DEFAULT_BABYLON_API_BASE } from '../chain/bitcoin/babylon-api';
import { offlineState, setOffline } from './offline';

const rpcKey = (chain: NetworkId) => `rpc.${chain}`;
const LOG_FULL_ADDRESSES = 'logging.fullAddresses';

export function createSettingsService(ctx: AppContext) {
  const { settings } = ctx.repos;

  const storedRpc = (chain: NetworkId): string[] | null => {
    const value = settings.get(rpcKey(chain));
    return Array.isArray(value) && value.every((url) => typeof url === 'string') ? (value as string[]) : null;
  };

  const get = (): Settings => {
    const theme = themeSchema.safeParse(settings.get('theme'));
    const rpc = {} as Record<NetworkId, string[]>;
    const rpcDefaults = {} as Record<NetworkId, string[]>;
    for (const chain of NETWORK_IDS) {
      rpcDefaults[chain] = [...NETWORKS[chain].defaultRpcUrls];
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
      offline: offlineState(ctx),
      logFullAddresses: settings.get(LOG_FULL_ADDRESSES) === true,
    };
  };

  return {
    get,
    /** The URLs a refresh uses: process overrides, then Settings, then defaults. */
    rpcUrls: (chain: NetworkId): string[] => ctx.rpcOverrides[chain] ?? storedRpc(chain) ?? [...NETWORKS[chain].defaultRpcUrls],
    /** An empty list restores the defaults. */
    setRpc: (chain: NetworkId, urls: string[]): Settings => {
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
    /** The Jito Kobe API a refresh uses (process override, else the public default). */
    jitoApiBase: (): string => ctx.jitoApiOverride ?? DEFAULT_KOBE_BASE,
    /** The Babylon staking API a refresh uses (process override, else the public default). */
    babylonApiBase: (): string => ctx.babylonApiOverride ?? DEFAULT_BABYLON_API_BASE,
    setCandleSource: (source: CandleSource): Settings => {
      settings.set('charts.source', source);
      ctx.events.emit('data.changed', { what: 'settings' });
      return get();
    },
    setOffline: (enabled: boolean): Settings => {
      setOffline(ctx, enabled);
      return get();
    },
    /** Read by the logger at every line (logging/index.ts). */
    logFullAddresses: (): boolean => settings.get(LOG_FULL_ADDRESSES) === true,
    setLogFullAddresses: (enabled: boolean): Settings => {
      if (enabled) settings.set(LOG_FULL_ADDRESSES, true);
      else settings.delete(LOG_FULL_ADDRESSES);
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
