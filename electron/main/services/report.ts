/**
 * The `report --json` document (schema in docs/report-json.md). Built from the stored
 * portfolio only, so it works offline and says when each figure was true.
 */
import { toDecimalString } from '../../../shared/domain/amount';
import type { Portfolio, RateFigureDto, Valuation } from '../../../shared/ipc/schemas';
import type { YieldReport } from '../../../shared/ipc/yield-schemas';
import { reportYield } from './report-yield';
import { reportExposure } from './report-exposure';
import { reportBitcoin } from './report-bitcoin';
import type { ExposureReport } from '../../../shared/ipc/exposure-schemas';
import type { RiskReport } from '../../../shared/ipc/risk-schemas';
import { reportRisk } from './report-risk';

export const REPORT_SCHEMA_VERSION = 1;

export function buildReport(portfolio: Portfolio, yields: YieldReport, exposure: ExposureReport, risk: RiskReport, generatedAt: number) {
  const wallets = new Map(portfolio.wallets.map((wallet) => [wallet.id, wallet]));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date(generatedAt).toISOString(),
    wallets: portfolio.wallets.map((wallet) => ({
      id: wallet.id,
      kind: wallet.kind,
      address: wallet.address,
      label: wallet.label,
      ensName: wallet.ensName,
    })),
    chains: portfolio.chains.map((chain) => ({
      chain: chain.chain,
      blockNumber: chain.snapshot?.blockNumber ?? null,
      timestamp: chain.snapshot ? new Date(chain.snapshot.blockTime * 1000).toISOString() : null,
      fetchedAt: chain.snapshot ? new Date(chain.snapshot.fetchedAt).toISOString() : null,
      stale: chain.lastError !== null,
      error: chain.lastError?.message ?? null,
    })),
    positions: portfolio.positions.map((position) => {
      const wallet = wallets.get(position.walletId);
      return {
        chain: position.chain,
        wallet: wallet?.address ?? null,
        walletLabel: wallet?.label ?? null,
        tokenAddress: position.tokenAddress,
        symbol: position.symbol,
        decimals: position.decimals,
        rawAmount: position.rawAmount,
        amount: position.rawAmount === null ? null : toDecimalString(BigInt(position.rawAmount), position.decimals),
        error: position.error,
        block: position.blockNumber,
        timestamp: new Date(position.blockTime * 1000).toISOString(),
        source: position.source,
        valuation: reportValuation(position.valuation),
      };
    }),
    valueTotals: portfolio.valueTotals.map((total) => ({
      by: total.by,
      key: total.key,
      underlying: total.underlying,
      value: toDecimalString(BigInt(total.underlyingValue), total.underlyingDecimals),
      usd: total.usdCents === null ? null : toDecimalString(BigInt(total.usdCents), 2),
      positions: total.positions,
      unvalued: total.unvalued,
    })),
    eigenlayer: portfolio.eigenlayer.map((row) => ({
      wallet: wallets.get(row.walletId)?.address ?? null,
      kind: row.kind,
      operator: row.operator,
      strategy: row.strategy,
      asset: row.assetSymbol,
      assetToken: row.assetToken,
      decimals: row.assetDecimals,
      depositShares: row.depositShares,
      withdrawableShares: row.withdrawableShares,
      depositUnderlying: row.depositUnderlying,
      withdrawableUnderlying: row.withdrawableUnderlying,
      pod: row.pod,
      slashingFactor: row.slashingFactor,
      startBlock: row.startBlock,
      completableBlock: row.completableBlock,
      completableAtEstimate: row.completableAtEstimate === null ? null : new Date(row.completableAtEstimate * 1000).toISOString(),
      error: row.error,
      block: row.blockNumber,
      timestamp: new Date(row.blockTime * 1000).toISOString(),
      source: row.source,
    })),
    solanaStakeAccounts: portfolio.stakeAccounts.map((account) => ({
      wallet: wallets.get(account.walletId)?.address ?? null,
      account: account.pubkey,
      state: account.state,
      epoch: account.epoch,
      balanceSol: toDecimalString(BigInt(account.lamports), 9),
      delegatedSol: account.delegatedStake === null ? null : toDecimalString(BigInt(account.delegatedStake), 9),
      voteAccount: account.voter,
      activationEpoch: account.activationEpoch,
      deactivationEpoch: account.deactivationEpoch,
      staker: account.staker,
      withdrawer: account.withdrawer,
    })),
    bitcoin: reportBitcoin(portfolio, (id) => wallets.get(id)?.address ?? null),
    yield: reportYield(yields, portfolio.wallets),
    exposure: reportExposure(exposure),
    risk: reportRisk(risk, (id) => wallets.get(id)?.address ?? null),
  };
}

export type Report = ReturnType<typeof buildReport>;

/** A rate as an exact decimal string with its source, or null with the reason. */
function reportRate(figure: RateFigureDto) {
  return figure.ok
    ? { value: toDecimalString(BigInt(figure.value), figure.decimals), source: figure.source, missing: null }
    : { value: null, source: null, missing: figure.reason };
}

function reportValuation(valuation: Valuation | null) {
  if (!valuation) return null;
  const unit = (raw: string | null) => (raw === null ? null : toDecimalString(BigInt(raw), valuation.underlyingDecimals));
  return {
    protocol: valuation.protocol,
    kind: valuation.kind,
    underlying: valuation.underlying,
    nav: reportRate(valuation.nav),
    market: reportRate(valuation.market),
    usdPrice: reportRate(valuation.usd),
    underlyingValue: unit(valuation.underlyingValue),
    marketValue: unit(valuation.marketValue),
    premiumToNav: valuation.premium,
    usd: valuation.usdCents === null ? null : toDecimalString(BigInt(valuation.usdCents), 2),
    sellVsRedeem: unit(valuation.sellVsRedeem),
    sellVsRedeemUsd: valuation.sellVsRedeemUsdCents === null ? null : toDecimalString(BigInt(valuation.sellVsRedeemUsdCents), 2),
    ratesBlock: valuation.ratesBlock,
    ratesTimestamp: valuation.ratesTime === null ? null : new Date(valuation.ratesTime * 1000).toISOString(),
  };
}
