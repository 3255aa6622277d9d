import { useState } from 'react';
import { EXPORT_KINDS, type ExportFormat, type ExportKind, type ExportResult } from '../../../../shared/ipc/history-schemas';
import { useHistoryStore } from '../../stores/useHistoryStore';

const TITLES: Record<ExportKind, string> = { history: 'History (between the dates)', positions: 'Positions (at "To")', exposure: 'Exposure (latest)' };

/** Saves the text main built through a Blob link: nothing leaves the machine. */
function save(file: ExportResult): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportBar() {
  const { exportWhat, exportError, setExportWhat, buildExport } = useHistoryStore();
  const [note, setNote] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setNote(null);
    const file = await buildExport(format);
    if (!file) return;
    save(file);
    setNote(`${file.filename}: ${file.rows} row(s)`);
  };
  return (
    <div className="toolbar" role="group" aria-label="Export files">
      <label className="inline-field">
        Export
        <select aria-label="What to export" value={exportWhat} onChange={(event) => setExportWhat(event.target.value as ExportKind)}>
          {EXPORT_KINDS.map((kind) => <option key={kind} value={kind}>{TITLES[kind]}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => void run('csv')}>Export CSV</button>
      <button type="button" onClick={() => void run('json')}>Export JSON</button>
      {note && <span className="small" role="status">{note}</span>}
      {exportError && <span className="error-text" role="alert">{exportError.message}</span>}
    </div>
  );
}
