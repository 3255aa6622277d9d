/**
 * Exit paths per position (issue 11): redeem through the protocol (the registry's route, its
 * wait from the redeem parameters read at the Ethereum snapshot, or the documented wait) versus
 * selling now, at the market price (valuation) and on Uniswap v3 for the actual size (the
 * quote read at the same block). The cost of exiting now is redeem − the best sell-now
 * amount, in the underlying and in USD. Pure over the stored reads.
 */
import { fromJson } from '../../../shared/domain/json-bigint';
import { redeemWait, type RedeemWait } from '../../../shared/domain/redeem-wait';
import { signedCents } from '../../../shared/domain/valuation';
import { exitRouteOf, type ExitRoute } from '../../../shared/registry/exit-routes';
import type { ExposureReport } from '../../../shared/ipc/exposure-schemas';
import type { Portfolio, Position, RateFigureDto } from '../../../shared/ipc/schemas';
import type { Exit } from '../../../shared/ipc/risk-schemas';
import type { DexQuote } from '../chain/evm/dex-quotes';
import type { RouteParamsRead } from '../chain/evm/redeem-reads';
import type { ExitReadKind } from '../db/repos/risk.repo';
import { tokenPositionId } from '../../../shared/domain/position-id';
import { quoteKey } from './risk-refresh';

interface EthereumSnapshot {
  blockNumber: string;
  blockTime: number;
}

interface ExitReads {
  quotes: Map<string, DexQuote>;
  quotesError: string | null;
  params: Map<string, RouteParamsRead>;
  paramsError: string | null;
}

function parseReads(rows: readonly { kind: ExitReadKind; key: string; json: string }[]): ExitReads {
  const reads: ExitReads = { quotes: new Map(), quotesError: null, params: new Map(), paramsError: null };
  for (const row of rows) {
    if (row.key === 'error') {
      const { error } = fromJson<{ error: string }>(row.json);
      if (row.kind === 'dex-quote') reads.quotesError = error;
      else reads.paramsError = error;
    } else if (row.kind === 'dex-quote') reads.quotes.set(row.key, fromJson<DexQuote>(row.json));
    else reads.params.set(row.key, fromJson<RouteParamsRead>(row.json));
  }
  return reads;
}

const UNKNOWN_WAIT = (text: string): RedeemWait => ({ minSeconds: null, maxSeconds: null, basis: 'unknown', text, source: 'none' });

function waitOf(route: ExitRoute | undefined, reads: ExitReads, ethereum: EthereumSnapshot | null, amount: bigint | null): RedeemWait {
  if (!route) return UNKNOWN_WAIT('No redeem route in the registry for this asset');
  const read = reads.params.get(route.symbol);
  const params = read?.params ?? {};
  if (!ethereum) return redeemWait({ route, params, now: { block: 0n, timestamp: 0 } });
  return redeemWait({ route, params, now: { block: BigInt(ethereum.blockNumber), timestamp: ethereum.blockTime }, ...(amount === null ? {} : { amount }) });
}

/** A signed underlying amount in USD cents at the valuation's USD rate, or null without one. */
function toUsdCents(raw: bigint, decimals: number, usd: RateFigureDto): bigint | null {
  return usd.ok ? signedCents(raw, decimals, { value: BigInt(usd.value), decimals: usd.decimals }) : null;
}

function dexOf(position: Position, reads: ExitReads, ethereum: EthereumSnapshot | null): Exit['dex'] {
  if (position.chain !== 'ethereum' || !ethereum) return null;
  if (reads.quotesError) return { venue: 'Uniswap v3', feeTier: null, receive: null, priceImpactPpm: null, blockNumber: ethereum.blockNumber, error: `Quotes not read: ${reads.quotesError}` };
  const quote = reads.quotes.get(quoteKey(position.symbol, position.rawAmount ?? '0'));
  if (!quote) return null;
  return { venue: quote.venue, feeTier: quote.feeTier, receive: quote.amountOut?.toString() ?? null, priceImpactPpm: quote.priceImpactPpm, blockNumber: ethereum.blockNumber, error: quote.error };
}

function tokenExit(position: Position, reads: ExitReads, ethereum: EthereumSnapshot | null): Exit | null {
  const valuation = position.valuation;
  if (!valuation || position.tokenAddress === null || position.rawAmount === null || position.rawAmount === '0') return null;
  if (position.tokenAddress.startsWith('stake:')) return null; // native Solana stake: deactivation, not a protocol redemption
  const route = position.chain === 'solana' || position.chain === 'bitcoin' ? undefined : exitRouteOf(position.symbol);
  const navValue = valuation.underlyingValue === null ? null : BigInt(valuation.underlyingValue);
  const dex = dexOf(position, reads, ethereum);
  const dexReceive = dex?.receive ? BigInt(dex.receive) : null;
  const marketReceive = valuation.marketValue === null ? null : BigInt(valuation.marketValue);
  const sellNow = dexReceive ?? marketReceive;
  const cost = navValue !== null && sellNow !== null ? navValue - sellNow : null;
  const notes = [
    position.chain !== 'ethereum' && route ? `Held on ${position.chain}: bridge to Ethereum before redeeming` : null,
    route?.fees ? `Fees: ${route.fees}` : null,
    reads.paramsError ? `Redeem parameters not read: ${reads.paramsError}` : null,
  ].filter((note): note is string => note !== null);
  return {
    positionId: tokenPositionId(position),
    walletId: position.walletId,
    chain: position.chain,
    symbol: position.symbol,
    rawAmount: position.rawAmount,
    decimals: position.decimals,
    underlying: valuation.underlying,
    underlyingDecimals: valuation.underlyingDecimals,
    redeem: { route: route?.kind ?? 'none', text: route ? `${route.protocol}: ${route.contract?.name ?? 'no verified contract'}` : 'No redeem route in the registry', contract: route?.contract?.address ?? null, wait: waitOf(route, reads, ethereum, navValue), receive: navValue?.toString() ?? null },
    market: { receive: marketReceive?.toString() ?? null, premium: valuation.premium },
    dex,
    costNow: {
      underlying: cost?.toString() ?? null,
      usdCents: cost === null ? null : (toUsdCents(cost, valuation.underlyingDecimals, valuation.usd)?.toString() ?? null),
      basis: cost === null ? null : dexReceive !== null ? 'dex' : 'market',
    },
    note: notes.length ? notes.join('. ') : null,
  };
}

/** Native EigenLayer stakes leave through DelegationManager's withdrawal queue; nothing to sell. */
function nativeExits(exposure: ExposureReport, reads: ExitReads, ethereum: EthereumSnapshot | null): Exit[] {
  const route = exitRouteOf('EigenLayer');
  return exposure.positions
    .filter((position) => position.source === 'eigenlayer' && position.restaked !== '0')
    .map((position) => ({
      positionId: position.id,
      walletId: position.walletId,
      chain: 'ethereum' as const,
      symbol: position.label,
      rawAmount: position.restaked,
      decimals: 18,
      underlying: 'ETH' as const,
      underlyingDecimals: 18,
      redeem: { route: route?.kind ?? 'none', text: route ? `EigenLayer: ${route.contract?.name ?? 'DelegationManager'}` : 'No route', contract: route?.contract?.address ?? null, wait: waitOf(route, reads, ethereum, null), receive: position.restaked },
      market: { receive: null, premium: null },
      dex: null,
      costNow: { underlying: null, usdCents: null, basis: null },
      note: 'A native restake is not a token: it can only be withdrawn through the queue (the restaked asset, e.g. stETH, can then be sold).',
    }));
}

/** Babylon stakes: unbonding takes the params' unbonding time (from the staking API), then a withdrawal. */
function babylonExits(portfolio: Portfolio): Exit[] {
  return portfolio.bitcoin.delegations
    .filter((stake) => stake.phase === 'active' || stake.phase === 'pending' || stake.phase === 'unknown')
    .map((stake) => {
      const seconds = stake.unbondingSeconds;
      const wait: RedeemWait =
        seconds === null
          ? UNKNOWN_WAIT('Unbonding time not known for this stake')
          : { minSeconds: seconds, maxSeconds: seconds, basis: 'chain', text: `unbonding of ${stake.unbondingBlocks} Bitcoin blocks (≈ 10 minutes each), then withdraw`, source: 'Babylon staking API network-info params' };
      return {
        positionId: `babylon:${stake.stakingTxHash}`,
        walletId: stake.walletId,
        chain: 'bitcoin' as const,
        symbol: 'BTC',
        rawAmount: stake.amountSat,
        decimals: 8,
        underlying: 'BTC' as const,
        underlyingDecimals: 8,
        redeem: { route: 'unbond', text: 'Babylon: on-demand unbonding (covenant-signed unbonding transaction)', contract: null, wait, receive: stake.amountSat },
        market: { receive: null, premium: null },
        dex: null,
        costNow: { underlying: null, usdCents: null, basis: null },
        note: 'A Babylon stake is native BTC: there is nothing to sell, only to unbond.',
      };
    });
}

export function buildExits(portfolio: Portfolio, exposure: ExposureReport, rows: readonly { kind: ExitReadKind; key: string; json: string }[], ethereum: EthereumSnapshot | null): Exit[] {
  const reads = parseReads(rows);
  const tokens = portfolio.positions.filter((position) => !(position.chain === 'bitcoin' && position.tokenAddress?.startsWith('babylon:')));
  return [...tokens.flatMap((position) => tokenExit(position, reads, ethereum) ?? []), ...nativeExits(exposure, reads, ethereum), ...babylonExits(portfolio)];
}
