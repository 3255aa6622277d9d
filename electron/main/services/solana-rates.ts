/**
 * NAV rates of Solana tokens, stored with the Solana snapshot under `nav:SYMBOL` like the EVM
 * rates, as SOL per token with 18 decimals: a stake-pool token's total_lamports /
 * pool_token_supply, and a VRT's tokens_deposited / vrt_supply × its supported token's NAV.
 */
import type { StakePoolState } from '../../../shared/domain/solana/stake-pool';
import type { SolanaLst } from '../../../shared/registry/solana-tokens';
import type { StoredRate } from '../db/repos/rates.repo';
import type { PinnedSlot } from '../chain/solana/accounts';
import type { HeldVault } from '../chain/solana/vaults';

export const NAV_DECIMALS = 18;
const SCALE = 10n ** BigInt(NAV_DECIMALS);
/** Wrapped SOL, a Jito vault's supported mint when it takes SOL itself: SPL Token program docs (spl.solana.com/token "Wrapping SOL"). */
export const WRAPPED_SOL_MINT = 'So11111111111111111111111111111111111111112';

/** How Solana balance rows are keyed: a VRT by a symbol made from its mint, a stake account's SOL by 'stake:<account>'. */
export const vrtSymbol = (mint: string) => `VRT-${mint.slice(0, 4)}`;
export const isVrtSymbol = (symbol: string) => symbol.startsWith('VRT-');
export const stakeRowAddress = (account: string) => `stake:${account}`;
export const isStakeAccountRow = (tokenAddress: string | null) => tokenAddress?.startsWith('stake:') ?? false;

/** The pool's epoch fee as a fraction ×10^18 (what it keeps of each epoch's rewards, MEV included). */
export function poolFeeRate(token: SolanaLst, state: StakePoolState, pinned: PinnedSlot): StoredRate {
  const { numerator, denominator } = state.epochFee;
  return {
    key: `fee:${token.symbol}`,
    value: (denominator === 0n ? 0n : (numerator * SCALE) / denominator).toString(),
    decimals: NAV_DECIMALS,
    updatedAt: pinned.blockTime,
    source: `SPL stake-pool epoch_fee ${numerator}/${denominator}`,
    error: null,
  };
}

export function poolNavRate(token: SolanaLst, state: StakePoolState, pinned: PinnedSlot, rpcUrl: string): StoredRate {
  if (state.poolTokenSupply === 0n) {
    // No tokens outstanding: there is no rate, and any balance of the token is impossible (sanity.ts checkBalance).
    return { key: `nav:${token.symbol}`, value: null, decimals: NAV_DECIMALS, updatedAt: pinned.blockTime, source: `SPL stake-pool account ${token.nav.type === 'spl-stake-pool' ? token.nav.pool : '?'}`, error: 'the pool has zero pool_token_supply, so no rate' };
  }
  const behind = state.lastUpdateEpoch < pinned.epoch ? `, last updated epoch ${state.lastUpdateEpoch} (now ${pinned.epoch}: the pool's rate is one update behind)` : `, epoch ${state.lastUpdateEpoch}`;
  return {
    key: `nav:${token.symbol}`,
    value: ((state.totalLamports * SCALE) / state.poolTokenSupply).toString(),
    decimals: NAV_DECIMALS,
    updatedAt: pinned.blockTime,
    source: `SPL stake-pool account ${token.nav.type === 'spl-stake-pool' ? token.nav.pool : '?'}: total_lamports ${state.totalLamports} / pool_token_supply ${state.poolTokenSupply}${behind}, slot ${pinned.slot} via ${rpcUrl}`,
    error: null,
  };
}

/** The vault's supported token: wrapped SOL, or a registry stake-pool token with its rate (null: none verified). */
export interface SupportedToken {
  symbol: string;
  decimals: number;
  /** SOL per token, NAV_DECIMALS. */
  nav: bigint;
}

export function supportedTokenOf(mint: string, tokens: readonly SolanaLst[], rates: readonly StoredRate[]): SupportedToken | null {
  if (mint === WRAPPED_SOL_MINT) return { symbol: 'wrapped SOL', decimals: 9, nav: SCALE };
  const token = tokens.find((item) => item.mint === mint);
  const rate = token ? rates.find((item) => item.key === `nav:${token.symbol}`) : undefined;
  return token && rate?.value ? { symbol: token.symbol, decimals: token.decimals, nav: BigInt(rate.value) } : null;
}

export function vrtNavRate(mint: string, vrtDecimals: number, vault: HeldVault, supported: SupportedToken | null, pinned: PinnedSlot, rpcUrl: string): StoredRate {
  const key = `nav:${vrtSymbol(mint)}`;
  const { vrtSupply, tokensDeposited, supportedMint } = vault.state;
  const failed = (error: string): StoredRate => ({ key, value: null, decimals: NAV_DECIMALS, updatedAt: pinned.blockTime, source: `Jito vault ${vault.address}`, error });
  if (vrtSupply === 0n) return failed(`vault ${vault.address} has no VRT supply, so no rate`);
  if (!supported) return failed(`the vault's supported token ${supportedMint} has no verified SOL rate in the registry`);
  // SOL per VRT = (tokens_deposited / 10^d_s) / (vrt_supply / 10^d_v) × NAV of the supported token.
  const value = (tokensDeposited * 10n ** BigInt(vrtDecimals) * supported.nav) / (vrtSupply * 10n ** BigInt(supported.decimals));
  return {
    key,
    value: value.toString(),
    decimals: NAV_DECIMALS,
    updatedAt: pinned.blockTime,
    source: `Jito vault ${vault.address}: tokens_deposited ${tokensDeposited} / vrt_supply ${vrtSupply} in ${supported.symbol}, valued at its NAV, slot ${pinned.slot} via ${rpcUrl}`,
    error: null,
  };
}
