import { useState } from 'react';
import { formatAmount, toDecimalString } from '../../../../shared/domain/amount';
import { CHAINS } from '../../../../shared/registry/chains';
import type { Position } from '../../../../shared/ipc/schemas';
import { usePortfolioStore } from '../../stores/usePortfolioStore';
import { ChainStatusCards } from './ChainStatusCards';
import { EigenLayerRows } from './EigenLayerRows';

const amountOf = (raw: string, decimals: number) => formatAmount(BigInt(raw), decimals);
const exactOf = (raw: string, decimals: number) => toDecimalString(BigInt(raw), decimals);

export function PortfolioPage() {
  const { portfolio, loadError } = usePortfolioStore();
  const [showZero, setShowZero] = useState(false);
  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!portfolio) return <p className="muted">Loading…</p>;

  const visible = (position: Position) => showZero || position.rawAmount === null || position.rawAmount !== '0';
  const evmWallets = portfolio.wallets.filter((wallet) => wallet.kind === 'evm');
  const totals = portfolio.totals.filter((total) => showZero || total.rawAmount !== '0' || total.failed > 0);

  if (portfolio.wallets.length === 0) {
    return (
      <div className="page">
        <div className="card empty">
          <p><strong>Nothing to show yet.</strong></p>
          <p className="muted">Add a wallet on the <a href="#/wallets">Wallets</a> page, then press Refresh.</p>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <ChainStatusCards chains={portfolio.chains} />
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={showZero} onChange={(event) => setShowZero(event.target.checked)} /> Show zero balances
        </label>
      </div>
      {portfolio.positions.length === 0 ? (
        <div className="card empty">
          <p><strong>No balances stored yet.</strong></p>
          <p className="muted">Press Refresh to read your wallets' balances on Ethereum, Arbitrum and Base.</p>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="totals-title">
            <h2 id="totals-title">Total</h2>
            <table className="table" data-testid="totals">
              <thead><tr><th>Asset</th><th>Chain</th><th className="num">Amount</th><th>Holders</th></tr></thead>
              <tbody>
                {totals.map((total) => (
                  <tr key={`${total.chain}-${total.tokenAddress}`}>
                    <td>{total.symbol}</td>
                    <td>{CHAINS[total.chain].name}</td>
                    <td className="num mono" title={exactOf(total.rawAmount, total.decimals)}>{amountOf(total.rawAmount, total.decimals)}</td>
                    <td className="muted">
                      {total.wallets}
                      {total.failed > 0 && <span className="error-text"> · {total.failed} unreadable</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {evmWallets.map((wallet) => {
            const positions = portfolio.positions.filter((position) => position.walletId === wallet.id && visible(position));
            return (
              <section key={wallet.id} className="card" aria-label={`Positions of ${wallet.label ?? wallet.address}`} data-testid={`positions-${wallet.address}`}>
                <h2>
                  {wallet.label ?? wallet.ensName ?? 'Wallet'} <span className="mono muted small">{wallet.address}</span>
                </h2>
                {positions.length === 0 ? (
                  <p className="muted">No non-zero balances{portfolio.positions.some((p) => p.walletId === wallet.id) ? '' : ' (not refreshed since it was added)'}.</p>
                ) : (
                  <table className="table">
                    <thead><tr><th>Asset</th><th>Chain</th><th className="num">Amount</th><th>As of</th></tr></thead>
                    <tbody>
                      {positions.map((position) => (
                        <tr key={`${position.chain}-${position.tokenAddress}`} data-testid={`pos-${position.chain}-${position.symbol}`}>
                          <td title={position.name}>{position.symbol}</td>
                          <td>{CHAINS[position.chain].name}</td>
                          <td className="num mono" title={position.rawAmount === null ? undefined : exactOf(position.rawAmount, position.decimals)}>
                            {position.rawAmount === null ? <span className="error-text" title={position.error ?? ''}>unreadable: {position.error}</span> : amountOf(position.rawAmount, position.decimals)}
                          </td>
                          <td className="muted small" title={position.source}>block {position.blockNumber}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <EigenLayerRows rows={portfolio.eigenlayer.filter((row) => row.walletId === wallet.id)} />
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
