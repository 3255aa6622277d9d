/**
 * Measured yields, built from stored data only (works offline): every window ends at the
 * latest Ethereum snapshot and starts at the stored rate sample nearest its start, read at
 * that past block or stored by an earlier refresh. Positions split into base staking yield
 * (the reference LST) and restaking premium; the portfolio is value-weighted in USD.
 */
import { SECONDS_PER_DAY, YIELD_WINDOWS_DAYS, blend, notMeasured, splitYield } from '../../../shared/domain/yield';
import { type RateSampleLike, rollingYield } from '../../../shared/domain/yield-measure';
import { navKey, yieldSourceOf } from '../../../shared/domain/yield-source';
import { UNDERLYING_DECIMALS, type Underlying } from '../../../shared/domain/position-valuation';
import type { AssetYield, PortfolioYield, PositionYield, YieldReference, YieldReport, YieldSeries } from '../../../shared/ipc/yield-schemas';
import { findToken, rateBook } from './portfolio-valuation';
import { eigenYields } from './eigen-yield';
import { createMeasurer, partsDto, type Measurer, type WindowDays } from './yield-measurer';
import { solanaYields } from './solana-yield';
import { babylonYields } from './babylon-yield';
import { isEvmNetwork } from '../../../shared/registry/networks';
import type { AppContext } from './context';
import type { PortfolioService } from './portfolio.service';

const sampleRef = (sample: RateSampleLike | null) =>
  sample ? { blockNumber: sample.blockNumber.toString(), blockTime: sample.blockTime, origin: sample.origin, source: sample.source } : null;

export function createYieldService(ctx: AppContext, portfolio: PortfolioService, reference: () => YieldReference) {
  return {
    get(): YieldReport {
      const ref = reference();
      const current = portfolio.get();
      const ethereum = current.chains.find((chain) => chain.chain === 'ethereum')?.snapshot ?? null;
      const solana = solanaYields(ctx, current);
      const solanaAssets = solana ? assetYields(solana.measurer, solana.symbols, 'solana') : [];
      const bitcoin = babylonYields(ctx, current);
      if (!ethereum) {
        const positions = [...(solana?.positions ?? []), ...bitcoin];
        return { reference: ref, asOf: null, assets: solanaAssets, positions, portfolio: positions.length ? YIELD_WINDOWS_DAYS.map((days) => portfolioYield(days, positions)) : [], history: [] };
      }
      const reads = ctx.repos.history.reads('ethereum');
      // The latest history read of a window, if it was made for this snapshot's window start.
      const startOf = (days: number, now: RateSampleLike) => {
        const read = reads.find((item) => item.label === `${days}d` && item.targetTime === now.blockTime - days * SECONDS_PER_DAY);
        return read ? { blockNumber: read.error ? null : read.blockNumber, error: read.error } : null;
      };
      const rates = ctx.repos.rates.forSnapshot(ethereum.id);
      const readErrors = new Map(rates.flatMap((rate) => (rate.error ? [[rate.key, rate.error] as const] : [])));
      const measurer = createMeasurer({ samples: ctx.repos.history.samples('ethereum'), snapshotBlock: BigInt(ethereum.blockNumber), readErrors, startOf });
      const referenceFigure = (days: number) => measurer.figure(navKey(ref), days, ref);

      // Solana positions are measured from Solana snapshots (solana-yield.ts), Bitcoin ones from Babylon's APR (babylon-yield.ts).
      const positions: PositionYield[] = current.positions
        .filter((position) => isEvmNetwork(position.chain) && position.rawAmount !== null && position.rawAmount !== '0' && position.valuation)
        .map((position) => {
          const valuation = position.valuation!;
          const source = yieldSourceOf(findToken(position.chain, position.tokenAddress));
          const underlyingValue = valuation.underlyingValue === null ? null : BigInt(valuation.underlyingValue);
          const usdCents = valuation.usdCents === null ? null : BigInt(valuation.usdCents);
          const windows = YIELD_WINDOWS_DAYS.map((days) => {
            const own = source.key && source.rateSymbol ? measurer.figure(source.key, days, source.rateSymbol) : notMeasured(source.reason ?? 'not measurable');
            return partsDto(days, splitYield(source.kind, own, referenceFigure(days), ref), underlyingValue, usdCents);
          });
          return {
            source: 'token' as const,
            walletId: position.walletId,
            chain: position.chain,
            tokenAddress: position.tokenAddress,
            symbol: position.symbol,
            kind: source.kind,
            rateSymbol: source.rateSymbol,
            underlying: valuation.underlying,
            underlyingDecimals: valuation.underlyingDecimals,
            underlyingValue: valuation.underlyingValue,
            usdCents: valuation.usdCents,
            windows,
            note: source.reason,
          };
        });

      const book = rateBook({ blockNumber: ethereum.blockNumber, blockTime: ethereum.blockTime, rates });
      const eigen = eigenYields({ rows: current.eigenlayer, wallets: current.wallets, book, measurer, reference: ref, referenceFigure });
      const evmPositions = [...positions, ...eigen];
      const all = [...evmPositions, ...(solana?.positions ?? []), ...bitcoin];
      const symbols = [...new Set([ref, ...evmPositions.map((position) => position.rateSymbol).filter((symbol): symbol is string => symbol !== null)])];
      const assets: AssetYield[] = [...assetYields(measurer, symbols, 'ethereum'), ...solanaAssets];
      return {
        reference: ref,
        asOf: { blockNumber: ethereum.blockNumber, blockTime: ethereum.blockTime },
        assets,
        positions: all,
        portfolio: YIELD_WINDOWS_DAYS.map((days) => portfolioYield(days, all)),
        history: reads.map((read) => ({ label: read.label, targetTime: read.targetTime, blockNumber: read.blockNumber?.toString() ?? null, error: read.error, attemptedAt: read.attemptedAt })),
      };
    },

    /** The rolling yield of one rate over stored samples, for the chart. */
    series(rateSymbol: string, windowDays: WindowDays): YieldSeries {
      const key = navKey(rateSymbol);
      const evm = ctx.repos.history.samples('ethereum').filter((sample) => sample.key === key);
      const samples = evm.length > 0 ? evm : ctx.repos.history.samples('solana').filter((sample) => sample.key === key);
      return { rateSymbol, windowDays, points: rollingYield(samples, windowDays), samples: samples.length };
    },
  };
}

export type YieldService = ReturnType<typeof createYieldService>;

/** Each rate's realized yield per window, with the samples it was measured between. */
function assetYields(measurer: Measurer, symbols: readonly string[], network: 'ethereum' | 'solana'): AssetYield[] {
  return symbols.flatMap((symbol) =>
    YIELD_WINDOWS_DAYS.map((days) => {
      const measurement = measurer.measure(navKey(symbol), days);
      return {
        rateSymbol: symbol,
        network,
        windowDays: days,
        figure: measurer.figure(navKey(symbol), days, symbol),
        from: sampleRef(measurement?.from ?? null),
        to: sampleRef(measurement?.to ?? null),
        days: measurement?.seconds ? measurement.seconds / 86_400 : null,
      };
    }),
  );
}

/** Value-weighted (USD) base, premium and blended yield, and projected income per underlying. */
export function portfolioYield(days: WindowDays, positions: readonly PositionYield[]): PortfolioYield {
  const items = positions.map((position) => {
    const parts = position.windows.find((window) => window.windowDays === days)!;
    return { position, parts, weight: position.usdCents === null ? -1n : BigInt(position.usdCents) };
  });
  const result = blend(items.filter((item) => item.weight >= 0n).map(({ weight, parts }) => ({ weight, parts })));
  const income = new Map<Underlying, bigint>();
  let usd: bigint | null = null;
  for (const { position, parts } of items) {
    if (parts.incomeUnderlying !== null) income.set(position.underlying, (income.get(position.underlying) ?? 0n) + BigInt(parts.incomeUnderlying));
    if (parts.incomeUsdCents !== null) usd = (usd ?? 0n) + BigInt(parts.incomeUsdCents);
  }
  return {
    windowDays: days,
    base: result.base,
    premium: result.premium,
    blended: result.blended,
    weightUsdCents: result.weight.toString(),
    excluded: result.excluded + items.filter((item) => item.weight < 0n).length,
    incomeUsdCents: usd?.toString() ?? null,
    income: [...income].map(([underlying, raw]) => ({ underlying, decimals: UNDERLYING_DECIMALS[underlying], raw: raw.toString() })),
  };
}
