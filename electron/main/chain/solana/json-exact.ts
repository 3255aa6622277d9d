import { z } from 'zod';

/**
 * JSON.parse that keeps integers beyond 2^53 exact: lamports and token amounts are u64, and
 * Solana's JSON-RPC sends some of them as bare numbers (getBalance, account lamports). Every
 * integer literal of 16 digits or more outside a string is turned into a string first, so
 * schemas read it as a decimal string instead of a rounded float.
 */
export function parseJsonExact(text: string): unknown {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i += 1;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j]!)) j += 1;
      const literal = text.slice(i, j);
      out += /^-?\d{16,}$/.test(literal) ? `"${literal}"` : literal;
      i = j;
      continue;
    }
    out += ch;
    i += 1;
  }
  return JSON.parse(out);
}

/** A u64 read from parseJsonExact's output: a JSON number below 2^53, or the string it made of a longer integer. */
export const u64Schema = z
  .union([z.number().int().nonnegative().refine(Number.isSafeInteger, 'integer beyond 2^53'), z.string().regex(/^\d+$/)])
  .transform((value) => BigInt(value));
