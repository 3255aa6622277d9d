/**
 * Yields of Solana positions from stored Solana snapshots only: a stake-pool token's realized
 * yield is the growth of its pool rate (total_lamports / pool_token_supply) between stored
 * refreshes; for JitoSOL, Jito's published MEV statistics split it into staking (base) and
 * MEV (premium); a VRT's premium is its vault rate's growth over its supported token's.
 * Native stake accounts are not measured yet (their inflation rewards are not read).
 */
import { YIELD_WINDOWS_DAYS, measured, notMeasured, splitYield, type YieldFigure, type YieldParts } from '../../../shared/domain/yield';
import { mevYield, splitWithMev } from '../../../shared/domain/solana/mev-yield';
import { navKey } from '../../../shared/domain/yield-source';
import { solanaLstByMint } from '../../../shared/registry/solana-tokens';
import type { Portfolio, Position } from '../../../shared/ipc/schemas';
import type { PositionYield } from '../../../shared/ipc/yield-schemas';
import { createMeasurer, partsDto, type Measurer } from './yield-measurer';
import { isStakeAccountRow, isVrtSymbol } from './solana-rates';
import type { AppContext } from './context';

const JITO = 'JitoSOL';

const unmeasured = (reason: string): YieldParts => ({ base: notMeasured(reason), premium: notMeasured(reason), blended: notMeasured(reason) });

export interface SolanaYields {
  measurer: Measurer;
  positions: PositionYield[];
  symbols: string[];
}

export function solanaYields(ctx: AppContext, portfolio: Portfolio): SolanaYields | null {
  const snapshot = portfolio.chains.find((chain) => chain.chain === 'solana')?.snapshot ?? null;
  if (!snapshot) return null;
  const rates = ctx.repos.rates.forSnapshot(snapshot.id);
  const readErrors = new Map(rates.flatMap((rate) => (rate.error ? [[rate.key, rate.error] as const] : [])));
  const measurer = createMeasurer({ samples: ctx.repos.history.samples('solana'), snapshotBlock: BigInt(snapshot.blockNumber), readErrors, startOf: () => null });
  const stats = new Map(ctx.repos.solana.stats(snapshot.id).map((row) => [row.windowDays, row]));
  const fee = rates.find((rate) => rate.key === `fee:${JITO}`)?.value;
  const links = ctx.repos.solana.links(snapshot.id);

  const mev = (days: number): YieldFigure => {
    const row = stats.get(days);
    if (!row) return notMeasured('Jito statistics not read at the latest refresh');
    if (row.error || row.mevLamports === null || row.meanTvlLamports === null || row.days === null) return notMeasured(`Jito statistics: ${row.error ?? 'missing'}`);
    return mevYield({ mevLamports: BigInt(row.mevLamports), meanTvlLamports: BigInt(row.meanTvlLamports), days: row.days }, BigInt(fee ?? '0'));
  };
  const own = (symbol: string, days: number) => measurer.figure(navKey(symbol), days, symbol);
  const symbols = new Set<string>();

  /** How one Solana position's yield is measured and split; `also`: another rate it needs (a VRT's JitoSOL). */
  const sourceOf = (position: Position): { kind: string; rateSymbol: string | null; note: string | null; split: (days: number) => YieldParts; also?: string } => {
    if (isStakeAccountRow(position.tokenAddress)) {
      const note = 'native stake rewards are not read yet (getInflationReward); not measured';
      return { kind: 'native-stake', rateSymbol: null, note, split: () => unmeasured(note) };
    }
    const lst = position.tokenAddress ? solanaLstByMint(position.tokenAddress) : undefined;
    if (lst) {
      if (lst.nav.type !== 'spl-stake-pool') {
        const reason = lst.nav.reason;
        return { kind: 'lst', rateSymbol: null, note: reason, split: () => unmeasured(reason) };
      }
      if (lst.symbol === JITO) return { kind: 'lst', rateSymbol: JITO, note: 'base = staking, premium = MEV: MEV from Jito stake_pool_stats (an estimate, net of the pool fee)', split: (days) => splitWithMev(own(JITO, days), mev(days)) };
      return { kind: 'lst', rateSymbol: lst.symbol, note: 'MEV is not separated for this pool: its whole yield is shown as base', split: (days) => splitYield('lst', own(lst.symbol, days), measured(0), '') };
    }
    if (isVrtSymbol(position.symbol)) {
      const vault = links.find((link) => link.kind === 'vrt' && link.address === position.tokenAddress)?.vault ?? '?';
      return { kind: 'vrt', rateSymbol: position.symbol, note: `Jito vault ${vault}: premium = the vault rate's growth over JitoSOL's`, split: (days) => splitYield('lrt', own(position.symbol, days), own(JITO, days), JITO), also: JITO };
    }
    return { kind: 'idle', rateSymbol: null, note: null, split: () => splitYield('idle', measured(0), measured(0), '') };
  };

  const positions = portfolio.positions
    .filter((position) => position.chain === 'solana' && position.rawAmount !== null && position.rawAmount !== '0' && position.valuation)
    .map((position): PositionYield => {
      const valuation = position.valuation!;
      const { kind, rateSymbol, note, split, also } = sourceOf(position);
      for (const symbol of [also, rateSymbol]) if (symbol) symbols.add(symbol);
      const underlyingValue = valuation.underlyingValue === null ? null : BigInt(valuation.underlyingValue);
      const usdCents = valuation.usdCents === null ? null : BigInt(valuation.usdCents);
      const jitoRow = rateSymbol === JITO ? stats.get(30) : undefined;
      return {
        source: 'token',
        walletId: position.walletId,
        chain: position.chain,
        tokenAddress: position.tokenAddress,
        symbol: position.symbol,
        kind,
        rateSymbol,
        underlying: valuation.underlying,
        underlyingDecimals: valuation.underlyingDecimals,
        underlyingValue: valuation.underlyingValue,
        usdCents: valuation.usdCents,
        windows: YIELD_WINDOWS_DAYS.map((days) => partsDto(days, split(days), underlyingValue, usdCents)),
        note,
        advertised: jitoRow?.publishedApy != null && jitoRow.publishedAt != null ? { apy: jitoRow.publishedApy, at: jitoRow.publishedAt, source: jitoRow.source } : null,
      };
    });
  return { measurer, positions, symbols: [...symbols] };
}
