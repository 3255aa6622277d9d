/**
 * Finds Babylon phase-1 staking transactions in an address's Esplora history. A transaction
 * whose OP_RETURN carries the phase-1 tag is a candidate; its raw bytes are fetched (the
 * client checks they hash to the txid) and recognised by rebuilding the staking output
 * (shared/domain/bitcoin/babylon-staking-tx.ts). A candidate that is not a valid staking
 * transaction is reported with the reason and never stops the scan.
 */
import { BBN1_MAINNET_PARAMS, recognizeBabylonStakingRawTx, type BabylonStakingTx } from '../../../../shared/domain/bitcoin/babylon-staking-tx';
import type { EsploraClient, EsploraTx } from './esplora';

export interface FoundStake extends BabylonStakingTx {
  txid: string;
  /** Height of the block that confirmed it, null while in the mempool. */
  blockHeight: number | null;
}

export interface StakingScan {
  stakes: FoundStake[];
  rejected: { txid: string; reason: string }[];
  scanned: number;
  complete: boolean;
}

/** Any OP_RETURN carrying the phase-1 tag (a wrong-length one is then rejected with its reason). */
export const isStakingCandidate = (tx: EsploraTx) => tx.vout.some((output) => output.scriptpubkey.startsWith('6a') && output.scriptpubkey.includes(BBN1_MAINNET_PARAMS.tagHex));

export async function scanForStakes(esplora: EsploraClient, address: string, maxPages: number): Promise<StakingScan> {
  const history = await esplora.addressTxs(address, maxPages);
  const stakes: FoundStake[] = [];
  const rejected: StakingScan['rejected'] = [];
  for (const tx of history.txs.filter(isStakingCandidate)) {
    const result = recognizeBabylonStakingRawTx(await esplora.txHex(tx.txid));
    if (result.kind === 'staking') stakes.push({ ...result, txid: tx.txid, blockHeight: tx.status.confirmed ? tx.status.block_height : null });
    else rejected.push({ txid: tx.txid, reason: `${result.reason}: ${result.message}` });
  }
  return { stakes, rejected, scanned: history.txs.length, complete: history.complete };
}
