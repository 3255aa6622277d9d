import { create } from 'zustand';
import type { ChartData, PremiumSeries } from '../../../shared/ipc/chart-schemas';
import type { CandleInterval } from '../../../shared/registry/markets';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

interface ChartsState {
  market: string;
  interval: CandleInterval;
  limit: number;
  data: ChartData | null;
  error: AppError | null;
  fetching: boolean;
  fetchNote: string | null;
  premiumSymbol: string;
  premium: PremiumSeries | null;
  /** Portfolio value at each stored Ethereum refresh. */
  value: { time: number; usdCents: string }[];
  load(): Promise<void>;
  loadValue(): Promise<void>;
  set(change: Partial<Pick<ChartsState, 'market' | 'interval' | 'limit'>>): void;
  fetchMissing(): Promise<void>;
  loadPremium(symbol: string): Promise<void>;
}

export const useChartsStore = create<ChartsState>((set, get) => ({
  market: 'ETH-USD',
  interval: '1d',
  limit: 300,
  data: null,
  error: null,
  fetching: false,
  fetchNote: null,
  premiumSymbol: 'weETH',
  premium: null,
  value: [],
  async loadValue() {
    const result = await invoke('charts.portfolioValue');
    if (result.ok) set({ value: result.value });
  },
  async load() {
    const { market, interval, limit } = get();
    const result = await invoke('charts.get', { market, interval, limit });
    set(result.ok ? { data: result.value, error: null } : { error: result.error });
  },
  set(change) {
    set({ ...change, fetchNote: null });
    void get().load();
  },
  async fetchMissing() {
    const { market, interval } = get();
    set({ fetching: true, fetchNote: null });
    const result = await invoke('charts.refresh', { market, interval });
    set({ fetching: false, fetchNote: result.ok ? `${result.value.added} new candle(s) in ${result.value.requests} request(s)` : result.error.message });
    await get().load();
  },
  async loadPremium(symbol) {
    set({ premiumSymbol: symbol });
    const result = await invoke('charts.premium', { symbol });
    set({ premium: result.ok ? result.value : null });
  },
}));
