import { useEffect } from 'react';
import type { RiskReport } from '../../../../shared/ipc/risk-schemas';
import { formatAge, formatDateTime, formatUsdCents } from '../../format';
import { useRiskStore } from '../../stores/useRiskStore';
import { ExitComparison } from './ExitComparison';
import { PendingWithdrawals } from './PendingWithdrawals';
import { PositionRisks } from './PositionRisks';
import { ProtocolCard } from './ProtocolCard';
import { RiskAlerts } from './RiskAlerts';

/** Who can change each protocol's contracts, what the portfolio holds through it, and what exiting costs. */
export function RiskPage() {
  const { report, loadedAt, loadError } = useRiskStore();
  useEffect(() => {
    void useRiskStore.getState().load();
  }, []);
  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!report) return <p className="muted">Loading…</p>;

  const labels = new Map(report.positions.map((position) => [position.id, position.label]));
  const empty = report.positions.length === 0 && report.exits.length === 0 && report.pendingWithdrawals.length === 0;
  return (
    <div className="page">
      <AsOf report={report} />
      <RiskAlerts alerts={report.alerts} />
      {!report.asOf && (
        <div className="card empty" data-testid="risk-no-snapshot">
          <p className="muted">No Ethereum snapshot yet. Refresh to read the contracts: who can upgrade them is read on chain when an EVM wallet is refreshed.</p>
        </div>
      )}
      {empty ? (
        <div className="card empty" data-testid="risk-no-positions">
          <p><strong>No positions to assess.</strong></p>
          <p className="muted">Add a wallet holding a staking or restaking token on the <a href="#/wallets">Wallets</a> page, then press Refresh.</p>
        </div>
      ) : (
        <>
          {report.cards.map((card) => <ProtocolCard key={card.protocol} card={card} labels={labels} />)}
          <PositionRisks positions={report.positions} labels={labels} />
          <ExitComparison exits={report.exits} labels={labels} />
          <PendingWithdrawals rows={report.pendingWithdrawals} now={loadedAt} />
        </>
      )}
    </div>
  );
}

function AsOf({ report }: { report: RiskReport }) {
  if (!report.asOf) return null;
  const { blockNumber, blockTime, fetchedAt } = report.asOf;
  return (
    <p className="muted small" data-testid="risk-as-of">
      Contracts read as of block {blockNumber}, {formatDateTime(blockTime * 1000)} ({formatAge(blockTime * 1000)}); fetched {formatAge(fetchedAt)}
      {report.portfolioUsdCents !== null && ` · portfolio ${formatUsdCents(report.portfolioUsdCents)}`}
    </p>
  );
}
