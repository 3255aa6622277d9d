/**
 * Yields of Bitcoin positions. Bitcoin pays no staking yield of its own, so a Babylon stake's
 * whole reward is its security premium: the APR that the Babylon staking API published at the
 * latest refresh for the stake's amount (GET /v2/apr, BTC staking rewards paid in BABY), else
 * the network's (GET /v2/stats). It is the API's figure, not measured from chain data, and
 * the same in every window. Only ACTIVE stakes earn; BTC held as is earns nothing.
 */
import { YIELD_WINDOWS_DAYS, measured, notMeasured, type YieldFigure, type YieldParts } from '../../../shared/domain/yield';
import type { Portfolio } from '../../../shared/ipc/schemas';
import type { PositionYield } from '../../../shared/ipc/yield-schemas';
import type { AprRow } from '../db/repos/bitcoin.repo';
import { partsDto } from './yield-measurer';
import { babylonRowAddress, isBabylonRow } from '../../../shared/domain/bitcoin/row-keys';
import type { AppContext } from './context';

export const BABYLON_REWARD_TOKEN = 'BABY';
const premiumOnly = (premium: YieldFigure): YieldParts => ({ base: measured(0), premium, blended: premium });

/** An APR row as a figure; the service publishes 0 when its price lookup fails (babylon-staking-api.md §7), so 0 is not a rate. */
function aprFigure(row: AprRow | undefined): YieldFigure {
  if (!row) return notMeasured('the Babylon API published no APR at the latest refresh');
  if (row.error || row.btcStakingApr === null) return notMeasured(`Babylon API APR: ${row.error ?? 'missing'}`);
  if (row.btcStakingApr === 0) return notMeasured('the Babylon API published an APR of 0, which it does when its price lookup fails');
  return measured(row.btcStakingApr);
}

export function babylonYields(ctx: AppContext, portfolio: Portfolio): PositionYield[] {
  const snapshot = portfolio.chains.find((chain) => chain.chain === 'bitcoin')?.snapshot ?? null;
  if (!snapshot) return [];
  const apr = new Map(ctx.repos.bitcoin.apr(snapshot.id).map((row) => [row.scope, row]));
  const delegations = new Map(portfolio.bitcoin.delegations.map((row) => [babylonRowAddress(row.stakingTxHash), row]));
  return portfolio.positions
    .filter((position) => position.chain === 'bitcoin' && position.rawAmount !== null && position.rawAmount !== '0' && position.valuation)
    .map((position): PositionYield => {
      const valuation = position.valuation!;
      const delegation = isBabylonRow(position.tokenAddress) ? delegations.get(position.tokenAddress!) : undefined;
      let parts: YieldParts = { base: measured(0), premium: measured(0), blended: measured(0) };
      let note: string | null = null;
      let published: AprRow | undefined;
      if (delegation && delegation.phase === 'active') {
        const own = apr.get(`delegation:${delegation.stakingTxHash}`);
        published = own && !own.error && own.btcStakingApr ? own : apr.get('network');
        const figure = aprFigure(published);
        parts = premiumOnly(figure);
        note = figure.ok
          ? `APR published by the Babylon staking API, rewards in ${BABYLON_REWARD_TOKEN}; not measured from chain. Base is 0: BTC pays no staking yield of its own`
          : figure.reason;
      } else if (delegation) {
        note = `${delegation.state}: only ACTIVE stakes earn Babylon rewards`;
      }
      const underlyingValue = valuation.underlyingValue === null ? null : BigInt(valuation.underlyingValue);
      const usdCents = valuation.usdCents === null ? null : BigInt(valuation.usdCents);
      return {
        source: delegation ? 'babylon' : 'token',
        walletId: position.walletId,
        chain: position.chain,
        tokenAddress: position.tokenAddress,
        symbol: position.symbol,
        kind: delegation ? 'babylon-stake' : 'idle',
        rateSymbol: null,
        underlying: valuation.underlying,
        underlyingDecimals: valuation.underlyingDecimals,
        underlyingValue: valuation.underlyingValue,
        usdCents: valuation.usdCents,
        windows: YIELD_WINDOWS_DAYS.map((days) => partsDto(days, parts, underlyingValue, usdCents)),
        note,
        advertised: published?.btcStakingApr ? { apy: published.btcStakingApr, at: Math.floor(published.fetchedAt / 1000), source: published.source } : null,
        rewardToken: delegation ? BABYLON_REWARD_TOKEN : undefined,
      };
    });
}
