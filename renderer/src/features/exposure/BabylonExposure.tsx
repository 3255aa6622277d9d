import type { BabylonExposure as BabylonExposureDto } from '../../../../shared/ipc/bitcoin-schemas';
import { formatAge, formatDateTime, formatUsdCents, shortAddress } from '../../format';
import { btc, btcExact, ratePercent } from '../portfolio/BitcoinRows';
import { isBabylonRow, stakingTxHashOf } from '../../../../shared/domain/bitcoin/row-keys';

type Provider = BabylonExposureDto['providers'][number];
type IssuerReported = BabylonExposureDto['issuerReported'][number];

/** A position id as the page names it: 'babylon:<tx>' is a stake, anything else an LST symbol. */
const positionLabel = (id: string) => (isBabylonRow(id) ? `stake ${shortAddress(stakingTxHashOf(id))}` : id);

/**
 * Babylon (Bitcoin) staking behind the BTC held: per finality provider, the BTC its
 * double-signing could slash, and the BTC LSTs whose issuers say they stake on Babylon.
 */
export function BabylonExposure({ babylon }: { babylon: BabylonExposureDto }) {
  return (
    <section className="card" aria-labelledby="babylon-title" data-testid="babylon-exposure">
      <h2 id="babylon-title">Babylon BTC staking (Bitcoin)</h2>
      <p className="small" data-testid="babylon-statement">{babylon.statement}</p>
      <p className="muted small" data-testid="babylon-source">Source: {babylon.source}</p>
      {babylon.asOf ? (
        <p className="muted small">as of tip height <span className="mono">{babylon.asOf.tipHeight}</span>, fetched {formatDateTime(babylon.asOf.fetchedAt)} ({formatAge(babylon.asOf.fetchedAt)})</p>
      ) : (
        <p className="muted small">Refresh a Bitcoin wallet to see the finality providers its Babylon stakes delegate to.</p>
      )}
      {babylon.asOf && babylon.providers.length === 0 && <p className="muted small">No Babylon stakes that could be slashed.</p>}
      {babylon.providers.length > 0 && <ProviderTable providers={babylon.providers} />}
      {babylon.issuerReported.length > 0 && <IssuerReportedTable rows={babylon.issuerReported} />}
    </section>
  );
}

function ProviderTable({ providers }: { providers: Provider[] }) {
  return (
    <table className="table" data-testid="babylon-providers">
      <thead>
        <tr>
          <th>Finality provider</th><th>Status</th><th className="num">Slashing rate</th><th className="num">Staked</th>
          <th className="num">Slashable</th><th className="num">USD</th><th>Positions</th>
        </tr>
      </thead>
      <tbody>
        {providers.map((fp) => (
          <tr key={fp.btcPk} data-testid={`fp-${fp.btcPk}`}>
            <td title={`${fp.btcPk}${fp.commission ? `\ncommission ${ratePercent(fp.commission)}` : ''}`}>{fp.moniker ?? <span className="mono">{shortAddress(fp.btcPk)}</span>}</td>
            <td><span className={`badge fp-${fp.status}`} data-testid="fp-status">{fp.status}</span></td>
            <td className="num mono" data-testid="fp-rate">{fp.slashingRates.length ? fp.slashingRates.map(ratePercent).join(', ') : '—'}</td>
            <td className="num mono" title={btcExact(fp.stakedSat)}>{btc(fp.stakedSat)}</td>
            <td className="num mono" data-testid="fp-slashable" title={`${btcExact(fp.slashableSat)} (rounded up)`}>{btc(fp.slashableSat)}</td>
            <td className="num mono">{fp.slashableUsdCents ? formatUsdCents(fp.slashableUsdCents) : <span className="muted">n/a</span>}</td>
            <td className="small" data-testid="fp-positions">
              {fp.positions.map(positionLabel).join(', ')}
              {fp.positions.length > 1 && <> <span className="badge badge-stale" data-testid="fp-shared">shared with {fp.positions.length} positions</span></>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STAKED = { yes: 'yes', no: 'no', 'not-documented': 'not documented' } as const;

function IssuerReportedTable({ rows }: { rows: IssuerReported[] }) {
  return (
    <>
      <h3>BTC liquid staking tokens held <span className="warn-text small">issuer-reported, not read from chain</span></h3>
      <table className="table" data-testid="babylon-issuer-reported">
        <thead><tr><th>Token</th><th>Issuer</th><th>Staked on Babylon</th><th>Finality providers</th><th className="num">Held</th><th>What the issuer says</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.symbol} data-testid={`issuer-${row.symbol}`}>
              <td>{row.symbol}</td>
              <td>{row.issuer}</td>
              <td>{STAKED[row.stakedOnBabylon]}</td>
              <td className="small">{row.finalityProviders.map((fp) => <div key={`${fp.name}-${fp.btcPk}`} title={fp.btcPk ?? 'no key published'}>{fp.name}</div>)}{row.finalityProviders.length === 0 && '—'}</td>
              <td className="num mono" title={row.heldValueSat === null ? undefined : btcExact(row.heldValueSat)}>{row.heldValueSat === null ? 'not valued' : btc(row.heldValueSat)}</td>
              <td className="small">
                {row.statement}
                <div className="muted">Issuer-reported, not read from chain. Source: {row.source} ({row.sourceDate})</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
