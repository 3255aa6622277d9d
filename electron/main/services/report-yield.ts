/** The `yield` section of `report --json` (docs/report-json.md): ratios as numbers, money as strings. */
import { toDecimalString } from '../../../shared/domain/amount';
import type { Wallet } from '../../../shared/ipc/schemas';
import type { YieldFigureDto, YieldReport } from '../../../shared/ipc/yield-schemas';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const figure = (value: YieldFigureDto) => (value.ok ? { value: value.value, missing: null } : { value: null, missing: value.reason });
const sample = (ref: YieldReport['assets'][number]['from']) => (ref ? { block: ref.blockNumber, timestamp: iso(ref.blockTime), origin: ref.origin, source: ref.source } : null);

export function reportYield(report: YieldReport, wallets: readonly Wallet[]) {
  return {
    reference: report.reference,
    asOf: report.asOf ? { block: report.asOf.blockNumber, timestamp: iso(report.asOf.blockTime) } : null,
    assets: report.assets.map((asset) => ({
      rate: asset.rateSymbol,
      windowDays: asset.windowDays,
      yield: figure(asset.figure),
      from: sample(asset.from),
      to: sample(asset.to),
      days: asset.days,
    })),
    positions: report.positions.map((position) => ({
      source: position.source,
      wallet: wallets.find((wallet) => wallet.id === position.walletId)?.address ?? null,
      chain: position.chain,
      symbol: position.symbol,
      tokenAddress: position.tokenAddress,
      kind: position.kind,
      rate: position.rateSymbol,
      note: position.note,
      published: position.advertised ? { apy: position.advertised.apy, at: new Date(position.advertised.at * 1000).toISOString(), source: position.advertised.source } : null,
      rewardToken: position.rewardToken ?? null,
      windows: position.windows.map((window) => ({
        windowDays: window.windowDays,
        base: figure(window.base),
        premium: figure(window.premium),
        blended: figure(window.blended),
        incomePerYear: window.incomeUnderlying === null ? null : toDecimalString(BigInt(window.incomeUnderlying), position.underlyingDecimals),
        incomePerYearUsd: window.incomeUsdCents === null ? null : toDecimalString(BigInt(window.incomeUsdCents), 2),
      })),
    })),
    portfolio: report.portfolio.map((item) => ({
      windowDays: item.windowDays,
      base: item.base,
      premium: item.premium,
      blended: item.blended,
      weightUsd: toDecimalString(BigInt(item.weightUsdCents), 2),
      excluded: item.excluded,
      incomePerYearUsd: item.incomeUsdCents === null ? null : toDecimalString(BigInt(item.incomeUsdCents), 2),
      incomePerYear: item.income.map((income) => ({ underlying: income.underlying, amount: toDecimalString(BigInt(income.raw), income.decimals) })),
    })),
  };
}
