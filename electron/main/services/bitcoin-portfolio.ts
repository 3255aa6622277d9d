/** The Bitcoin part of the portfolio: addresses and Babylon delegations of the latest Bitcoin snapshot, with lock times and what a slashing would take. */
import { BTC_BLOCK_SECONDS, canBeSlashed, lockTimes, slashedSat } from '../../../shared/domain/bitcoin/babylon-delegation';
import type { BabylonDelegationDto, BitcoinPortfolio, FinalityProviderRef } from '../../../shared/ipc/bitcoin-schemas';
import type { ChainStatus } from '../../../shared/ipc/schemas';
import type { FinalityProviderRow } from '../db/repos/bitcoin.repo';
import type { AppContext } from './context';

const STATUS = {
  FINALITY_PROVIDER_STATUS_ACTIVE: 'active',
  FINALITY_PROVIDER_STATUS_INACTIVE: 'inactive',
  FINALITY_PROVIDER_STATUS_JAILED: 'jailed',
  FINALITY_PROVIDER_STATUS_SLASHED: 'slashed',
} as const;

export function providerRef(btcPk: string, rows: ReadonlyMap<string, FinalityProviderRow>): FinalityProviderRef {
  const row = rows.get(btcPk);
  return { btcPk, moniker: row?.moniker || null, status: row ? (STATUS[row.state as keyof typeof STATUS] ?? 'inactive') : 'unlisted', commission: row?.commission ?? null };
}

export function bitcoinPortfolio(ctx: AppContext, chains: readonly ChainStatus[]): BitcoinPortfolio {
  const snapshot = chains.find((chain) => chain.chain === 'bitcoin')?.snapshot ?? null;
  if (!snapshot) return { tipHeight: null, addresses: [], delegations: [] };
  const repo = ctx.repos.bitcoin;
  const providers = new Map(repo.finalityProviders(snapshot.id).map((row) => [row.btcPk, row]));
  const rates = new Map(repo.params(snapshot.id).map((row) => [row.version, row.slashingRate]));
  const tip = Number(snapshot.blockNumber);
  const seconds = (blocks: number | null) => (blocks === null ? null : blocks * BTC_BLOCK_SECONDS);
  const delegations = repo.delegations(snapshot.id).map((row): BabylonDelegationDto => {
    const locks = lockTimes(row, tip);
    const slashingRate = row.paramsVersion === null ? null : (rates.get(row.paramsVersion) ?? null);
    return {
      walletId: row.walletId,
      stakingTxHash: row.stakingTxHash,
      stakerPk: row.stakerPk,
      finalityProviders: row.finalityProviders.map((pk) => providerRef(pk, providers)),
      amountSat: row.amountSat,
      state: row.state,
      phase: row.phase,
      slashed: row.slashed,
      source: row.source,
      onBitcoin: row.onBitcoin,
      paramsVersion: row.paramsVersion,
      stakingTimeBlocks: row.stakingTimeBlocks,
      startHeight: row.startHeight,
      endHeight: row.endHeight,
      inceptionTime: row.inceptionTime,
      stakingBlocksLeft: locks.stakingBlocksLeft,
      stakingSecondsLeft: seconds(locks.stakingBlocksLeft),
      unbondingBlocks: locks.unbondingBlocks,
      unbondingSeconds: seconds(locks.unbondingBlocks),
      slashingRate,
      slashableSat: slashingRate !== null && canBeSlashed(row) ? slashedSat(BigInt(row.amountSat), slashingRate).toString() : null,
    };
  });
  return { tipHeight: snapshot.blockNumber, addresses: repo.addresses(snapshot.id), delegations };
}
