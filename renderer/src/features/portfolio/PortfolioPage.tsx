import { useEffect, useState } from 'react';
import { exactRaw, formatRaw } from '../../format';
import { NETWORK_IDS, NETWORKS } from '../../../../shared/registry/networks';
import type { Position } from '../../../../shared/ipc/schemas';
import { usePortfolioStore } from '../../stores/usePortfolioStore';
import { useRiskStore } from '../../stores/useRiskStore';
import { BitcoinRows } from './BitcoinRows';
import { ChainStatusCards } from './ChainStatusCards';
import { EigenLayerRows } from './EigenLayerRows';
import { PositionsTable } from './PositionsTable';
import { SolanaStakeRows } from './SolanaStakeRows';
import { ValueTotals } from './ValueTotals';
import { SanitySummary } from './SanityWarning';

type SortKey = 'usd' | 'asset' | 'premium';

/** Compares decimal integer strings as bigints; missing values sort last. */
const byBig = (a: string | null | undefined, b: string | null | undefined) =>
  a == null ? 1 : b == null ? -1 : BigInt(b) > BigInt(a) ? 1 : BigInt(b) < BigInt(a) ? -1 : 0;

const SORTS: Record<SortKey, (a: Position, b: Position) => number> = {
  usd: (a, b) => byBig(a.valuation?.usdCents, b.valuation?.usdCents),
  asset: (a, b) => a.symbol.localeCompare(b.symbol) || a.chain.localeCompare(b.chain),
  premium: (a, b) => (a.valuation?.premium ?? Infinity) - (b.valuation?.premium ?? Infinity),
};

export function PortfolioPage() {
  const { portfolio, loadError } = usePortfolioStore();
  const [showZero, setShowZero] = useState(false);
  const [chain, setChain] = useState('all');
  const [protocol, setProtocol] = useState('all');
  const [sort, setSort] = useState<SortKey>('usd');
  // The positions table's Risk column; data.changed reloads it once loaded (App.tsx).
  useEffect(() => {
    void useRiskStore.getState().load();
  }, []);
  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!portfolio) return <p className="muted">Loading…</p>;

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

  const protocols = [...new Set(portfolio.positions.map((p) => p.valuation?.protocol ?? 'Native'))].sort();
  const visible = (p: Position) =>
    (showZero || p.rawAmount === null || p.rawAmount !== '0') &&
    (chain === 'all' || p.chain === chain) &&
    (protocol === 'all' || (p.valuation?.protocol ?? 'Native') === protocol);
  const amountTotals = portfolio.totals.filter((total) => showZero || total.rawAmount !== '0' || total.failed > 0);

  return (
    <div className="page">
      <ChainStatusCards chains={portfolio.chains} />
      <SanitySummary positions={portfolio.positions} />
      {portfolio.positions.length === 0 ? (
        <div className="card empty">
          <p><strong>No balances stored yet.</strong></p>
          <p className="muted">Press Refresh to read your wallets' balances on Ethereum, Arbitrum, Base, Solana and Bitcoin.</p>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="totals-title">
            <h2 id="totals-title">Total value</h2>
            <ValueTotals totals={portfolio.valueTotals} />
            <details>
              <summary className="muted small">Amounts per asset</summary>
              <table className="table" data-testid="totals">
                <thead><tr><th>Asset</th><th>Chain</th><th className="num">Amount</th><th>Holders</th></tr></thead>
                <tbody>
                  {amountTotals.map((total) => (
                    <tr key={`${total.chain}-${total.tokenAddress}`}>
                      <td>{total.symbol}</td>
                      <td>{NETWORKS[total.chain].name}</td>
                      <td className="num mono" title={exactRaw(total.rawAmount, total.decimals)}>{formatRaw(total.rawAmount, total.decimals)}</td>
                      <td className="muted">{total.wallets}{total.failed > 0 && <span className="error-text"> · {total.failed} unreadable</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <div className="toolbar" role="group" aria-label="Filter and sort positions">
            <label className="inline-field">Chain
              <select value={chain} onChange={(event) => setChain(event.target.value)}>
                <option value="all">All chains</option>
                {NETWORK_IDS.map((id) => <option key={id} value={id}>{NETWORKS[id].name}</option>)}
              </select>
            </label>
            <label className="inline-field">Protocol
              <select value={protocol} onChange={(event) => setProtocol(event.target.value)}>
                <option value="all">All protocols</option>
                {protocols.map((name) => <option key={name} value={name}>{name}</option>)}
              </select>
            </label>
            <label className="inline-field">Sort by
              <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
                <option value="usd">USD value</option>
                <option value="asset">Asset</option>
                <option value="premium">Discount first</option>
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={showZero} onChange={(event) => setShowZero(event.target.checked)} /> Show zero balances
            </label>
          </div>
          {/* Every wallet gets its section: EVM, Solana and Bitcoin balances are all read. */}
          {portfolio.wallets.map((wallet) => {
            const positions = portfolio.positions.filter((p) => p.walletId === wallet.id && visible(p)).sort(SORTS[sort]);
            return (
              <section key={wallet.id} className="card" aria-label={`Positions of ${wallet.label ?? wallet.address}`} data-testid={`positions-${wallet.address}`}>
                <h2>
                  {wallet.label ?? wallet.ensName ?? 'Wallet'} <span className="mono muted small">{wallet.address}</span>
                </h2>
                {positions.length === 0 ? (
                  <p className="muted">No matching balances{portfolio.positions.some((p) => p.walletId === wallet.id) ? '' : ' (not refreshed since it was added)'}.</p>
                ) : (
                  <PositionsTable positions={positions} />
                )}
                <EigenLayerRows rows={portfolio.eigenlayer.filter((row) => row.walletId === wallet.id)} />
              </section>
            );
          })}
          <SolanaStakeRows accounts={portfolio.stakeAccounts} wallets={portfolio.wallets} />
          <BitcoinRows bitcoin={portfolio.bitcoin} wallets={portfolio.wallets} />
        </>
      )}
    </div>
  );
}
