import type { ChainStatus } from '../../../../shared/ipc/schemas';
import { formatAge, formatDateTime } from '../../format';

/** Per chain: the block and time the figures were true, and a stale marker on failure. */
export function ChainStatusCards({ chains }: { chains: ChainStatus[] }) {
  return (
    <div className="chain-cards">
      {chains.map((chain) => (
        <div key={chain.chain} className={`card chain-card${chain.lastError ? ' stale' : ''}`} data-testid={`chain-${chain.chain}`}>
          <div className="chain-card-head">
            <strong>{chain.name}</strong>
            {chain.lastError && <span className="badge badge-stale" title={chain.lastError.message}>stale</span>}
          </div>
          {chain.snapshot ? (
            <p className="small">
              as of {chain.chain === 'solana' ? 'slot' : chain.chain === 'bitcoin' ? 'tip height' : 'block'} <span className="mono">{chain.snapshot.blockNumber}</span>,{' '}
              {chain.chain === 'bitcoin' ? 'read ' : ''}{formatDateTime(chain.snapshot.blockTime * 1000)}
              <br />
              <span className="muted">fetched {formatAge(chain.snapshot.fetchedAt)} from {new URL(chain.snapshot.rpcUrl).host}</span>
            </p>
          ) : (
            <p className="small muted">Never refreshed.</p>
          )}
          {chain.lastError && (
            <p className="small error-text">
              Last refresh failed {formatAge(chain.lastError.at)}: {chain.lastError.message}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
