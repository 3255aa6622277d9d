/**
 * The risk reads of an Ethereum refresh (issue 11, docs/risk.md), at the snapshot's pinned
 * block: the upgradeability of every registry contract of the protocols held, Uniswap v3
 * quotes for the sizes held, and the protocols' redeem parameters. Reads never fail the
 * snapshot: a failed read is stored with its reason. Storing compares each contract's read
 * with its previous one and raises the alerts.
 */
import { EVM_TOKENS } from '../../../shared/registry/evm-tokens';
import { RISK_CONTRACTS, type RiskContract } from '../../../shared/registry/risk-contracts';
import { upgradeAlerts, type UpgradeabilityRead } from '../../../shared/domain/upgradeability';
import { fromJson, toJson } from '../../../shared/domain/json-bigint';
import type { EvmClient } from '../chain/evm/client';
import { describeRpcError } from '../chain/evm/errors';
import { readUpgradeability } from '../chain/evm/upgradeability';
import { readDexQuotes, type DexQuote, type QuoteRequest } from '../chain/evm/dex-quotes';
import { readRedeemParams, type RouteParamsRead } from '../chain/evm/redeem-reads';
import { EXIT_ROUTES } from '../../../shared/registry/exit-routes';
import type { AppContext } from './context';
import type { BalanceRead } from '../chain/evm/balances';
import type { EigenStoredRow } from '../db/repos/eigen.repo';

interface RiskInputs {
  reads: UpgradeabilityRead[];
  quotes: DexQuote[] | { error: string };
  redeem: RouteParamsRead[] | { error: string };
}

/** The protocols behind the symbols held; EigenLayer as soon as an LRT or a native position is held. */
function protocolsHeld(symbols: ReadonlySet<string>, nativeRestaking: boolean): Set<string> {
  const held = EVM_TOKENS.filter((token) => symbols.has(token.symbol));
  const protocols = new Set(held.map((token) => token.protocol));
  if (nativeRestaking || held.some((token) => token.kind === 'lrt')) protocols.add('EigenLayer');
  return protocols;
}

const contractsOf = (protocols: ReadonlySet<string>): RiskContract[] => {
  const seen = new Set<string>();
  return RISK_CONTRACTS.filter((entry) => protocols.has(entry.protocol) && !seen.has(entry.address.toLowerCase()) && seen.add(entry.address.toLowerCase()));
};

/** One quote per Ethereum position's size and one for each token's total, for tokens priced in ETH. */
function quoteRequests(reads: readonly BalanceRead[]): QuoteRequest[] {
  const requests = new Map<string, QuoteRequest>();
  const totals = new Map<string, QuoteRequest>();
  for (const { token, rawAmount } of reads) {
    if (!token || token.underlying !== 'ETH' || rawAmount === null || rawAmount <= 0n) continue;
    const request = { symbol: token.symbol, tokenIn: token.address, decimals: token.decimals, amountIn: rawAmount };
    requests.set(quoteKey(token.symbol, rawAmount), request);
    const total = totals.get(token.symbol);
    totals.set(token.symbol, { ...request, amountIn: (total?.amountIn ?? 0n) + rawAmount });
  }
  for (const total of totals.values()) requests.set(quoteKey(total.symbol, total.amountIn), total);
  return [...requests.values()];
}

export const quoteKey = (symbol: string, amount: bigint | string) => `${symbol}:${amount.toString()}`;

async function readRiskInputs(evm: EvmClient, blockNumber: bigint, protocols: ReadonlySet<string>, reads: readonly BalanceRead[]): Promise<RiskInputs> {
  const contracts = contractsOf(protocols);
  const routes = EXIT_ROUTES.filter((route) => protocols.has(route.protocol));
  const requests = quoteRequests(reads);
  const failed = (cause: unknown) => ({ error: describeRpcError(cause) });
  const [upgradeability, quotes, redeem] = await Promise.all([
    Promise.all(contracts.map((contract) => readUpgradeability(evm, contract.address, blockNumber))),
    requests.length ? readDexQuotes(evm, blockNumber, requests).catch(failed) : Promise.resolve([]),
    routes.length ? readRedeemParams(evm, blockNumber, routes).catch(failed) : Promise.resolve([]),
  ]);
  return { reads: upgradeability, quotes, redeem };
}

/** The reads for the snapshot, and an alert for each contract whose read changed since its previous one. */
function storeRiskInputs(ctx: AppContext, snapshotId: number, blockNumber: bigint, inputs: RiskInputs): void {
  const { risk } = ctx.repos;
  const alerts = inputs.reads.flatMap((read) => {
    const previous = risk.previousRead(read.address, snapshotId);
    return previous === null ? [] : upgradeAlerts(fromJson<UpgradeabilityRead>(previous), read);
  });
  risk.insertReads(snapshotId, inputs.reads.map((read) => ({ address: read.address, json: toJson(read) })));
  const quotes = Array.isArray(inputs.quotes) ? inputs.quotes.map((quote) => ({ kind: 'dex-quote' as const, key: quoteKey(quote.symbol, quote.amountIn), json: toJson(quote) })) : [{ kind: 'dex-quote' as const, key: 'error', json: toJson(inputs.quotes) }];
  const redeem = Array.isArray(inputs.redeem) ? inputs.redeem.map((params) => ({ kind: 'redeem-params' as const, key: params.symbol, json: toJson(params) })) : [{ kind: 'redeem-params' as const, key: 'error', json: toJson(inputs.redeem) }];
  risk.insertExitReads(snapshotId, [...quotes, ...redeem]);
  risk.insertAlerts(
    alerts.map((alert) => ({ snapshotId, blockNumber: blockNumber.toString(), contract: alert.contract, kind: alert.kind, message: alert.message, alertJson: toJson(alert), detectedAt: ctx.now() })),
  );
}

/**
 * After an Ethereum snapshot is stored: its risk reads at the same block, in a second
 * transaction. Protocols held = the symbols held now or at the latest snapshots (`held`), the
 * assets restaked natively, and EigenLayer for LRTs and native restakes.
 */
export async function refreshRisk(
  ctx: AppContext,
  evm: EvmClient,
  snapshot: { id: number; blockNumber: bigint },
  found: { held: ReadonlySet<string>; eigen: readonly EigenStoredRow[]; reads: readonly BalanceRead[] },
): Promise<void> {
  const symbols = new Set([...found.held, ...found.eigen.flatMap((row) => (row.assetSymbol ? [row.assetSymbol] : []))]);
  const nativeRestaking = found.eigen.some((row) => row.kind === 'strategy' || row.kind === 'pod');
  const inputs = await readRiskInputs(evm, snapshot.blockNumber, protocolsHeld(symbols, nativeRestaking), found.reads);
  ctx.transaction(() => storeRiskInputs(ctx, snapshot.id, snapshot.blockNumber, inputs));
}
