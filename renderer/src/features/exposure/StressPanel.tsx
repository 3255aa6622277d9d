import { useState } from 'react';
import type { ExposureReport, ScenarioDto } from '../../../../shared/ipc/exposure-schemas';
import { useExposureStore } from '../../stores/useExposureStore';
import { ethWithUsd, who } from './format';

/** "AVS X (or operator Y) is slashed k %": loss per position and in total; scenarios can be saved. */
export function StressPanel({ report, labels }: { report: ExposureReport; labels: Map<string, string> }) {
  const { stress, stressError, runStress, saveScenario } = useExposureStore();
  const [kind, setKind] = useState<ScenarioDto['kind']>('avs');
  const targets = kind === 'avs' ? report.byAvs : report.byOperator;
  const [target, setTarget] = useState('');
  const [percent, setPercent] = useState('10');
  const chosen = target || targets[0]?.key || '';
  const bps = Math.round(Number(percent) * 100);
  const valid = chosen !== '' && Number.isFinite(bps) && bps >= 0 && bps <= 10_000 && percent.trim() !== '';
  const scenario: ScenarioDto = { kind, target: chosen, bps };

  return (
    <div data-testid="stress">
      <form className="toolbar" onSubmit={(event) => { event.preventDefault(); if (valid) void runStress(scenario); }}>
        <label className="inline-field">Slash
          <select value={kind} onChange={(event) => { setKind(event.target.value as ScenarioDto['kind']); setTarget(''); }}>
            <option value="avs">an AVS</option>
            <option value="operator">an operator</option>
          </select>
        </label>
        <label className="inline-field">Which
          <select value={chosen} onChange={(event) => setTarget(event.target.value)} aria-label="Which AVS or operator">
            {targets.map((item) => <option key={item.key} value={item.key}>{item.key}</option>)}
          </select>
        </label>
        <label className="inline-field">By (%)
          <input type="number" min={0} max={100} step="0.01" value={percent} onChange={(event) => setPercent(event.target.value)} aria-invalid={!valid} />
        </label>
        <button type="submit" disabled={!valid}>Run</button>
        <button type="button" disabled={!valid} onClick={() => void saveScenario(scenario)}>Save scenario</button>
      </form>
      {!valid && percent.trim() !== '' && <p className="error-text small">Enter a share between 0 and 100 %.</p>}
      {stressError && <p className="error-text" role="alert">{stressError.message}</p>}
      {stress && (
        <table className="table" data-testid="stress-result">
          <thead><tr><th>Position</th><th className="num">Loss</th></tr></thead>
          <tbody>
            {stress.losses.map((loss) => (
              <tr key={loss.positionId}><td>{labels.get(loss.positionId) ?? loss.positionId}</td><td className="num mono">{ethWithUsd(loss.amount, loss.usdCents)}</td></tr>
            ))}
            <tr className="strong"><td>Portfolio ({stress.scenario.kind} {who(stress.scenario.target)} −{(stress.scenario.bps / 100).toFixed(2)} %)</td><td className="num mono" data-testid="stress-total">{ethWithUsd(stress.total, stress.totalUsdCents)}</td></tr>
          </tbody>
        </table>
      )}
      {report.scenarios.length > 0 && (
        <p className="small">Saved:{' '}
          {report.scenarios.map((item) => (
            <button key={`${item.kind}-${item.target}-${item.bps}`} type="button" className="link-button" onClick={() => void runStress(item)}>
              {item.kind} {who(item.target)} −{(item.bps / 100).toFixed(2)} %
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
