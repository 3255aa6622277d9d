import { create } from 'zustand';
import type { ImportResult, Wallet } from '../../../shared/ipc/schemas';
import type { AppError, Result } from '../../../shared/result';
import { invoke } from '../api';

interface WalletsState {
  wallets: Wallet[];
  loaded: boolean;
  loadError: AppError | null;
  load(): Promise<void>;
  add(input: string, label: string): Promise<AppError | null>;
  importText(text: string): Promise<{ result: ImportResult | null; error: AppError | null }>;
  rename(id: number, label: string): Promise<AppError | null>;
  remove(id: number): Promise<AppError | null>;
}

export const useWalletsStore = create<WalletsState>((set, get) => {
  /** A change succeeded: reload the list; it failed: hand the error to the form. */
  const afterChange = async (result: Result<unknown>): Promise<AppError | null> => {
    if (!result.ok) return result.error;
    await get().load();
    return null;
  };
  return {
    wallets: [],
    loaded: false,
    loadError: null,
    async load() {
      const result = await invoke('wallets.list');
      if (result.ok) set({ wallets: result.value, loaded: true, loadError: null });
      else set({ loaded: true, loadError: result.error });
    },
    add: async (input, label) => afterChange(await invoke('wallets.add', { input, label: label || null })),
    async importText(text) {
      const result = await invoke('wallets.import', { text });
      if (!result.ok) return { result: null, error: result.error };
      await get().load();
      return { result: result.value, error: null };
    },
    rename: async (id, label) => afterChange(await invoke('wallets.rename', { id, label: label || null })),
    remove: async (id) => afterChange(await invoke('wallets.remove', { id })),
  };
});
