/** The `bitcoin` section of `report --json` (docs/report-json.md): addresses and Babylon delegations, BTC as exact decimal strings. */
import { toDecimalString } from '../../../shared/domain/amount';
import type { Portfolio } from '../../../shared/ipc/schemas';

/** Satoshi as an exact BTC decimal string. */
export const btc = (sat: string) => toDecimalString(BigInt(sat), 8);

export function reportBitcoin(portfolio: Portfolio, walletAddress: (id: number) => string | null) {
  const { tipHeight, addresses, delegations } = portfolio.bitcoin;
  return {
    tipHeight,
    addresses: addresses.map((row) => ({
      wallet: walletAddress(row.walletId),
      confirmedBtc: btc(row.confirmedSat),
      unconfirmedBtc: btc(row.unconfirmedSat),
      txCount: row.txCount,
      mempoolTxCount: row.mempoolTxCount,
      historyScanned: row.historyScanned,
      historyComplete: row.historyComplete,
      rejectedTxs: row.rejectedTxs,
      stakerPks: row.stakerPks,
    })),
    babylonDelegations: delegations.map((row) => ({
      wallet: walletAddress(row.walletId),
      stakingTxHash: row.stakingTxHash,
      stakerPk: row.stakerPk,
      amountBtc: btc(row.amountSat),
      state: row.state,
      phase: row.phase,
      slashed: row.slashed,
      source: row.source,
      onBitcoin: row.onBitcoin,
      finalityProviders: row.finalityProviders,
      paramsVersion: row.paramsVersion,
      stakingTimeBlocks: row.stakingTimeBlocks,
      startHeight: row.startHeight,
      endHeight: row.endHeight,
      stakingBlocksLeft: row.stakingBlocksLeft,
      stakingSecondsLeftEstimate: row.stakingSecondsLeft,
      unbondingBlocks: row.unbondingBlocks,
      unbondingSecondsEstimate: row.unbondingSeconds,
      slashingRate: row.slashingRate,
      slashableBtc: row.slashableSat === null ? null : btc(row.slashableSat),
    })),
  };
}
