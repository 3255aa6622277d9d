import { useState } from 'react';
import type { Wallet } from '../../../../shared/ipc/schemas';
import { formatDateTime } from '../../format';
import { useWalletsStore } from '../../stores/useWalletsStore';

const KIND_NAMES = { evm: 'EVM', solana: 'Solana', bitcoin: 'Bitcoin' } as const;

export function WalletRow({ wallet, onRemove }: { wallet: Wallet; onRemove(wallet: Wallet): void }) {
  const rename = useWalletsStore((state) => state.rename);
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(wallet.label ?? '');
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const failure = await rename(wallet.id, label);
    setError(failure?.message ?? null);
    if (!failure) setEditing(false);
  }

  return (
    <tr data-testid={`wallet-${wallet.address}`}>
      <td>
        {editing ? (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <label htmlFor={`rename-${wallet.id}`} className="sr-only">New label</label>
            <input id={`rename-${wallet.id}`} value={label} onChange={(event) => setLabel(event.target.value)} autoFocus />
            <button type="submit">Save</button>
            <button type="button" onClick={() => { setEditing(false); setError(null); setLabel(wallet.label ?? ''); }}>
              Cancel
            </button>
            {error && <span className="error-text" role="alert">{error}</span>}
          </form>
        ) : (
          wallet.label ?? <span className="muted">—</span>
        )}
      </td>
      <td><span className={`badge badge-${wallet.kind}`}>{KIND_NAMES[wallet.kind]}</span></td>
      <td className="mono">
        {wallet.address}
        {wallet.ensName && (
          <div className="muted small">
            {wallet.ensName} · resolved {wallet.ensResolvedAt ? formatDateTime(wallet.ensResolvedAt) : ''}
          </div>
        )}
      </td>
      <td className="muted">{formatDateTime(wallet.createdAt)}</td>
      <td>
        <div className="row-actions">
          {!editing && <button type="button" onClick={() => setEditing(true)}>Rename</button>}
          <button type="button" className="danger-outline" onClick={() => onRemove(wallet)}>Remove</button>
        </div>
      </td>
    </tr>
  );
}
