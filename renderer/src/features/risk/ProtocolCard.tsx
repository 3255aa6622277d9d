import type { RiskCard } from '../../../../shared/ipc/risk-schemas';
import { formatUsdCents } from '../../format';
import { ContractsTable } from './ContractsTable';
import { controlClass, ppmPercent } from './format';
import { RiskRecord } from './RiskRecord';

/** One protocol: how much of the portfolio depends on it, who can change its contracts, its record. */
export function ProtocolCard({ card, labels }: { card: RiskCard; labels: ReadonlyMap<string, string> }) {
  const titleId = `risk-card-title-${card.protocol.replace(/\W+/g, '-')}`;
  return (
    <section className="card risk-card" aria-labelledby={titleId} data-testid={`risk-card-${card.protocol}`}>
      <h2 id={titleId}>
        {card.protocol}{' '}
        <span className="muted small" data-testid="risk-share">
          {card.sharePpm === null ? 'share of the portfolio unknown (no prices)' : `${ppmPercent(card.sharePpm)} of the portfolio`}
          {card.usdCents !== null && ` · ${formatUsdCents(card.usdCents)}`}
        </span>
      </h2>
      <p className={`risk-weakest ${controlClass(card.weakest)}`} data-testid="risk-weakest" title={card.weakest?.path.join(' → ')}>
        {card.weakest ? card.weakest.line : card.contracts.length === 0 ? 'No contracts listed for this protocol in the registry.' : 'Contracts not read yet: refresh an Ethereum wallet to read them.'}
      </p>
      <p className="muted small">Positions: {card.positionIds.map((id) => labels.get(id) ?? id).join(', ') || '—'}</p>
      {card.contracts.length > 0 && <ContractsTable contracts={card.contracts} />}
      <RiskRecord card={card} />
    </section>
  );
}
