import type { RiskCard } from '../../../../shared/ipc/risk-schemas';
import { ExternalLink } from './ExternalLink';

/** A protocol's audits, incidents and notes from the registry; the lack of a record is said. */
export function RiskRecord({ card }: { card: RiskCard }) {
  if (!card.covered) return <p className="warn-text small" data-testid="risk-no-audit">No audit record for {card.protocol} in the registry yet.</p>;
  return (
    <div className="risk-record">
      <div>
        <h3>Audits</h3>
        {card.audits.length === 0 ? <p className="muted small">None listed.</p> : (
          <ul className="small" data-testid="risk-audits">
            {card.audits.map((audit) => (
              <li key={`${audit.auditor}-${audit.date}-${audit.scope}`}>
                <strong>{audit.auditor}</strong>, {audit.date}: {audit.scope} <ExternalLink url={audit.link} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3>Incidents</h3>
        {card.incidents.length === 0 ? <p className="muted small">None on record.</p> : (
          <ul className="small" data-testid="risk-incidents">
            {card.incidents.map((incident) => (
              <li key={`${incident.date}-${incident.title}`}>
                {incident.date}: <strong>{incident.title}</strong>{incident.summary && <span className="muted"> — {incident.summary}</span>} <ExternalLink url={incident.link} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {card.notes.length > 0 && (
        <div>
          <h3>Notes</h3>
          <ul className="small" data-testid="risk-notes">
            {card.notes.map((note) => (
              <li key={`${note.date}-${note.text}`}>{note.date}: {note.text} <ExternalLink url={note.link} /></li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
