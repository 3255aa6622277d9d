import { create } from 'zustand';
import type { Compare, ExportFormat, ExportKind, ExportResult, Timeline } from '../../../shared/ipc/history-schemas';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';

interface HistoryState {
  timeline: Timeline | null;
  loadError: AppError | null;
  /** Unix seconds; default to the first refresh point and the last snapshot. */
  from: number | null;
  to: number | null;
  /** Set once the user picks a time: reloads then keep the range instead of the defaults. */
  rangeChosen: boolean;
  compare: Compare | null;
  compareError: AppError | null;
  exportWhat: ExportKind;
  exportError: AppError | null;
  load(): Promise<void>;
  setRange(change: { from?: number; to?: number }): void;
  runCompare(): Promise<void>;
  setExportWhat(what: ExportKind): void;
  /** The built file, for the page to save; null (and exportError) on failure. */
  buildExport(format: ExportFormat): Promise<ExportResult | null>;
}

export const useHistoryStore = create<HistoryState>((set, get) => ({
  timeline: null,
  loadError: null,
  from: null,
  to: null,
  rangeChosen: false,
  compare: null,
  compareError: null,
  exportWhat: 'history',
  exportError: null,
  async load() {
    const result = await invoke('history.timeline');
    if (!result.ok) return set({ loadError: result.error });
    const { points, lastSnapshotTime } = result.value;
    const range = get().rangeChosen ? {} : { from: points[0]?.time ?? null, to: lastSnapshotTime };
    set({ timeline: result.value, loadError: null, ...range });
    await get().runCompare();
  },
  setRange(change) {
    set({ ...change, rangeChosen: true });
    void get().runCompare();
  },
  async runCompare() {
    const { from, to } = get();
    if (from === null || to === null) return;
    const result = await invoke('history.compare', { from, to });
    set(result.ok ? { compare: result.value, compareError: null } : { compare: null, compareError: result.error });
  },
  setExportWhat(what) {
    set({ exportWhat: what, exportError: null });
  },
  async buildExport(format) {
    const { exportWhat: what, from, to } = get();
    // Positions are exported as they were at "to"; the exposure is the latest snapshot's.
    const range = what === 'history' ? { from: from ?? undefined, to: to ?? undefined } : what === 'positions' ? { to: to ?? undefined } : {};
    const result = await invoke('export.build', { what, format, ...range });
    set({ exportError: result.ok ? null : result.error });
    return result.ok ? result.value : null;
  },
}));
