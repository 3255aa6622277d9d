import type { Compare, ComparePosition } from '../../../../shared/ipc/history-schemas';
import { NETWORKS } from '../../../../shared/registry/networks';
import { formatPercent, formatRaw, shortAddress } from '../../format';
import { AmountText, EffectCell, MeasuredText, RateText, UsdText, signedUsd } from './cells';

const STATUS = { held: '', appeared: 'new', disappeared: 'gone', unread: 'read failed' } as const;
export const compareRowId = (position: ComparePosition) => `${position.network}-${position.symbol}-${position.walletId}`;

function Row({ position }: { position: ComparePosition }) {
  const id = compareRowId(position);
  const { before, after, change } = position;
  const premium = after.premium ?? before.premium;
  return (
    <tr data-testid={`compare-${id}`}>
      <td>{position.walletLabel ?? (position.walletAddress ? shortAddress(position.walletAddress) : `#${position.walletId}`)}</td>
      <td>{NETWORKS[position.network].name}</td>
      <td>
        {position.symbol} {STATUS[position.status] && <span className="badge">{STATUS[position.status]}</span>}
      </td>
      <td className="num mono" data-testid={`amount-${id}`}>
        <AmountText raw={before.rawAmount} decimals={position.decimals} error={before.error} /> → <AmountText raw={after.rawAmount} decimals={position.decimals} error={after.error} />
      </td>
      <td className="num mono" data-testid={`nav-${id}`}>
        <RateText figure={before.nav} /> → <RateText figure={after.nav} />
      </td>
      <td className="num mono" data-testid={`usd-${id}`}>
        <UsdText cents={before.usdCents} reason={before.usd.ok ? 'no NAV' : before.usd.reason} /> → <UsdText cents={after.usdCents} reason={after.usd.ok ? 'no NAV' : after.usd.reason} />
      </td>
      <EffectCell effect={change.total} testId={`total-${id}`} />
      <EffectCell effect={change.balance} testId={`balance-${id}`} />
      <EffectCell effect={change.rate} testId={`rate-${id}`} />
      <EffectCell effect={change.price} testId={`price-${id}`} />
      <td className="num" data-testid={`yield-${id}`}>
        <MeasuredText {...position.realizedYield} />
      </td>
      <td className="num mono">{premium === null ? '—' : formatPercent(premium, true)}</td>
      <td className="num mono">{after.slashable === null ? '—' : formatRaw(after.slashable, 18, { maxFractionDigits: 4 })}</td>
    </tr>
  );
}

/** Per position: before → after, and the USD change split into balance, rate (NAV) and price effects (computed in main). */
export function CompareTable({ compare }: { compare: Compare }) {
  const { totals } = compare;
  const total = (sum: { usdCents: string; missing: number }) => `${signedUsd(sum.usdCents)}${sum.missing ? ` (${sum.missing} n/a)` : ''}`;
  if (compare.positions.length === 0) return <p className="muted">Nothing held at either time.</p>;
  return (
    <table className="table positions" data-testid="compare-table">
      <thead>
        <tr>
          <th>Wallet</th>
          <th>Network</th>
          <th>Asset</th>
          <th className="num">Amount</th>
          <th className="num">NAV</th>
          <th className="num">USD value</th>
          <th className="num">Change</th>
          <th className="num" title="(amount after − before) × NAV before × price before">Balance</th>
          <th className="num" title="amount after × (NAV after − before) × price before">Rate (NAV)</th>
          <th className="num" title="amount after × NAV after × (price after − before)">Price</th>
          <th className="num" title="Annualized growth of the NAV between its two reads">Realized yield</th>
          <th className="num">Premium to NAV</th>
          <th className="num">Slashable after (ETH)</th>
        </tr>
      </thead>
      <tbody>
        {compare.positions.map((position) => <Row key={position.key} position={position} />)}
      </tbody>
      <tfoot>
        <tr data-testid="compare-totals">
          <th colSpan={6}>Total</th>
          <td className="num mono" data-testid="totals-total">{total(totals.total)}</td>
          <td className="num mono" data-testid="totals-balance">{total(totals.balance)}</td>
          <td className="num mono" data-testid="totals-rate">{total(totals.rate)}</td>
          <td className="num mono" data-testid="totals-price">{total(totals.price)}</td>
          <td colSpan={3} />
        </tr>
      </tfoot>
    </table>
  );
}
