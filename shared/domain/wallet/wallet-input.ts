/**
 * Classifies what a person typed as a wallet: EVM address, ENS name, Bitcoin or Solana
 * address. Every rejection carries a reason a person can act on.
 */
import { checkBitcoinAddress, isBase58CheckAddress, looksLikeBech32Bitcoin } from './bitcoin-address';
import { checkEnsName, checkEvmAddress, looksLikeEnsName } from './evm-address';
import { checkSolanaAddress, looksLikeBase58 } from './solana-address';

export const WALLET_KINDS = ['evm', 'solana', 'bitcoin'] as const;
export type WalletKind = (typeof WALLET_KINDS)[number];

export type ParsedWalletInput =
  | { kind: 'evm'; address: `0x${string}` }
  | { kind: 'ens'; name: string }
  | { kind: 'solana'; address: string }
  | { kind: 'bitcoin'; address: string; type: string };

export type WalletInputCheck = { ok: true; value: ParsedWalletInput } | { ok: false; reason: string };

export function parseWalletInput(raw: string): WalletInputCheck {
  const input = raw.trim();
  if (input === '') return { ok: false, reason: 'Address is empty' };
  if (input.length > 255) return { ok: false, reason: 'Address is too long' };
  if (/^0x/i.test(input)) {
    const evm = checkEvmAddress(input);
    return evm.ok ? { ok: true, value: { kind: 'evm', address: evm.address } } : evm;
  }
  if (looksLikeBech32Bitcoin(input)) return bitcoin(input);
  if (looksLikeEnsName(input)) {
    const ens = checkEnsName(input);
    return ens.ok ? { ok: true, value: { kind: 'ens', name: ens.name } } : ens;
  }
  if (looksLikeBase58(input)) {
    if (isBase58CheckAddress(input)) return bitcoin(input);
    const solana = checkSolanaAddress(input);
    if (solana.ok) return { ok: true, value: { kind: 'solana', address: solana.address } };
    if (/^[13mn2]/.test(input) && input.length >= 26 && input.length <= 35) {
      return { ok: false, reason: 'Looks like a Bitcoin address, but its base58check checksum is wrong' };
    }
    return solana;
  }
  return {
    ok: false,
    reason: 'Not a recognised address: expected an EVM address (0x…), an ENS name, a Solana address or a Bitcoin mainnet address',
  };
}

function bitcoin(input: string): WalletInputCheck {
  const check = checkBitcoinAddress(input);
  return check.ok ? { ok: true, value: { kind: 'bitcoin', address: check.address, type: check.type } } : check;
}
