import type { PositionRisk } from '../../../../shared/ipc/risk-schemas';
import { exactRaw, formatRaw } from '../../format';
import { controlClass } from './format';
import { UNDERLYING_DECIMALS } from '../../../../shared/domain/position-valuation';

/** Per position: what it depends on, its weakest control, its flags and its slashing exposure. */
export function PositionRisks({ positions, labels }: { positions: PositionRisk[]; labels: ReadonlyMap<string, string> }) {
  return (
    <section className="card" aria-labelledby="risk-positions-title">
      <h2 id="risk-positions-title">Positions</h2>
      <table className="table" data-testid="risk-positions">
        <thead>
          <tr><th>Position</th><th>Protocols</th><th>Weakest control</th><th>Flags</th><th className="num">Slashable</th><th className="num">Shares risk with</th></tr>
        </thead>
        <tbody>
          {positions.map((position) => (
            <tr key={position.id} data-testid={`risk-pos-${position.id}`}>
              <td>{position.label}</td>
              <td>{position.protocols.join(', ')}</td>
              <td className={`weakest ${controlClass(position.weakest)}`}>{position.weakest?.line ?? <span className="muted">—</span>}</td>
              <td className="flags small">
                {position.flags.length ? position.flags.map((flag) => <div key={flag}>{flag}</div>) : <span className="muted">—</span>}
              </td>
              <td className="num mono slashable" title={position.slashable && position.underlying ? exactRaw(position.slashable, UNDERLYING_DECIMALS[position.underlying]) : undefined}>
                {position.slashable && position.underlying ? `${formatRaw(position.slashable, UNDERLYING_DECIMALS[position.underlying])} ${position.underlying}` : <span className="muted">—</span>}
              </td>
              <td className="num shares" title={position.sharesRiskWith.map((id) => labels.get(id) ?? id).join('\n') || undefined}>
                {position.sharesRiskWith.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
