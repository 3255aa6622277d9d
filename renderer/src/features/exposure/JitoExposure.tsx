import type { JitoExposure as JitoExposureDto } from '../../../../shared/ipc/exposure-schemas';
import { exactRaw, formatAge, formatDateTime, formatRaw } from '../../format';

/** Solana amounts (SOL and the vaults' supported tokens) are 9-decimal raw integers. */
const DECIMALS = 9;

/**
 * Jito (Solana) restaking behind the VRTs held: delegations and NCN tickets as configured.
 * Slashing is not live there, so no slashable amount is shown, only the statement saying so.
 */
export function JitoExposure({ jito }: { jito: JitoExposureDto }) {
  return (
    <section className="card" aria-labelledby="jito-title" data-testid="jito-exposure">
      <h2 id="jito-title">Jito restaking (Solana)</h2>
      <p className={jito.slashingLive ? 'error-text' : 'warn-text'} data-testid="jito-statement"><strong>{jito.statement}</strong></p>
      <p className="muted small" data-testid="jito-source">Source: {jito.source}</p>
      {jito.asOf ? (
        <p className="muted small">as of slot <span className="mono">{jito.asOf.slot}</span>, {formatDateTime(jito.asOf.blockTime * 1000)} ({formatAge(jito.asOf.blockTime * 1000)})</p>
      ) : (
        <p className="muted small">Refresh a Solana wallet to see the Jito vaults behind the VRTs it holds.</p>
      )}
      {jito.asOf && jito.vaults.length === 0 && <p className="muted small">No Jito vault receipt tokens (VRTs) held.</p>}
      {jito.vaults.map((vault) => (
        <div key={vault.vault} className="jito-vault" data-testid={`jito-vault-${vault.vault}`}>
          <h3>
            {vault.vrtSymbol} <span className="mono muted small" title={vault.vault}>vault {vault.vault}</span>
          </h3>
          <p className="small">
            Held: <span className="mono" title={vault.heldValue === null ? undefined : `${exactRaw(vault.heldValue, DECIMALS)} SOL`}>{vault.heldValue === null ? 'not valued' : `${formatRaw(vault.heldValue, DECIMALS)} SOL`}</span>
          </p>
          <table className="table" data-testid="jito-operators">
            <thead><tr><th>Operator</th><th className="num">Delegated by the vault</th></tr></thead>
            <tbody>
              {vault.operators.length === 0 && <tr><td colSpan={2} className="muted">No operator delegations.</td></tr>}
              {vault.operators.map((operator) => (
                <tr key={operator.address}>
                  <td className="mono">{operator.address}</td>
                  <td className="num mono" title={exactRaw(operator.stakedAmount, DECIMALS)}>{formatRaw(operator.stakedAmount, DECIMALS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table" data-testid="jito-ncns">
            <thead><tr><th>NCN</th><th>Ticket state</th></tr></thead>
            <tbody>
              {vault.ncns.length === 0 && <tr><td colSpan={2} className="muted">No NCN tickets.</td></tr>}
              {vault.ncns.map((ncn) => (
                <tr key={ncn.address}>
                  <td className="mono">{ncn.address}</td>
                  <td>{ncn.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">Delegated amounts are in the vault's supported token's units, not SOL.</p>
        </div>
      ))}
    </section>
  );
}
