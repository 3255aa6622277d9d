/** Solana addresses are the base58 encoding of a 32-byte public key (or program-derived address). */
import { base58 } from '@scure/base';

export type SolanaCheck = { ok: true; address: string } | { ok: false; reason: string };

const BASE58_CHARS = /^[1-9A-HJ-NP-Za-km-z]+$/;

export function looksLikeBase58(input: string): boolean {
  return BASE58_CHARS.test(input);
}

export function checkSolanaAddress(input: string): SolanaCheck {
  if (!looksLikeBase58(input)) return { ok: false, reason: 'Solana address has characters outside base58' };
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(input);
  } catch {
    return { ok: false, reason: 'Solana address is not valid base58' };
  }
  if (bytes.length !== 32) return { ok: false, reason: `Solana address must decode to 32 bytes, got ${bytes.length}` };
  // base58 allows leading-zero padding variants; only the canonical encoding is an address.
  if (base58.encode(bytes) !== input) return { ok: false, reason: 'Solana address is not in canonical base58 form' };
  return { ok: true, address: input };
}
