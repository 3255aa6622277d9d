/**
 * The `report --json` document (schema in docs/report-json.md). Built from the stored
 * portfolio only, so it works offline and says when each figure was true.
 */
import { toDecimalString } from '../../../shared/domain/amount';
import type { Portfolio } from '../../../shared/ipc/schemas';

export const REPORT_SCHEMA_VERSION = 1;

export function buildReport(portfolio: Portfolio, generatedAt: number) {
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
      };
    }),
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
  };
}

export type Report = ReturnType<typeof buildReport>;
