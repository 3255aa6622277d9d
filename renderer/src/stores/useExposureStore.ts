import { create } from 'zustand';
import type { ExposureReport, ScenarioDto, StressResult } from '../../../shared/ipc/exposure-schemas';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

interface ExposureState {
  report: ExposureReport | null;
  loadError: AppError | null;
  stress: StressResult | null;
  stressError: AppError | null;
  load(): Promise<void>;
  runStress(scenario: ScenarioDto): Promise<void>;
  saveScenario(scenario: ScenarioDto): Promise<void>;
}

export const useExposureStore = create<ExposureState>((set, get) => ({
  report: null,
  loadError: null,
  stress: null,
  stressError: null,
  async load() {
    const result = await invoke('exposure.get');
    set(result.ok ? { report: result.value, loadError: null } : { loadError: result.error });
  },
  async runStress(scenario) {
    const result = await invoke('exposure.stress', scenario);
    set(result.ok ? { stress: result.value, stressError: null } : { stress: null, stressError: result.error });
  },
  async saveScenario(scenario) {
    const result = await invoke('exposure.saveScenario', scenario);
    if (!result.ok) return set({ stressError: result.error });
    await get().load();
  },
}));
