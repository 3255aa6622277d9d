/**
 * The Babylon part of the Exposure page: per finality provider, the user's BTC its
 * double-signing could slash (the delegation's amount × the slashing rate of its params
 * version, from GET /v2/network-info), its name and status, and every position it appears
 * in, BTC LSTs whose issuer names it included (issuer-reported, not read from chain).
 */
import { BTC_LST_BABYLON } from '../../../shared/registry/btc-lst-babylon';
import type { BabylonExposure } from '../../../shared/ipc/bitcoin-schemas';
import type { Portfolio } from '../../../shared/ipc/schemas';
import { providerRef } from './bitcoin-portfolio';
import { babylonRowAddress } from '../../../shared/domain/bitcoin/row-keys';
import type { AppContext } from './context';

const STATEMENT =
  'A Babylon stake is slashed when a finality provider it delegates to double-signs: the pre-signed slashing transaction sends the slashing rate of the stake to the slashing address. Shown per provider: the amount at that rate, for stakes the covenant has signed for (VERIFIED onwards) that are not yet withdrawn.';
const SOURCE = 'babylonlabs-io/babylon docs/staking-script.md (slashing path) and the staking API GET /v2/network-info slashing_rate (../shared/api-shapes/babylon-staking-api.md §6); docs/research/babylon-bitcoin.md';

export function babylonExposure(ctx: AppContext, portfolio: Portfolio): BabylonExposure {
  const snapshot = portfolio.chains.find((chain) => chain.chain === 'bitcoin')?.snapshot ?? null;
  const base = { statement: STATEMENT, source: SOURCE, asOf: snapshot ? { tipHeight: snapshot.blockNumber, fetchedAt: snapshot.fetchedAt } : null };
  const fpRows = new Map(snapshot ? ctx.repos.bitcoin.finalityProviders(snapshot.id).map((row) => [row.btcPk, row]) : []);

  const issuerReported = BTC_LST_BABYLON.flatMap((entry) => {
    const held = portfolio.positions.filter((position) => position.symbol === entry.symbol && position.rawAmount !== null && position.rawAmount !== '0');
    if (held.length === 0) return [];
    const values = held.map((position) => position.valuation?.underlyingValue ?? null);
    return [
      {
        symbol: entry.symbol,
        issuer: entry.issuer,
        stakedOnBabylon: entry.stakedOnBabylon,
        finalityProviders: entry.finalityProviders.map(({ name, btcPk }) => ({ name, btcPk })),
        statement: entry.statement,
        source: entry.source,
        sourceDate: entry.sourceDate,
        heldValueSat: values.includes(null) ? null : values.reduce((sum, value) => sum + BigInt(value!), 0n).toString(),
      },
    ];
  });

  const usdOf = new Map(portfolio.positions.filter((position) => position.chain === 'bitcoin' && position.tokenAddress).map((position) => [position.tokenAddress!, position]));
  const providers = new Map<string, BabylonExposure['providers'][number] & { staked: bigint; slashable: bigint; cents: bigint | null }>();
  for (const delegation of portfolio.bitcoin.delegations) {
    if (delegation.phase === 'withdrawn') continue;
    for (const fp of delegation.finalityProviders) {
      const entry = providers.get(fp.btcPk) ?? { ...fp, slashingRates: [], stakedSat: '0', slashableSat: '0', slashableUsdCents: null, delegations: [], positions: [], staked: 0n, slashable: 0n, cents: null };
      const amount = BigInt(delegation.amountSat);
      const slashable = delegation.slashableSat === null ? 0n : BigInt(delegation.slashableSat);
      entry.staked += amount;
      entry.slashable += slashable;
      const position = usdOf.get(babylonRowAddress(delegation.stakingTxHash));
      if (position?.valuation?.usdCents && position.rawAmount && position.rawAmount !== '0') {
        entry.cents = (entry.cents ?? 0n) + (BigInt(position.valuation.usdCents) * slashable) / BigInt(position.rawAmount);
      }
      if (delegation.slashingRate !== null && !entry.slashingRates.includes(delegation.slashingRate)) entry.slashingRates.push(delegation.slashingRate);
      entry.delegations.push({ walletId: delegation.walletId, stakingTxHash: delegation.stakingTxHash, amountSat: delegation.amountSat, slashableSat: delegation.slashableSat, phase: delegation.phase });
      entry.positions.push(babylonRowAddress(delegation.stakingTxHash));
      providers.set(fp.btcPk, entry);
    }
  }
  // A held LST whose issuer names a provider the user also delegates to shares that provider's risk.
  for (const lst of issuerReported) {
    for (const fp of lst.finalityProviders) {
      if (!fp.btcPk) continue;
      const entry = providers.get(fp.btcPk);
      if (entry) entry.positions.push(lst.symbol);
      else if (lst.stakedOnBabylon === 'yes') {
        const ref = providerRef(fp.btcPk, fpRows);
        providers.set(fp.btcPk, { ...ref, moniker: ref.moniker ?? fp.name, slashingRates: [], stakedSat: '0', slashableSat: '0', slashableUsdCents: null, delegations: [], positions: [lst.symbol], staked: 0n, slashable: 0n, cents: null });
      }
    }
  }
  return {
    ...base,
    providers: [...providers.values()]
      .sort((a, b) => (b.slashable > a.slashable ? 1 : b.slashable < a.slashable ? -1 : a.btcPk.localeCompare(b.btcPk)))
      .map(({ staked, slashable, cents, ...entry }) => ({ ...entry, stakedSat: staked.toString(), slashableSat: slashable.toString(), slashableUsdCents: cents?.toString() ?? null })),
    issuerReported,
  };
}
