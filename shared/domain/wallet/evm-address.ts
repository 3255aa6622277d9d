/** EVM addresses: EIP-55 checksummed, or single-case hex (which carries no checksum). */
import { getAddress, isAddress } from 'viem';
import { normalize } from 'viem/ens';

export type EvmCheck = { ok: true; address: `0x${string}` } | { ok: false; reason: string };
export type EnsCheck = { ok: true; name: string } | { ok: false; reason: string };

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function checkEvmAddress(input: string): EvmCheck {
  if (!input.startsWith('0x')) return { ok: false, reason: 'EVM address must start with 0x (lower-case x)' };
  if (!HEX_ADDRESS.test(input)) {
    return { ok: false, reason: `EVM address must be 0x followed by 40 hex digits (got ${input.length - 2})` };
  }
  const body = input.slice(2);
  const singleCase = body === body.toLowerCase() || body === body.toUpperCase();
  if (!singleCase && !isAddress(input, { strict: true })) {
    return { ok: false, reason: 'EVM address has a wrong EIP-55 checksum (mixed case that does not match); check for a typo' };
  }
  return { ok: true, address: getAddress(input.toLowerCase()) };
}

const DOTTED_NAME = /^[^\s.]+(\.[^\s.]+)+$/u;

export function looksLikeEnsName(input: string): boolean {
  return DOTTED_NAME.test(input) && !input.startsWith('0x');
}

/** ENSIP-15 normalisation; a name that cannot be normalised cannot be resolved. */
export function checkEnsName(input: string): EnsCheck {
  if (!looksLikeEnsName(input)) return { ok: false, reason: 'ENS name must look like name.eth' };
  try {
    return { ok: true, name: normalize(input) };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return { ok: false, reason: `Not a valid ENS name: ${detail}` };
  }
}
