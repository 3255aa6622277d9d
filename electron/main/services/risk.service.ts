/**
 * The Risk report (issue 11, docs/risk.md), from the database only: the latest Ethereum
 * snapshot's chain reads (upgradeability, DEX quotes, redeem parameters), the registry's audits
 * and exit routes, the portfolio's valuations and the exposure report. Alerts are the ones
 * raised at refresh; dismissing one keeps it, marked.
 */
import { fromJson } from '../../../shared/domain/json-bigint';
import type { UpgradeabilityRead } from '../../../shared/domain/upgradeability';
import { RISK_CONTRACTS } from '../../../shared/registry/risk-contracts';
import { AppFailure } from '../../../shared/result';
import type { RiskAlert, RiskReport } from '../../../shared/ipc/risk-schemas';
import type { AppContext } from './context';
import type { PortfolioService } from './portfolio.service';
import { portfolioUsdCents, type ExposureService } from './exposure.service';
import { buildCards, buildPositionRisks, dependentsOf, type StoredRead } from './risk-cards';
import { buildExits } from './risk-exits';
import { pendingWithdrawals } from './pending-withdrawals';

export function createRiskService(ctx: AppContext, portfolio: PortfolioService, exposure: ExposureService) {
  function alerts(): RiskAlert[] {
    return ctx.repos.risk.alerts().map((row) => {
      const entry = RISK_CONTRACTS.find((item) => item.address.toLowerCase() === row.contract.toLowerCase());
      return {
        id: row.id,
        protocol: entry?.protocol ?? 'unknown',
        contract: row.contract,
        contractName: entry?.name ?? row.contract,
        kind: row.kind,
        message: row.message,
        blockNumber: row.blockNumber,
        detectedAt: row.detectedAt,
        dismissed: row.dismissedAt !== null,
      };
    });
  }

  return {
    get(): RiskReport {
      const current = portfolio.get();
      const report = exposure.get(current);
      const ethereum = current.chains.find((chain) => chain.chain === 'ethereum')?.snapshot ?? null;
      const reads = new Map<string, StoredRead>(
        ethereum ? ctx.repos.risk.reads(ethereum.id).map((row) => [row.address.toLowerCase(), { read: fromJson<UpgradeabilityRead>(row.json), fetchedAt: ethereum.fetchedAt }]) : [],
      );
      const dependents = dependentsOf(current.positions, current.eigenlayer, report);
      const portfolioUsd = portfolioUsdCents(current.positions, report.positions);
      const cards = buildCards(dependents, reads, portfolioUsd);
      const raised = alerts();
      return {
        asOf: ethereum ? { blockNumber: ethereum.blockNumber, blockTime: ethereum.blockTime, fetchedAt: ethereum.fetchedAt } : null,
        portfolioUsdCents: portfolioUsd?.toString() ?? null,
        cards,
        positions: buildPositionRisks(dependents, cards, report, raised),
        exits: buildExits(current, report, ethereum ? ctx.repos.risk.exitReads(ethereum.id) : [], ethereum),
        pendingWithdrawals: pendingWithdrawals(current),
        alerts: raised,
      };
    },
    dismissAlert(id: number): { id: number } {
      if (!ctx.repos.risk.dismiss(id, ctx.now())) throw new AppFailure('NOT_FOUND', `No open risk alert #${id}`);
      ctx.events.emit('data.changed', { what: 'portfolio' });
      return { id };
    },
  };
}

export type RiskService = ReturnType<typeof createRiskService>;
