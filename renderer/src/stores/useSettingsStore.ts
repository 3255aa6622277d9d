import { create } from 'zustand';
import type { NetworkId } from '../../../shared/registry/networks';
import type { AppInfo, Settings, Theme } from '../../../shared/ipc/schemas';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

interface SettingsState {
  settings: Settings | null;
  info: AppInfo | null;
  loadError: AppError | null;
  load(): Promise<void>;
  setTheme(theme: Theme): Promise<AppError | null>;
  setRpc(chain: NetworkId, urls: string[]): Promise<AppError | null>;
  setOffline(enabled: boolean): Promise<AppError | null>;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: null,
  info: null,
  loadError: null,
  async load() {
    const [settings, info] = await Promise.all([invoke('settings.get'), invoke('app.info')]);
    if (!settings.ok) return set({ loadError: settings.error });
    set({ settings: settings.value, info: info.ok ? info.value : null, loadError: null });
  },
  async setTheme(theme) {
    // Applied at once so the radio follows the click; put back if main refuses it.
    const previous = get().settings;
    if (previous) set({ settings: { ...previous, theme } });
    const result = await invoke('settings.setTheme', { theme });
    if (!result.ok) {
      set({ settings: previous });
      return result.error;
    }
    set({ settings: result.value });
    return null;
  },
  async setOffline(enabled) {
    // Applied at once so the switch follows the click; put back if main refuses it.
    const previous = get().settings;
    if (previous) set({ settings: { ...previous, offline: { ...previous.offline, enabled } } });
    const result = await invoke('settings.setOffline', { enabled });
    set({ settings: result.ok ? result.value : previous });
    return result.ok ? null : result.error;
  },
  async setRpc(chain, urls) {
    const result = await invoke('settings.setRpc', { chain, urls });
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return null;
  },
}));
