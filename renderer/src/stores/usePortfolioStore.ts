import { create } from 'zustand';
import type { NetworkId } from '../../../shared/registry/networks';
import type { Portfolio, RefreshSummary } from '../../../shared/ipc/schemas';
import type { EventPayload } from '../../../shared/ipc/events';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

type Progress = EventPayload<'refresh.progress'>;

interface PortfolioState {
  portfolio: Portfolio | null;
  loadError: AppError | null;
  refreshing: boolean;
  progress: Partial<Record<NetworkId, Progress>>;
  lastSummary: RefreshSummary | null;
  refreshError: AppError | null;
  load(): Promise<void>;
  refresh(): Promise<void>;
  onProgress(progress: Progress): void;
}

export const usePortfolioStore = create<PortfolioState>((set, get) => ({
  portfolio: null,
  loadError: null,
  refreshing: false,
  progress: {},
  lastSummary: null,
  refreshError: null,
  async load() {
    const result = await invoke('portfolio.get');
    if (result.ok) set({ portfolio: result.value, loadError: null });
    else set({ loadError: result.error });
  },
  async refresh() {
    if (get().refreshing) return;
    set({ refreshing: true, progress: {}, refreshError: null });
    const result = await invoke('refresh.run', {});
    set({ refreshing: false, lastSummary: result.ok ? result.value : null, refreshError: result.ok ? null : result.error });
    await get().load();
  },
  onProgress(progress) {
    set((state) => ({ progress: { ...state.progress, [progress.chain]: progress } }));
  },
}));
