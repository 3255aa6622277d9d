/** The `exposure` section of `report --json` (docs/report-json.md): amounts as exact ETH decimal strings. */
import { toDecimalString } from '../../../shared/domain/amount';
import type { ExposureReport } from '../../../shared/ipc/exposure-schemas';
import { btc } from './report-bitcoin';

const eth = (wei: string) => toDecimalString(BigInt(wei), 18);
const usd = (cents: string | null) => (cents === null ? null : toDecimalString(BigInt(cents), 2));

export function reportExposure(report: ExposureReport) {
  const total = (item: ExposureReport['byAvs'][number]) => ({ address: item.key, slashableEth: eth(item.amount), usd: usd(item.usdCents), shareOfPortfolio: item.share });
  return {
    asOf: report.asOf ? { block: report.asOf.blockNumber, timestamp: new Date(report.asOf.blockTime * 1000).toISOString() } : null,
    positions: report.positions.map((position) => ({
      id: position.id,
      source: position.source,
      label: position.label,
      restakedEth: eth(position.restaked),
      slashableEth: eth(position.slashable),
      note: position.note,
    })),
    graph: report.exposures.map((row) => ({
      position: row.positionId,
      operator: row.operator,
      avs: row.avs,
      operatorSet: row.setId,
      strategy: row.strategy,
      slashableEth: eth(row.amount),
      usd: usd(row.usdCents),
      pendingEth: row.pendingAmount === null ? null : eth(row.pendingAmount),
      pendingEffectBlock: row.effectBlock,
    })),
    byAvs: report.byAvs.map(total),
    byOperator: report.byOperator.map(total),
    concentration: { hhiAvs: report.concentration.hhiAvs, largestAvs: report.concentration.largestAvs && total(report.concentration.largestAvs), largestOperator: report.concentration.largestOperator && total(report.concentration.largestOperator) },
    worstCases: report.worstCases.map((item) => ({ kind: item.kind, target: item.target, lossEthIfFullySlashed: eth(item.loss), usd: usd(item.usdCents) })),
    slashedBefore: report.slashedBefore,
    alerts: report.alerts,
    jito: {
      slashingLive: report.jito.slashingLive,
      statement: report.jito.statement,
      source: report.jito.source,
      asOf: report.jito.asOf ? { slot: report.jito.asOf.slot, timestamp: new Date(report.jito.asOf.blockTime * 1000).toISOString() } : null,
      vaults: report.jito.vaults.map((vault) => ({
        vault: vault.vault,
        vrt: vault.vrtSymbol,
        heldSol: vault.heldValue === null ? null : toDecimalString(BigInt(vault.heldValue), 9),
        operators: vault.operators.map((operator) => ({ operator: operator.address, stakedRaw: operator.stakedAmount })),
        ncns: vault.ncns,
      })),
    },
    babylon: {
      statement: report.babylon.statement,
      source: report.babylon.source,
      asOf: report.babylon.asOf ? { tipHeight: report.babylon.asOf.tipHeight, fetchedAt: new Date(report.babylon.asOf.fetchedAt).toISOString() } : null,
      finalityProviders: report.babylon.providers.map((fp) => ({
        btcPk: fp.btcPk,
        moniker: fp.moniker,
        status: fp.status,
        slashingRates: fp.slashingRates,
        stakedBtc: btc(fp.stakedSat),
        slashableBtc: btc(fp.slashableSat),
        usd: usd(fp.slashableUsdCents),
        positions: fp.positions,
      })),
      issuerReported: report.babylon.issuerReported.map(({ heldValueSat, ...item }) => ({ ...item, heldBtc: heldValueSat === null ? null : btc(heldValueSat) })),
    },
  };
}
