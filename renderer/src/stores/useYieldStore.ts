import { create } from 'zustand';
import type { YieldReport, YieldSeries } from '../../../shared/ipc/yield-schemas';
import type { YieldWindowDays } from '../../../shared/domain/yield';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

interface YieldState {
  report: YieldReport | null;
  loadError: AppError | null;
  windowDays: YieldWindowDays;
  /** The rate whose rolling yield the chart shows. */
  chartSymbol: string | null;
  series: YieldSeries | null;
  seriesError: AppError | null;
  load(): Promise<void>;
  setWindow(days: YieldWindowDays): void;
  setChartSymbol(symbol: string): void;
  loadSeries(): Promise<void>;
}

export const useYieldStore = create<YieldState>((set, get) => ({
  report: null,
  loadError: null,
  windowDays: 30,
  chartSymbol: null,
  series: null,
  seriesError: null,
  async load() {
    const result = await invoke('yield.get');
    if (!result.ok) return set({ loadError: result.error });
    // The reference's rate by default, or the first measured rate when the reference has none (Solana only).
    const symbols = result.value.assets.map((asset) => asset.rateSymbol);
    const chartSymbol = get().chartSymbol ?? (symbols.length === 0 || symbols.includes(result.value.reference) ? result.value.reference : symbols[0]!);
    set({ report: result.value, loadError: null, chartSymbol });
    await get().loadSeries();
  },
  setWindow(days) {
    set({ windowDays: days });
    void get().loadSeries();
  },
  setChartSymbol(symbol) {
    set({ chartSymbol: symbol });
    void get().loadSeries();
  },
  async loadSeries() {
    const { chartSymbol, windowDays } = get();
    if (!chartSymbol) return;
    const result = await invoke('yield.series', { rateSymbol: chartSymbol, windowDays });
    set(result.ok ? { series: result.value, seriesError: null } : { series: null, seriesError: result.error });
  },
}));
