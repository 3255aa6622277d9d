import type { AssetYield, PositionYield } from '../../../../shared/ipc/yield-schemas';
import type { Wallet } from '../../../../shared/ipc/schemas';
import { exactRaw, formatDateTime, formatPercent, formatRaw, formatUsdCents, shortAddress } from '../../format';
import { YieldFigure } from './YieldFigure';
import { isBabylonRow, stakingTxHashOf } from '../../../../shared/domain/bitcoin/row-keys';

interface Props {
  positions: PositionYield[];
  assets: AssetYield[];
  wallets: Wallet[];
  windowDays: number;
}

const SOURCE_LABEL: Partial<Record<PositionYield['source'], string>> = { eigenlayer: 'EigenLayer', babylon: 'Babylon' };

/**
 * The network whose snapshots a position's rate is stored with: Solana's own, Ethereum's for
 * every EVM chain; Bitcoin positions have no measured rate (Babylon's APR is published, not measured).
 */
const rateNetwork = (position: PositionYield): AssetYield['network'] | null =>
  position.chain === 'solana' ? 'solana' : position.chain === 'bitcoin' ? null : 'ethereum';

/** What tells a wallet's rows apart: the symbol, or the staking tx for a Babylon stake (several stakes are all BTC). */
const rowKey = (position: PositionYield) =>
  position.source === 'babylon' && isBabylonRow(position.tokenAddress) ? stakingTxHashOf(position.tokenAddress!) : position.symbol;

/** Per position: base, premium and blended yield over the window, and where they came from. */
export function YieldTable({ positions, assets, wallets, windowDays }: Props) {
  return (
    <table className="table" data-testid="yield-table">
      <thead>
        <tr>
          <th>Wallet</th><th>Position</th><th className="num">Value</th><th className="num">Base</th><th className="num">Premium</th>
          <th className="num">Blended</th><th className="num">Income / year</th><th className="num" title="As the protocol publishes it (Babylon: an APR, paid in its reward token)">Published APY</th><th>Measured from</th>
        </tr>
      </thead>
      <tbody>
        {positions.map((position, index) => {
          const parts = position.windows.find((window) => window.windowDays === windowDays)!;
          const wallet = wallets.find((item) => item.id === position.walletId);
          const asset = assets.find((item) => item.rateSymbol === position.rateSymbol && item.windowDays === windowDays && item.network === rateNetwork(position));
          const id = `${position.source}-${position.chain}-${rowKey(position)}-${position.walletId}`;
          return (
            <tr key={`${id}-${index}`} data-testid={`yield-row-${id}`}>
              <td title={wallet?.address}>{wallet?.label ?? wallet?.ensName ?? shortAddress(wallet?.address ?? '')}</td>
              <td>
                {position.symbol} <span className="muted small">{SOURCE_LABEL[position.source] ?? position.chain}</span>
              </td>
              <td className="num mono" title={position.underlyingValue ? exactRaw(position.underlyingValue, position.underlyingDecimals) : undefined}>
                {position.underlyingValue ? `${formatRaw(position.underlyingValue, position.underlyingDecimals)} ${position.underlying}` : '—'}
              </td>
              <td className="num"><YieldFigure figure={parts.base} testId={`base-${id}`} /></td>
              <td className="num"><YieldFigure figure={parts.premium} signed testId={`premium-${id}`} /></td>
              <td className="num strong"><YieldFigure figure={parts.blended} testId={`blended-${id}`} /></td>
              <td className="num mono">
                {parts.incomeUnderlying ? `${position.rewardToken ? '≈ ' : ''}${formatRaw(parts.incomeUnderlying, position.underlyingDecimals)} ${position.underlying}` : '—'}
                {parts.incomeUnderlying && position.rewardToken && <div className="muted small">worth, paid in {position.rewardToken}</div>}
                {parts.incomeUsdCents && <div className="muted small">{formatUsdCents(parts.incomeUsdCents)}</div>}
              </td>
              <td className="num" data-testid={`advertised-${id}`}>
                {position.advertised ? (
                  <span title={`Published by ${position.advertised.source}\n${formatDateTime(position.advertised.at * 1000)}${position.rewardToken ? `\npaid in ${position.rewardToken}` : ''}`}>
                    {formatPercent(position.advertised.apy)}{position.rewardToken && ` (${position.rewardToken})`}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="muted small">{measuredFrom(position, asset)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function measuredFrom(position: PositionYield, asset: AssetYield | undefined) {
  if (position.kind === 'idle') return 'held as is, earns nothing';
  if (!asset?.from || !asset.to) return position.note ?? '—';
  const how = asset.from.origin === 'archive' ? 'eth_call at the past block' : 'rate stored by a refresh';
  const unit = asset.network === 'solana' ? 'slots' : 'blocks';
  return (
    <span title={`${asset.from.source}\n${formatDateTime(asset.from.blockTime * 1000)} → ${formatDateTime(asset.to.blockTime * 1000)}`}>
      {asset.rateSymbol} {unit} {asset.from.blockNumber}→{asset.to.blockNumber}, {asset.days?.toFixed(1)} d ({how})
      {position.note && <div>{position.note}</div>}
    </span>
  );
}
