import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import type { ExposureReport } from '../../../../shared/ipc/exposure-schemas';
import { formatAge, formatDateTime, formatPercent } from '../../format';
import { useExposureStore } from '../../stores/useExposureStore';
import { BabylonExposure } from './BabylonExposure';
import { ExposureMatrix } from './ExposureMatrix';
import { JitoExposure } from './JitoExposure';
import { StressPanel } from './StressPanel';
import { ethWithUsd, who } from './format';

/** Who can slash each restaked position, how much, where positions share risk, and what if. */
export function ExposurePage() {
  const { report, loadError } = useExposureStore();
  const [lookup, setLookup] = useState<string | null>(null);
  useEffect(() => {
    void useExposureStore.getState().load();
  }, []);
  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!report) return <p className="muted">Loading…</p>;
  if (!report.asOf) {
    return (
      <div className="page">
        <div className="card empty"><p className="muted">No Ethereum snapshot yet: EigenLayer exposure is read on chain when an EVM wallet is refreshed.</p></div>
        <JitoExposure jito={report.jito} />
        <BabylonExposure babylon={report.babylon} />
      </div>
    );
  }
  const labels = new Map(report.positions.map((position) => [position.id, position.label]));
  const names = new Map(report.names.map((entry) => [entry.address.toLowerCase(), entry.name]));
  const lookUpNames = async () => {
    setLookup('Looking up names in EigenLayer metadata events…');
    const result = await invoke('exposure.resolveNames');
    setLookup(result.ok ? `${result.value.resolved} name(s) found${result.value.failed.length ? `; ${result.value.failed.length} without a usable name (${result.value.failed.map((item) => `${item.address.slice(0, 10)}…: ${item.error}`).join('; ')})` : ''}.` : result.error.message);
    await useExposureStore.getState().load();
  };
  const slashings = report.alerts.filter((alert) => alert.kind === 'slashed');
  const changes = report.alerts.filter((alert) => alert.kind === 'allocation').slice(0, 20);

  return (
    <div className="page">
      <p className="muted small">as of block {report.asOf.blockNumber}, {formatDateTime(report.asOf.blockTime * 1000)} ({formatAge(report.asOf.blockTime * 1000)})
        {report.scan && ` · events scanned to block ${report.scan.lastBlock}`}{report.scan?.error && <span className="error-text"> · event scan failed: {report.scan.error}</span>}
        {' '}<button type="button" className="link-button" onClick={() => void lookUpNames()}>Look up operator and AVS names</button>
        {lookup && <span role="status" data-testid="names-status"> {lookup}</span>}</p>
      {slashings.map((alert) => (
        <p key={`${alert.blockNumber}-${alert.transactionHash}`} className="error-text" role="alert" data-testid="slashing-alert">
          Operator {who(alert.operator, names)} was slashed by AVS {who(alert.avs, names)} (set {alert.setId}) at block {alert.blockNumber}: {alert.amounts.map((wad) => formatPercent(Number(BigInt(wad) * 1_000_000n / 10n ** 18n) / 1_000_000)).join(', ')} of its allocated stake{alert.description ? ` — ${alert.description}` : ''}.
        </p>
      ))}

      {changes.length > 0 && (
        <details className="card" data-testid="allocation-changes">
          <summary>{changes.length} allocation change(s) by your operators since scanning began</summary>
          <ul className="small">
            {changes.map((alert) => (
              <li key={`${alert.blockNumber}-${alert.transactionHash}-${alert.strategies[0]}`}>
                block {alert.blockNumber}: {who(alert.operator, names)} → AVS {who(alert.avs, names)} #{alert.setId}, strategy {who(alert.strategies[0] ?? '')} magnitude {formatPercent(Number(BigInt(alert.amounts[0] ?? '0') * 1_000_000n / 10n ** 18n) / 1_000_000)}
              </li>
            ))}
          </ul>
        </details>
      )}

      <section className="card" aria-labelledby="exposure-positions-title">
        <h2 id="exposure-positions-title">Positions</h2>
        <table className="table" data-testid="exposure-positions">
          <thead><tr><th>Position</th><th className="num">Restaked</th><th className="num">Slashable</th><th>Exposed to</th><th>Notes</th></tr></thead>
          <tbody>
            {report.positions.map((position) => (
              <tr key={position.id} data-testid={`exposure-${position.id}`}>
                <td>{position.label}</td>
                <td className="num mono">{ethWithUsd(position.restaked, position.usdCents)}</td>
                <td className="num mono">{ethWithUsd(position.slashable, null)}</td>
                <td className="small">{exposedTo(report, position.id, names)}</td>
                <td className="muted small">{position.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="exposure-totals-title">
        <h2 id="exposure-totals-title">By AVS and operator</h2>
        <p className="small" data-testid="concentration">
          Largest AVS: {report.concentration.largestAvs ? `${who(report.concentration.largestAvs.key)} ${share(report.concentration.largestAvs.share)}` : '—'} ·
          Largest operator: {report.concentration.largestOperator ? `${who(report.concentration.largestOperator.key)} ${share(report.concentration.largestOperator.share)}` : '—'} ·
          HHI across AVSs: {report.concentration.hhiAvs} / 10,000
        </p>
        <Totals title="AVS" rows={report.byAvs} testId="by-avs" names={names} />
        <Totals title="Operator" rows={report.byOperator} testId="by-operator" names={names} />
        {report.slashedBefore.length > 0 && (
          <p className="warn-text small">Slashed before: {report.slashedBefore.map((row) => `${who(row.operator)} keeps ${formatPercent(Number(BigInt(row.maxMagnitude) * 1_000_000n / 10n ** 18n) / 1_000_000)} of its ${who(row.strategy)} stake`).join('; ')}.</p>
        )}
        {report.operatorErrors.map((item) => <p key={item.operator} className="error-text small">Operator {who(item.operator)} could not be read: {item.error}</p>)}
      </section>

      <section className="card" aria-labelledby="exposure-shared-title">
        <h2 id="exposure-shared-title">Shared risk</h2>
        <ExposureMatrix report={report} labels={labels} />
        {report.disjointPairs.length > 0 && (
          <p className="small" data-testid="disjoint">Share no operator: {report.disjointPairs.map(([a, b]) => `${labels.get(a)} + ${labels.get(b)}`).join('; ')}.</p>
        )}
      </section>

      <section className="card" aria-labelledby="exposure-stress-title">
        <h2 id="exposure-stress-title">Stress test</h2>
        <p className="small">Worst cases (fully slashed): {report.worstCases.slice(0, 4).map((item) => `${item.kind} ${who(item.target)} ${ethWithUsd(item.loss, item.usdCents)}`).join('; ') || '—'}</p>
        <StressPanel report={report} labels={labels} />
      </section>

      <JitoExposure jito={report.jito} />
      <BabylonExposure babylon={report.babylon} />
    </div>
  );
}

const share = (value: number | null) => (value === null ? '' : `(${formatPercent(value)} of the portfolio)`);

function exposedTo(report: ExposureReport, id: string, names: ReadonlyMap<string, string>) {
  const rows = report.exposures.filter((row) => row.positionId === id);
  if (rows.length === 0) return <span className="muted">nothing slashable</span>;
  return rows.map((row) => (
    <div key={`${row.operator}-${row.avs}-${row.setId}-${row.strategy}`} title={`operator ${row.operator}\nAVS ${row.avs}\nstrategy ${row.strategy}`}>
      {who(row.operator, names)} → AVS {who(row.avs, names)} #{row.setId}: {ethWithUsd(row.amount, row.usdCents)}
      {row.pendingAmount !== null && <span className="muted"> (→ {ethWithUsd(row.pendingAmount, null)} at block {row.effectBlock})</span>}
    </div>
  ));
}

function Totals({ title, rows, testId, names }: { title: string; rows: ExposureReport['byAvs']; testId: string; names: ReadonlyMap<string, string> }) {
  return (
    <table className="table" data-testid={testId}>
      <thead><tr><th>{title}</th><th className="num">Slashable</th><th className="num">Of portfolio</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}><td className="mono" title={row.key}>{names.get(row.key.toLowerCase()) ?? row.key}</td><td className="num mono">{ethWithUsd(row.amount, row.usdCents)}</td><td className="num">{row.share === null ? '—' : formatPercent(row.share)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
