/**
 * The columns of each export (documented in docs/export.md; keep the two in step). Amounts
 * are exact decimal strings of the stored integers, USD with two decimals, times ISO 8601 UTC,
 * ratios (premium, yield) plain numbers. An empty cell (JSON null) means "not known", never 0.
 */
import { toDecimalString } from '../../../shared/domain/amount';
import type { CsvColumn } from '../../../shared/domain/csv';
import type { ExposureReport } from '../../../shared/ipc/exposure-schemas';
import type { TimelinePoint } from '../../../shared/ipc/history-schemas';
import type { Position, RateFigureDto, Wallet } from '../../../shared/ipc/schemas';

export const iso = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000).toISOString());
const decimal = (raw: string | null, decimals: number) => (raw === null ? null : toDecimalString(BigInt(raw), decimals));

/** USD cents as dollars with exactly two decimals ("-12.05"). */
export function usd(cents: string | null): string | null {
  if (cents === null) return null;
  const value = BigInt(cents);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const rate = (figure: RateFigureDto | undefined) => (figure?.ok ? toDecimalString(BigInt(figure.value), figure.decimals) : null);
const missing = (figure: RateFigureDto | undefined) => (figure && !figure.ok ? figure.reason : null);

export interface PositionRow {
  position: Position;
  wallet: Wallet | undefined;
  /** ETH wei slashable through the position (LRT look-through), null when not in the exposure graph. */
  slashable: bigint | null;
}

const text = <Row>(name: string, value: (row: Row) => string | null): CsvColumn<Row> => ({ name, kind: 'text', value });
const num = <Row>(name: string, value: (row: Row) => string | number | null): CsvColumn<Row> => ({ name, kind: 'number', value });
const time = <Row>(name: string, value: (row: Row) => number | null): CsvColumn<Row> => ({ name, kind: 'time', value: (row) => iso(value(row)) });

export const POSITION_COLUMNS: CsvColumn<PositionRow>[] = [
  text('wallet', (row) => row.wallet?.address ?? null),
  text('walletLabel', (row) => row.wallet?.label ?? null),
  text('network', (row) => row.position.chain),
  text('tokenAddress', (row) => row.position.tokenAddress),
  text('symbol', (row) => row.position.symbol),
  text('kind', (row) => row.position.valuation?.kind ?? null),
  text('protocol', (row) => row.position.valuation?.protocol ?? null),
  num('decimals', (row) => row.position.decimals),
  num('rawAmount', (row) => row.position.rawAmount),
  num('amount', (row) => decimal(row.position.rawAmount, row.position.decimals)),
  text('error', (row) => row.position.error),
  num('block', (row) => row.position.blockNumber),
  time('blockTime', (row) => row.position.blockTime),
  text('underlying', (row) => row.position.valuation?.underlying ?? null),
  num('nav', (row) => rate(row.position.valuation?.nav)),
  text('navMissing', (row) => missing(row.position.valuation?.nav)),
  num('marketPrice', (row) => rate(row.position.valuation?.market)),
  num('usdPrice', (row) => rate(row.position.valuation?.usd)),
  text('usdPriceMissing', (row) => missing(row.position.valuation?.usd)),
  num('underlyingValue', (row) => (row.position.valuation ? decimal(row.position.valuation.underlyingValue, row.position.valuation.underlyingDecimals) : null)),
  num('usd', (row) => usd(row.position.valuation?.usdCents ?? null)),
  num('premiumToNav', (row) => row.position.valuation?.premium ?? null),
  num('slashableEth', (row) => (row.slashable === null ? null : toDecimalString(row.slashable, 18))),
  num('ratesBlock', (row) => row.position.valuation?.ratesBlock ?? null),
  time('ratesTime', (row) => row.position.valuation?.ratesTime ?? null),
];

const underlyingOf = (point: TimelinePoint, underlying: 'ETH' | 'BTC' | 'SOL') => {
  const sum = point.byUnderlying.find((item) => item.underlying === underlying);
  return sum ? toDecimalString(BigInt(sum.value), sum.decimals) : null;
};

export const HISTORY_COLUMNS: CsvColumn<TimelinePoint>[] = [
  time('time', (point) => point.time),
  text('snapshots', (point) => point.snapshots.map((ref) => `${ref.network}:${ref.id}@${ref.blockNumber}`).join(';')),
  num('usd', (point) => usd(point.usdCents)),
  num('unvalued', (point) => point.unvalued),
  num('eth', (point) => underlyingOf(point, 'ETH')),
  num('btc', (point) => underlyingOf(point, 'BTC')),
  num('sol', (point) => underlyingOf(point, 'SOL')),
  num('slashableEth', (point) => (point.slashable ? toDecimalString(BigInt(point.slashable.amount), 18) : null)),
  num('slashableUsd', (point) => usd(point.slashable?.usdCents ?? null)),
  num('yieldSincePrevious', (point) => point.yieldSincePrevious?.figure.value ?? null),
  text('yieldMissing', (point) => point.yieldSincePrevious?.figure.reason ?? null),
  num('yieldSeconds', (point) => point.yieldSincePrevious?.seconds ?? null),
];

export interface ExposureRow {
  report: ExposureReport;
  position: ExposureReport['positions'][number];
  wallet: Wallet | undefined;
  /** One operator set that can slash the position; absent for a position nothing can slash. */
  exposure: ExposureReport['exposures'][number] | null;
}

const nameOf = (report: ExposureReport, kind: 'operator' | 'avs', address: string | undefined) =>
  address === undefined ? null : (report.names.find((entry) => entry.kind === kind && entry.address.toLowerCase() === address.toLowerCase())?.name ?? null);
const eth = (raw: string | null | undefined) => (raw === null || raw === undefined ? null : toDecimalString(BigInt(raw), 18));

export const EXPOSURE_COLUMNS: CsvColumn<ExposureRow>[] = [
  num('asOfBlock', (row) => row.report.asOf?.blockNumber ?? null),
  time('asOfTime', (row) => row.report.asOf?.blockTime ?? null),
  text('positionId', (row) => row.position.id),
  text('wallet', (row) => row.wallet?.address ?? null),
  text('walletLabel', (row) => row.wallet?.label ?? null),
  text('position', (row) => row.position.label),
  text('source', (row) => row.position.source),
  num('restakedEth', (row) => eth(row.position.restaked)),
  num('positionSlashableEth', (row) => eth(row.position.slashable)),
  text('operator', (row) => row.exposure?.operator ?? null),
  text('operatorName', (row) => nameOf(row.report, 'operator', row.exposure?.operator)),
  text('avs', (row) => row.exposure?.avs ?? null),
  text('avsName', (row) => nameOf(row.report, 'avs', row.exposure?.avs)),
  num('setId', (row) => row.exposure?.setId ?? null),
  text('strategy', (row) => row.exposure?.strategy ?? null),
  num('slashableEth', (row) => eth(row.exposure?.amount)),
  num('slashableUsd', (row) => usd(row.exposure?.usdCents ?? null)),
  num('pendingSlashableEth', (row) => eth(row.exposure?.pendingAmount)),
  num('effectBlock', (row) => row.exposure?.effectBlock ?? null),
  text('note', (row) => row.position.note),
];
