import { useState, type FormEvent } from 'react';
import { useWalletsStore } from '../../stores/useWalletsStore';

export function AddWalletForm() {
  const add = useWalletsStore((state) => state.add);
  const [input, setInput] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setAdded(null);
    const failure = await add(input, label);
    setBusy(false);
    setError(failure?.message ?? null);
    if (!failure) {
      setAdded(input.trim());
      setInput('');
      setLabel('');
    }
  }

  return (
    <form className="card form-row" onSubmit={(event) => void submit(event)} aria-label="Add wallet">
      <div className="field grow">
        <label htmlFor="wallet-input">Address or ENS name</label>
        <input
          id="wallet-input"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder="0x…, name.eth, bc1…, or a Solana address"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby={error ? 'wallet-error' : undefined}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="wallet-label">Label (optional)</label>
        <input id="wallet-label" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} placeholder="e.g. Cold storage" />
      </div>
      <button type="submit" className="primary" disabled={busy || input.trim() === ''}>
        {busy ? 'Adding…' : 'Add wallet'}
      </button>
      {error && (
        <p id="wallet-error" className="error-text full" role="alert">
          {error}
        </p>
      )}
      {added && (
        <p className="ok-text full" role="status">
          Added {added}.
        </p>
      )}
    </form>
  );
}
