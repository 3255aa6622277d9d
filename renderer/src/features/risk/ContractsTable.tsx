import type { ContractRisk } from '../../../../shared/ipc/risk-schemas';
import { formatAge, formatDateTime, shortAddress } from '../../format';
import { controlClass } from './format';

/** Each registry contract of a protocol with who can change it, as read at the latest Ethereum snapshot. */
export function ContractsTable({ contracts }: { contracts: ContractRisk[] }) {
  return (
    <table className="table risk-contracts" data-testid="risk-contracts">
      <thead>
        <tr>
          <th>Contract</th><th>Role</th><th>Address</th><th>Proxy</th><th>Implementation</th><th>Who can change it</th><th>Path</th><th>Read at</th><th>Errors and notes</th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((contract) => (
          <tr key={contract.address} data-testid={`risk-contract-${contract.address.toLowerCase()}`}>
            <td>
              {contract.name}
              <div className="muted small" title="Where the address was verified">source: {contract.source}</div>
            </td>
            <td>{contract.role}</td>
            <td className="mono" title={contract.address}>{shortAddress(contract.address)}</td>
            {contract.read ? <ReadCells read={contract.read} /> : <td colSpan={6} className="muted small">Not read yet: refresh an Ethereum wallet to read it.</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A path node names full addresses; the cell shows them short (the full path is in the tooltip). */
const shortenAddresses = (text: string) => text.replace(/0x[0-9a-fA-F]{40}/g, (address) => shortAddress(address));

function ReadCells({ read }: { read: NonNullable<ContractRisk['read']> }) {
  return (
    <>
      <td>{read.proxy}</td>
      <td className="mono" title={read.implementation ?? undefined}>{read.implementation ? shortAddress(read.implementation) : <span className="muted">—</span>}</td>
      <td className={`control ${controlClass(read.control)}`}>{read.control.line}</td>
      <td className="small risk-path" title={read.control.path.join('\n→ ')}>
        {read.control.path.length ? read.control.path.map((node, index) => <div key={`${index}-${node}`}>{index > 0 && '→ '}{shortenAddresses(node)}</div>) : <span className="muted">—</span>}
      </td>
      <td className="small nowrap" title={`snapshot fetched ${formatDateTime(read.fetchedAt)}`}>
        block <span className="mono">{read.blockNumber}</span>
        <div className="muted">{formatAge(read.fetchedAt)}</div>
      </td>
      <td className="small">
        {read.error && <div className="error-text">{read.error}</div>}
        {read.notes.map((note) => <div key={note} className="muted">{note}</div>)}
        {!read.error && read.notes.length === 0 && <span className="muted">—</span>}
      </td>
    </>
  );
}
