import type { RiskAlert } from '../../../../shared/ipc/risk-schemas';
import { formatAge, formatDateTime } from '../../format';
import { useRiskStore } from '../../stores/useRiskStore';

/** Upgradeability changes seen between two refreshes; a dismissed one stays listed, muted. */
export function RiskAlerts({ alerts }: { alerts: RiskAlert[] }) {
  const dismissError = useRiskStore((state) => state.dismissError);
  return (
    <section className="card" aria-labelledby="risk-alerts-title" data-testid="risk-alerts">
      <h2 id="risk-alerts-title">Alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted small">No upgrade alerts: no contract's upgradeability changed between refreshes.</p>
      ) : (
        <ul className="risk-alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className={alert.dismissed ? 'muted' : 'risk-alert-open'} data-testid={`risk-alert-${alert.id}`}>
              <span>
                <strong>{alert.protocol}</strong> · <span title={alert.contract}>{alert.contractName}</span>: {alert.message}
                <span className="muted small"> (block {alert.blockNumber}, detected {formatDateTime(alert.detectedAt)}, {formatAge(alert.detectedAt)})</span>
              </span>
              {alert.dismissed ? (
                <span className="badge">dismissed</span>
              ) : (
                <button type="button" onClick={() => void useRiskStore.getState().dismissAlert(alert.id)} aria-label={`Dismiss alert on ${alert.contractName}`}>
                  Dismiss
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {dismissError && <p className="error-text small" role="alert">{dismissError.message}</p>}
    </section>
  );
}
