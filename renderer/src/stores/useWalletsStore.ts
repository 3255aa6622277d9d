import { create } from 'zustand';
import type { ImportResult, Wallet } from '../../../shared/ipc/schemas';
import type { AppError } from '../../../shared/result';
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

export const useWalletsStore = create<WalletsState>((set, get) => ({
  wallets: [],
  loaded: false,
  loadError: null,
  async load() {
    const result = await invoke('wallets.list');
    if (result.ok) set({ wallets: result.value, loaded: true, loadError: null });
    else set({ loaded: true, loadError: result.error });
  },
  async add(input, label) {
    const result = await invoke('wallets.add', { input, label: label || null });
    if (!result.ok) return result.error;
    await get().load();
    return null;
  },
  async importText(text) {
    const result = await invoke('wallets.import', { text });
    if (!result.ok) return { result: null, error: result.error };
    await get().load();
    return { result: result.value, error: null };
  },
  async rename(id, label) {
    const result = await invoke('wallets.rename', { id, label: label || null });
    if (!result.ok) return result.error;
    await get().load();
    return null;
  },
  async remove(id) {
    const result = await invoke('wallets.remove', { id });
    if (!result.ok) return result.error;
    await get().load();
    return null;
  },
}));
