import { create } from 'zustand';
import type { RiskReport } from '../../../shared/ipc/risk-schemas';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

interface RiskState {
  report: RiskReport | null;
  /** When the report was loaded (unix ms): "now" for the pending withdrawals' countdowns. */
  loadedAt: number;
  loadError: AppError | null;
  /** The last failed dismissal, shown next to the alerts. */
  dismissError: AppError | null;
  load(): Promise<void>;
  dismissAlert(id: number): Promise<void>;
}

export const useRiskStore = create<RiskState>((set, get) => ({
  report: null,
  loadedAt: 0,
  loadError: null,
  dismissError: null,
  async load() {
    const result = await invoke('risk.get');
    set(result.ok ? { report: result.value, loadedAt: Date.now(), loadError: null } : { loadError: result.error });
  },
  async dismissAlert(id) {
    const result = await invoke('risk.dismissAlert', { id });
    if (!result.ok) return set({ dismissError: result.error });
    set({ dismissError: null });
    await get().load();
  },
}));
