/**
 * Yield of native EigenLayer positions. Base: the restaked asset's own yield (an LST
 * strategy) or the reference LST's (beacon-chain ETH in an EigenPod). Premium: the rewards
 * the wallet claimed from the RewardsCoordinator inside the window, against the ETH value it
 * has restaked. Rewards accrued but not yet claimed need off-chain proofs and are not seen,
 * and a claim in a token without an ETH price leaves the premium "not measured".
 */
import { toDecimalString } from '../../../shared/domain/amount';
import { valuePosition, type RateBook } from '../../../shared/domain/position-valuation';
import { measured, notMeasured, simpleAnnualRate, YIELD_WINDOWS_DAYS, type YieldFigure } from '../../../shared/domain/yield';
import { yieldSourceOf } from '../../../shared/domain/yield-source';
import type { EigenPosition, Wallet } from '../../../shared/ipc/schemas';
import type { PositionYield, YieldReference } from '../../../shared/ipc/yield-schemas';
import { REWARD_TOKENS } from '../../../shared/registry/eigenlayer';
import { claimedKey } from '../chain/evm/rewards';
import { findToken } from './portfolio-valuation';
import { partsDto, type Measurer } from './yield-measurer';

export const UNCLAIMED_NOTE = 'premium counts claimed EigenLayer rewards only (WETH, EIGEN); unclaimed rewards need off-chain proofs';

interface EigenYieldInput {
  rows: readonly EigenPosition[];
  wallets: readonly Wallet[];
  book: RateBook;
  measurer: Measurer;
  reference: YieldReference;
  referenceFigure: (days: number) => YieldFigure;
}

export function eigenYields(input: EigenYieldInput): PositionYield[] {
  const { rows, wallets, book, measurer, reference } = input;
  const valued = rows
    .filter((row) => (row.kind === 'strategy' || row.kind === 'pod') && row.withdrawableUnderlying !== null && row.withdrawableUnderlying !== '0')
    .map((row) => {
      const token = row.kind === 'pod' || row.assetToken === null ? null : findToken('ethereum', row.assetToken);
      const decimals = row.kind === 'pod' ? 18 : (row.assetDecimals ?? 18);
      const value = row.kind === 'pod' || token ? valuePosition(BigInt(row.withdrawableUnderlying!), decimals, token, book) : null;
      return { row, token, value };
    });

  // The ETH each wallet has restaked, to set its claimed rewards against.
  const restaked = new Map<number, bigint>();
  for (const { row, value } of valued) {
    if (value?.underlying === 'ETH' && value.underlyingValue !== null) restaked.set(row.walletId, (restaked.get(row.walletId) ?? 0n) + value.underlyingValue);
  }

  return valued.map(({ row, token, value }) => {
    const address = wallets.find((wallet) => wallet.id === row.walletId)?.address ?? '';
    const source = row.kind === 'pod' ? null : yieldSourceOf(token);
    const windows = YIELD_WINDOWS_DAYS.map((days) => {
      const base: YieldFigure = !source
        ? input.referenceFigure(days)
        : source.key && source.rateSymbol
          ? measurer.figure(source.key, days, source.rateSymbol)
          : notMeasured(source.reason ?? 'not measurable');
      const premium = claimedPremium(measurer, address, restaked.get(row.walletId) ?? 0n, days);
      const blended = base.ok && premium.ok ? measured(base.value + premium.value) : notMeasured(base.ok ? (premium as { reason: string }).reason : base.reason);
      return partsDto(days, { base, premium, blended }, value?.underlyingValue ?? null, value?.usdCents ?? null);
    });
    return {
      source: 'eigenlayer' as const,
      walletId: row.walletId,
      chain: 'ethereum' as const,
      tokenAddress: row.assetToken,
      symbol: row.kind === 'pod' ? 'Beacon ETH (EigenPod)' : (row.assetSymbol ?? 'unknown'),
      kind: 'native-restaking',
      rateSymbol: source ? source.rateSymbol : reference,
      underlying: value?.underlying ?? 'ETH',
      underlyingDecimals: 18,
      underlyingValue: value?.underlyingValue?.toString() ?? null,
      usdCents: value?.usdCents?.toString() ?? null,
      windows,
      note: UNCLAIMED_NOTE,
    };
  });
}

/** Claimed rewards in the window, annualized against the wallet's restaked ETH. */
function claimedPremium(measurer: Measurer, earner: string, restakedEth: bigint, days: number): YieldFigure {
  if (restakedEth <= 0n) return notMeasured('no restaked ETH value to set rewards against');
  let ethRewards = 0n;
  let seconds: number | null = null;
  const unpriced: string[] = [];
  for (const token of REWARD_TOKENS) {
    const measurement = measurer.measure(claimedKey(earner, token.symbol), days);
    if (!measurement) return notMeasured('claimed rewards not read at the latest refresh');
    if (!measurement.from) return notMeasured('not enough history: no claimed-rewards sample at the window start');
    seconds = measurement.seconds;
    const claimed = measurement.to.value - measurement.from.value;
    if (claimed <= 0n) continue;
    if (token.ethPar) ethRewards += claimed;
    else unpriced.push(`${toDecimalString(claimed, token.decimals)} ${token.symbol}`);
  }
  if (unpriced.length > 0) return notMeasured(`claimed ${unpriced.join(', ')} in the window, with no ETH price here`);
  return measured(simpleAnnualRate(ethRewards, restakedEth, seconds!));
}
