/** The `risk` section of `report --json` (docs/report-json.md): amounts as exact decimal strings, shares as fractions, times as ISO. */
import { UNDERLYING_DECIMALS } from '../../../shared/domain/position-valuation';
import { toDecimalString } from '../../../shared/domain/amount';
import type { RiskReport } from '../../../shared/ipc/risk-schemas';

const share = (ppm: number | null) => (ppm === null ? null : toDecimalString(BigInt(ppm), 6));
const usd = (cents: string | null) => (cents === null ? null : toDecimalString(BigInt(cents), 2));
const iso = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000).toISOString());

export function reportRisk(risk: RiskReport, walletAddress: (id: number) => string | null) {
  return {
    asOf: risk.asOf && { block: risk.asOf.blockNumber, timestamp: iso(risk.asOf.blockTime), fetchedAt: new Date(risk.asOf.fetchedAt).toISOString() },
    protocols: risk.cards.map((card) => ({
      protocol: card.protocol,
      usd: usd(card.usdCents),
      shareOfPortfolio: share(card.sharePpm),
      weakestControl: card.weakest,
      contracts: card.contracts.map((contract) => ({
        name: contract.name,
        role: contract.role,
        address: contract.address,
        source: contract.source,
        read: contract.read && { ...contract.read, fetchedAt: new Date(contract.read.fetchedAt).toISOString() },
      })),
      audits: card.audits,
      incidents: card.incidents,
      notes: card.notes,
      auditRecord: card.covered,
    })),
    positions: risk.positions.map((position) => ({
      id: position.id,
      wallet: walletAddress(position.walletId),
      chain: position.chain,
      symbol: position.symbol,
      protocols: position.protocols,
      usd: usd(position.usdCents),
      protocolShareOfPortfolio: share(position.protocolSharePpm),
      weakestControl: position.weakest?.line ?? null,
      audits: position.audits,
      incidents: position.incidents,
      slashable: position.slashable === null || position.underlying === null ? null : toDecimalString(BigInt(position.slashable), UNDERLYING_DECIMALS[position.underlying]),
      underlying: position.underlying,
      operators: position.operators,
      avss: position.avss,
      sharesRiskWith: position.sharesRiskWith,
      flags: position.flags,
    })),
    exits: risk.exits.map((exit) => {
      const unit = (raw: string | null) => (raw === null ? null : toDecimalString(BigInt(raw), exit.underlyingDecimals));
      return {
        positionId: exit.positionId,
        wallet: walletAddress(exit.walletId),
        chain: exit.chain,
        symbol: exit.symbol,
        amount: toDecimalString(BigInt(exit.rawAmount), exit.decimals),
        underlying: exit.underlying,
        redeem: { route: exit.redeem.route, text: exit.redeem.text, contract: exit.redeem.contract, wait: exit.redeem.wait, receive: unit(exit.redeem.receive) },
        sellAtMarket: { receive: unit(exit.market.receive), premiumToNav: exit.market.premium },
        sellOnDex: exit.dex && { ...exit.dex, receive: unit(exit.dex.receive), priceImpact: share(exit.dex.priceImpactPpm) },
        costOfExitingNow: { underlying: unit(exit.costNow.underlying), usd: usd(exit.costNow.usdCents), basis: exit.costNow.basis },
        note: exit.note,
      };
    }),
    pendingWithdrawals: risk.pendingWithdrawals.map((row) => ({
      id: row.id,
      wallet: walletAddress(row.walletId),
      source: row.source,
      label: row.label,
      amount: toDecimalString(BigInt(row.amount), row.decimals),
      symbol: row.symbol,
      completableAt: row.completableAt,
      completesAtEstimate: iso(row.completesAt),
      status: row.status,
      basis: row.basis,
    })),
    alerts: risk.alerts.map((alert) => ({ ...alert, detectedAt: new Date(alert.detectedAt).toISOString() })),
  };
}
