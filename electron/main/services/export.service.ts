/**
 * Exports from the local database (offline): positions (latest, or as they were at `to`),
 * the timeline between `from` and `to`, and the latest slashing exposure, as CSV or JSON with
 * the same columns (docs/export.md). The text is built in main; the renderer only saves it.
 */
import { toCsv, toRecords, type CsvColumn } from '../../../shared/domain/csv';
import type { ExportInput, ExportResult } from '../../../shared/ipc/history-schemas';
import { AppFailure } from '../../../shared/result';
import type { AppContext } from './context';
import { EXPOSURE_COLUMNS, HISTORY_COLUMNS, POSITION_COLUMNS, iso, type ExposureRow, type PositionRow } from './export-columns';
import type { ExposureService } from './exposure.service';
import { tokenPositionId } from '../../../shared/domain/position-id';
import { LATEST, type HistoryService } from './history.service';

export const EXPORT_VERSION = 1;

interface Table<Row> {
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
  /** The times the data covers, for the file name and the JSON header. */
  from: number | null;
  to: number | null;
}

const day = (seconds: number | null) => (seconds === null ? null : iso(seconds)!.slice(0, 10));

export function createExportService(ctx: AppContext, history: HistoryService, exposure: ExposureService) {
  const walletsById = () => new Map(ctx.repos.wallets.list().map((wallet) => [wallet.id, wallet]));

  function positions(input: ExportInput): Table<PositionRow> {
    if (input.from !== undefined) throw new AppFailure('INVALID_INPUT', 'A positions export is at one time: give only "to" (or nothing for the latest)');
    const { state, slashable } = history.stateAt(input.to ?? LATEST);
    const wallets = walletsById();
    const rows = state.positions
      .filter((position) => position.rawAmount !== '0')
      .map((position) => {
        const inGraph = slashable !== null && position.valuation?.kind === 'lrt' && position.valuation.underlying === 'ETH';
        return { position, wallet: wallets.get(position.walletId), slashable: inGraph ? (slashable.byPosition.get(tokenPositionId(position)) ?? 0n) : null };
      });
    const latest = state.snapshots.reduce<number | null>((max, ref) => (max === null || ref.blockTime > max ? ref.blockTime : max), null);
    return { columns: POSITION_COLUMNS, rows, from: null, to: input.to ?? latest };
  }

  function timeline(input: ExportInput): Table<ReturnType<HistoryService['timeline']>['points'][number]> {
    const from = input.from ?? 0;
    const to = input.to ?? LATEST;
    const points = history.timeline().points.filter((point) => point.time >= from && point.time <= to);
    return { columns: HISTORY_COLUMNS, rows: points, from: input.from ?? points[0]?.time ?? null, to: input.to ?? points.at(-1)?.time ?? null };
  }

  function exposureTable(input: ExportInput): Table<ExposureRow> {
    if (input.from !== undefined || input.to !== undefined) throw new AppFailure('INVALID_INPUT', 'The exposure export is of the latest Ethereum snapshot: "from" and "to" do not apply');
    const report = exposure.get();
    const wallets = walletsById();
    const rows = report.positions.flatMap((position): ExposureRow[] => {
      const exposures = report.exposures.filter((row) => row.positionId === position.id);
      const base = { report, position, wallet: wallets.get(position.walletId) };
      return exposures.length ? exposures.map((row) => ({ ...base, exposure: row })) : [{ ...base, exposure: null }];
    });
    return { columns: EXPOSURE_COLUMNS, rows, from: null, to: report.asOf?.blockTime ?? null };
  }

  function render<Row>(input: ExportInput, table: Table<Row>): ExportResult {
    const stamp = [day(table.from), day(table.to)].filter(Boolean).join('_');
    const filename = `slashboard-${input.what}${stamp ? `-${stamp}` : ''}.${input.format}`;
    if (input.format === 'csv') return { filename, mime: 'text/csv;charset=utf-8', text: toCsv(table.columns, table.rows), rows: table.rows.length };
    const document = {
      format: 'slashboard-export',
      version: EXPORT_VERSION,
      what: input.what,
      generatedAt: new Date(ctx.now()).toISOString(),
      from: iso(table.from),
      to: iso(table.to),
      columns: table.columns.map((column) => column.name),
      rows: toRecords(table.columns, table.rows),
    };
    return { filename, mime: 'application/json', text: `${JSON.stringify(document, null, 2)}\n`, rows: table.rows.length };
  }

  return {
    build(input: ExportInput): ExportResult {
      if (input.what === 'positions') return render(input, positions(input));
      if (input.what === 'history') return render(input, timeline(input));
      return render(input, exposureTable(input));
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
