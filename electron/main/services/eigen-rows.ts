/** Maps what the EigenLayer adapter read to the rows stored with the Ethereum snapshot. */
import type { EigenWalletRead } from '../chain/evm/eigenlayer';
import type { EigenStoredRow } from '../db/repos/eigen.repo';

const EMPTY: Omit<EigenStoredRow, 'walletId' | 'kind' | 'operator'> = {
  strategy: null,
  assetToken: null,
  assetSymbol: null,
  assetDecimals: null,
  depositShares: null,
  withdrawableShares: null,
  depositUnderlying: null,
  withdrawableUnderlying: null,
  pod: null,
  slashingFactor: null,
  startBlock: null,
  completableBlock: null,
  error: null,
};

export function toStoredEigenRows(reads: readonly EigenWalletRead[]): EigenStoredRow[] {
  return reads.flatMap((read) => {
    const base = { ...EMPTY, walletId: read.walletId, operator: read.operator };
    if (read.error) return [{ ...base, kind: 'error' as const, error: read.error }];
    return read.rows.map((row): EigenStoredRow => {
      const asset = { assetToken: row.asset.token, assetSymbol: row.asset.symbol, assetDecimals: row.asset.decimals };
      switch (row.kind) {
        case 'strategy':
          return {
            ...base,
            ...asset,
            kind: 'strategy',
            strategy: row.strategy,
            depositShares: row.depositShares.toString(),
            withdrawableShares: row.withdrawableShares.toString(),
            depositUnderlying: row.depositUnderlying.toString(),
            withdrawableUnderlying: row.withdrawableUnderlying.toString(),
          };
        case 'pod':
          return {
            ...base,
            ...asset,
            kind: 'pod',
            pod: row.pod,
            depositShares: row.depositShares.toString(),
            slashingFactor: row.slashingFactor.toString(),
            depositUnderlying: row.restakedWei.toString(),
            withdrawableShares: row.withdrawableShares.toString(),
            withdrawableUnderlying: row.withdrawableShares.toString(),
          };
        case 'withdrawal':
          return {
            ...base,
            ...asset,
            kind: 'withdrawal',
            strategy: row.strategy,
            withdrawableShares: row.shares.toString(),
            withdrawableUnderlying: row.underlying.toString(),
            startBlock: row.startBlock.toString(),
            completableBlock: row.completableBlock.toString(),
          };
      }
    });
  });
}
