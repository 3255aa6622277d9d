/**
 * Bitcoin address checks by the specs, not by regex:
 * - base58check P2PKH/P2SH, version bytes 0x00/0x05 mainnet, 0x6f/0xc4 testnet and regtest
 *   (Bitcoin Core src/kernel/chainparams.cpp, base58Prefixes);
 * - segwit v0 bech32 (BIP 173: 20-byte P2WPKH, 32-byte P2WSH) and v1 bech32m (BIP 350,
 *   BIP 341: 32-byte P2TR), human-readable parts bc / tb / bcrt (BIP 173 and chainparams).
 */
import { bech32, bech32m, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';

export type BitcoinAddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr';

export type BitcoinCheck =
  | { ok: true; address: string; type: BitcoinAddressType }
  | { ok: false; reason: string };

const base58check = createBase58check(sha256);
const NETWORK_BY_HRP: Record<string, string> = { tb: 'testnet or signet', bcrt: 'regtest' };
const BECH32_PREFIX = /^(bc|tb|bcrt)1/i;

export function looksLikeBech32Bitcoin(input: string): boolean {
  return BECH32_PREFIX.test(input);
}

export function checkBitcoinAddress(input: string): BitcoinCheck {
  return looksLikeBech32Bitcoin(input) ? checkSegwit(input) : checkBase58(input);
}

function checkSegwit(input: string): BitcoinCheck {
  if (input !== input.toLowerCase() && input !== input.toUpperCase()) {
    return { ok: false, reason: 'Bech32 address mixes upper and lower case' };
  }
  const address = input.toLowerCase();
  const v0 = bech32.decodeUnsafe(address, 90);
  const v1 = v0 ? undefined : bech32m.decodeUnsafe(address, 90);
  const decoded = v0 ?? v1;
  if (!decoded) return { ok: false, reason: 'Not a valid bech32/bech32m Bitcoin address (checksum or characters wrong)' };
  const network = NETWORK_BY_HRP[decoded.prefix];
  if (network) return { ok: false, reason: `This is a Bitcoin ${network} address; only mainnet addresses are accepted` };
  if (decoded.prefix !== 'bc') return { ok: false, reason: `Unknown Bitcoin address prefix "${decoded.prefix}"` };
  const [version, ...data] = decoded.words;
  const program = bech32.fromWordsUnsafe(data);
  if (version === undefined || !program) return { ok: false, reason: 'Bech32 address has no valid witness program' };
  if (version === 0) {
    if (!v0) return { ok: false, reason: 'Segwit v0 address must use bech32, not bech32m (BIP 350)' };
    if (program.length === 20) return { ok: true, address, type: 'p2wpkh' };
    if (program.length === 32) return { ok: true, address, type: 'p2wsh' };
    return { ok: false, reason: `Segwit v0 program must be 20 or 32 bytes, got ${program.length}` };
  }
  if (v0) return { ok: false, reason: 'Segwit v1+ address must use bech32m, not bech32 (BIP 350)' };
  if (version === 1 && program.length === 32) return { ok: true, address, type: 'p2tr' };
  return { ok: false, reason: `Unsupported segwit version ${version} with a ${program.length}-byte program` };
}

function checkBase58(input: string): BitcoinCheck {
  let payload: Uint8Array;
  try {
    payload = base58check.decode(input);
  } catch {
    return { ok: false, reason: 'Not a valid base58check Bitcoin address (checksum or characters wrong)' };
  }
  if (payload.length !== 21) return { ok: false, reason: `Bitcoin address payload must be 21 bytes, got ${payload.length}` };
  switch (payload[0]) {
    case 0x00:
      return { ok: true, address: input, type: 'p2pkh' };
    case 0x05:
      return { ok: true, address: input, type: 'p2sh' };
    case 0x6f:
    case 0xc4:
      return { ok: false, reason: 'This is a Bitcoin testnet or regtest address; only mainnet addresses are accepted' };
    default:
      return { ok: false, reason: `Unknown Bitcoin address version byte 0x${payload[0]!.toString(16).padStart(2, '0')}` };
  }
}

/** True when the text decodes as base58check with a 21-byte payload (any network). */
export function isBase58CheckAddress(input: string): boolean {
  try {
    return base58check.decode(input).length === 21;
  } catch {
    return false;
  }
}
