import { useState, type ChangeEvent } from 'react';
import type { ImportResult } from '../../../../shared/ipc/schemas';
import { useWalletsStore } from '../../stores/useWalletsStore';

/** Bulk import from pasted lines or a CSV file (address,label). */
export function ImportPanel() {
  const importText = useWalletsStore((state) => state.importText);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(content: string) {
    setBusy(true);
    setError(null);
    const outcome = await importText(content);
    setBusy(false);
    setResult(outcome.result);
    setError(outcome.error?.message ?? null);
    if (outcome.result && outcome.result.errors.length === 0) setText('');
  }

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 2_000_000) return setError(`${file.name} is larger than 2 MB; split it into smaller files`);
    await run(await file.text());
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import several</h2>
      <p className="muted">One per line as <code>address,label</code>. Good lines are added; each bad line is listed with its reason.</p>
      <label htmlFor="import-text" className="sr-only">Lines to import</label>
      <textarea
        id="import-text"
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={'0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045,Vitalik\nbc1q…,BTC savings'}
        spellCheck={false}
      />
      <div className="actions">
        <button type="button" onClick={() => void run(text)} disabled={busy || text.trim() === ''}>
          {busy ? 'Importing…' : 'Import lines'}
        </button>
        <label className="button-like">
          Open CSV…
          <input type="file" accept=".csv,text/csv,text/plain" className="sr-only" onChange={(event) => void openFile(event)} data-testid="csv-file" />
        </label>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {result && (
        <div className="import-result" role="status" data-testid="import-result">
          <p>
            Added {result.added.length} wallet{result.added.length === 1 ? '' : 's'}; {result.errors.length} line
            {result.errors.length === 1 ? '' : 's'} rejected.
          </p>
          {result.errors.length > 0 && (
            <ul className="error-list">
              {result.errors.map((item) => (
                <li key={`${item.line}-${item.input}`}>
                  Line {item.line}: {item.reason}
                  {item.input && <code> {item.input}</code>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
