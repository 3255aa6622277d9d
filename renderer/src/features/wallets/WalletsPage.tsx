import { useState } from 'react';
import type { Wallet } from '../../../../shared/ipc/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useWalletsStore } from '../../stores/useWalletsStore';
import { AddWalletForm } from './AddWalletForm';
import { ImportPanel } from './ImportPanel';
import { WalletRow } from './WalletRow';

export function WalletsPage() {
  const { wallets, loaded, loadError, remove } = useWalletsStore();
  const [removing, setRemoving] = useState<Wallet | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function confirmRemove() {
    if (!removing) return;
    const failure = await remove(removing.id);
    setError(failure?.message ?? null);
    setRemoving(null);
  }

  return (
    <div className="page">
      <AddWalletForm />
      <ImportPanel />
      <section className="card" aria-labelledby="wallets-title">
        <h2 id="wallets-title">Your wallets {loaded && <span className="muted">({wallets.length})</span>}</h2>
        {loadError && <p className="error-text" role="alert">{loadError.message}</p>}
        {error && <p className="error-text" role="alert">{error}</p>}
        {!loaded && <p className="muted">Loading…</p>}
        {loaded && wallets.length === 0 && (
          <div className="empty">
            <p><strong>No wallets yet.</strong></p>
            <p className="muted">Add a watch-only address above, or import a list. Slashboard never asks for keys.</p>
          </div>
        )}
        {wallets.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>Label</th><th>Chain</th><th>Address</th><th>Added</th><th><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {wallets.map((wallet) => <WalletRow key={wallet.id} wallet={wallet} onRemove={setRemoving} />)}
            </tbody>
          </table>
        )}
      </section>
      {removing && (
        <ConfirmDialog
          title="Remove wallet?"
          message={`${removing.label ?? removing.address} and all its stored positions and history will be deleted from this computer.`}
          confirmLabel="Remove wallet"
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
