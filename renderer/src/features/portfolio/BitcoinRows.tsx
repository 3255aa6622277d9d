import type { BabylonDelegationDto, BitcoinAddressDto, BitcoinPortfolio, FinalityProviderRef } from '../../../../shared/ipc/bitcoin-schemas';
import type { Wallet } from '../../../../shared/ipc/schemas';
import { parseRate } from '../../../../shared/domain/bitcoin/babylon-delegation';
import { toDecimalString } from '../../../../shared/domain/amount';
import { exactRaw, formatRaw, shortAddress } from '../../format';

const BTC_DECIMALS = 8;
const DAY_SECONDS = 86_400;

/** Satoshi as BTC, every one of the 8 decimals kept (a sat is not rounded away). */
export const btc = (sat: string) => `${formatRaw(sat, BTC_DECIMALS, { maxFractionDigits: BTC_DECIMALS })} BTC`;
export const btcExact = (sat: string) => `${exactRaw(sat, BTC_DECIMALS)} BTC`;

/** A signed mempool delta: "+0.0001 BTC", "−0.00029 BTC", "0 BTC". */
const signedBtc = (sat: string) => {
  const negative = sat.startsWith('-');
  const magnitude = negative ? sat.slice(1) : sat;
  return `${negative ? '−' : magnitude === '0' ? '' : '+'}${btc(magnitude)}`;
};

/** A rate string from the API ("0.100000000000000000") as an exact percent: "10 %" (as sent if it is not a decimal fraction). */
export const ratePercent = (rate: string) => {
  try {
    return `${toDecimalString(parseRate(rate), 16)} %`;
  } catch {
    return rate;
  }
};

/** Blocks with the 10-minute-block estimate of their duration: "28790 blocks (~200 days)". */
const blocksWithDays = (blocks: number | null, seconds: number | null) => {
  if (blocks === null) return '—';
  if (seconds === null) return `${blocks} blocks`;
  const days = seconds / DAY_SECONDS;
  return `${blocks} blocks (~${days >= 10 ? Math.round(days) : days.toFixed(1).replace(/\.0$/, '')} days)`;
};

const SOURCE = { 'babylon-api': 'Babylon API', bitcoin: 'Bitcoin only' } as const;

function walletNamer(wallets: Wallet[]) {
  return (id: number) => {
    const wallet = wallets.find((item) => item.id === id);
    return { name: wallet ? (wallet.label ?? shortAddress(wallet.address)) : `wallet ${id}`, address: wallet?.address };
  };
}

/** Bitcoin addresses and Babylon stakes at the latest Bitcoin snapshot. */
export function BitcoinRows({ bitcoin, wallets }: { bitcoin: BitcoinPortfolio; wallets: Wallet[] }) {
  if (bitcoin.addresses.length === 0 && bitcoin.delegations.length === 0) return null;
  const walletOf = walletNamer(wallets);
  return (
    <>
      {bitcoin.addresses.length > 0 && <BitcoinAddresses rows={bitcoin.addresses} walletOf={walletOf} tipHeight={bitcoin.tipHeight} />}
      {bitcoin.delegations.length > 0 && <BabylonDelegations rows={bitcoin.delegations} walletOf={walletOf} />}
    </>
  );
}

type WalletOf = ReturnType<typeof walletNamer>;

function BitcoinAddresses({ rows, walletOf, tipHeight }: { rows: BitcoinAddressDto[]; walletOf: WalletOf; tipHeight: string | null }) {
  return (
    <section className="card" aria-labelledby="bitcoin-addresses-title">
      <h2 id="bitcoin-addresses-title">Bitcoin addresses</h2>
      <table className="table" data-testid="bitcoin-addresses">
        <thead>
          <tr>
            <th>Wallet</th><th>Address</th><th className="num">Confirmed</th><th className="num">Unconfirmed (mempool)</th>
            <th className="num">Transactions</th><th>Staking history</th><th>Rejected tagged txs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const wallet = walletOf(row.walletId);
            return (
              <tr key={row.walletId} data-testid={`btc-address-${wallet.address ?? row.walletId}`}>
                <td>{wallet.name}</td>
                <td className="mono" title={wallet.address}>{wallet.address ? shortAddress(wallet.address) : '—'}</td>
                <td className="num mono" data-testid="btc-confirmed" title={btcExact(row.confirmedSat)}>{btc(row.confirmedSat)}</td>
                <td className="num mono" data-testid="btc-unconfirmed" title={`${row.mempoolTxCount} mempool transaction(s); not counted in the balance`}>{signedBtc(row.unconfirmedSat)}</td>
                <td className="num mono">{row.txCount}{row.mempoolTxCount > 0 && <span className="muted"> + {row.mempoolTxCount} pending</span>}</td>
                <td className="small" data-testid="btc-history" title={row.stakerPks.length ? `Staker keys: ${row.stakerPks.join(', ')}` : undefined}>
                  history scanned {row.historyScanned} txs ({row.historyComplete ? 'complete' : 'partial'})
                </td>
                <td className="small" data-testid="btc-rejected" title={row.rejectedTxs.map((tx) => `${tx.txid}: ${tx.reason}`).join('\n') || undefined}>
                  {row.rejectedTxs.length === 0 ? <span className="muted">none</span> : <span className="warn-text">{row.rejectedTxs.length} rejected</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        The balance is the confirmed one{tipHeight && <> at block <span className="mono">{tipHeight}</span></>}; mempool changes are shown apart. The history is scanned for Babylon phase-1 staking
        transactions; tagged ones that are not valid stakes are rejected (reasons on hover).
      </p>
    </section>
  );
}

function Provider({ fp }: { fp: FinalityProviderRef }) {
  const title = `${fp.btcPk}${fp.commission ? `\ncommission ${ratePercent(fp.commission)}` : ''}`;
  return (
    <div title={title}>
      {fp.moniker ?? <span className="mono">{shortAddress(fp.btcPk)}</span>}{' '}
      <span className={`badge fp-${fp.status}`} data-testid="fp-status">{fp.status}</span>
    </div>
  );
}

function BabylonDelegations({ rows, walletOf }: { rows: BabylonDelegationDto[]; walletOf: WalletOf }) {
  return (
    <section className="card" aria-labelledby="babylon-delegations-title">
      <h2 id="babylon-delegations-title">Babylon BTC stakes</h2>
      <table className="table" data-testid="babylon-delegations">
        <thead>
          <tr>
            <th>Wallet</th><th>Staking tx</th><th className="num">Amount</th><th>Finality provider</th><th>State</th><th>Phase</th>
            <th className="num">Staking time left</th><th className="num">Unbonding</th><th className="num">Slashable</th><th>Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) => {
            const wallet = walletOf(row.walletId);
            const cells = (
              <tr key={row.stakingTxHash} data-testid={`delegation-${row.stakingTxHash}`}>
                <td title={wallet.address}>{wallet.name}</td>
                <td className="mono nowrap" title={`${row.stakingTxHash}\nstaker key ${row.stakerPk}`}>{shortAddress(row.stakingTxHash)}</td>
                <td className="num mono" data-testid="delegation-amount" title={btcExact(row.amountSat)}>{btc(row.amountSat)}</td>
                <td>{row.finalityProviders.map((fp) => <Provider key={fp.btcPk} fp={fp} />)}</td>
                <td className="mono small">{row.state}{row.slashed && <> <span className="badge fp-slashed">slashed</span></>}</td>
                <td data-testid="delegation-phase">{row.phase}</td>
                <td className="num mono" data-testid="staking-left" title={row.endHeight === null ? undefined : `timelock ends at block ${row.endHeight}`}>{blocksWithDays(row.stakingBlocksLeft, row.stakingSecondsLeft)}</td>
                <td className="num mono" data-testid="unbonding">{blocksWithDays(row.unbondingBlocks, row.unbondingSeconds)}</td>
                <td className="num mono" data-testid="delegation-slashable" title={row.slashableSat === null ? 'Cannot be slashed now' : `${btcExact(row.slashableSat)} (rounded up)`}>
                  {row.slashableSat === null || row.slashingRate === null ? '—' : `${btc(row.slashableSat)} at ${ratePercent(row.slashingRate)}`}
                </td>
                <td className="small" data-testid="delegation-source" title={row.onBitcoin ? 'Staking transaction found in the wallet history' : 'Staking transaction not found in the scanned wallet history'}>{SOURCE[row.source]}</td>
              </tr>
            );
            if (row.state !== 'BITCOIN_ONLY') return [cells];
            return [
              cells,
              <tr key={`${row.stakingTxHash}-note`} data-testid={`delegation-note-${row.stakingTxHash}`}>
                <td colSpan={10} className="muted small">
                  Found on Bitcoin; not listed by the Babylon staking API. Amount, provider and timelock are read from the staking transaction; its Babylon state,
                  rewards and slashing are unknown.
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
      <p className="muted small">
        Times left are estimates at 10 minutes a block. Slashable is what a double-signing finality provider would take at the slashing rate of the stake's parameters
        (rounded up); a stake the covenant has not signed for, or that is withdrawn, cannot be slashed.
      </p>
    </section>
  );
}
