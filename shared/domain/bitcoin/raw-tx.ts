/**
 * Raw Bitcoin transaction decoding, legacy and segwit (BIP 144 serialization: version,
 * [marker 0x00, flag 0x01], inputs, outputs, [witnesses], locktime; all little-endian).
 * The txid is double-SHA256 of the serialization without marker, flag and witnesses,
 * shown byte-reversed (BIP 141); the wtxid hashes the whole serialization.
 *
 * Every length and count is checked against the bytes left before anything is allocated,
 * so a hostile compact-size ("varint") cannot make a huge array or loop for long. Like
 * Bitcoin Core's ReadCompactSize, non-canonical compact sizes are refused, and like its
 * UnserializeTransaction, a witness flag with only empty witnesses ("superfluous witness
 * record") and unknown flag bits are refused.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';

export interface TxInput {
  /** Display (byte-reversed) hex of the spent transaction's id. */
  prevTxid: string;
  prevVout: number;
  scriptSig: Uint8Array;
  sequence: number;
  /** Witness stack items; empty for a legacy input. */
  witness: Uint8Array[];
}

export interface TxOutput {
  /** Satoshi. */
  value: bigint;
  scriptPubKey: Uint8Array;
}

export interface RawTx {
  version: number;
  inputs: TxInput[];
  outputs: TxOutput[];
  locktime: number;
  hasWitness: boolean;
  txid: string;
  wtxid: string;
  /** Serialized bytes, witness included. */
  size: number;
  /** BIP 141 weight: non-witness size × 3 + full size. */
  weight: number;
  vsize: number;
}

export class RawTxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'RawTxError';
  }
}

/**
 * Bitcoin Core consensus.h MAX_BLOCK_SERIALIZED_SIZE: no transaction can be larger than a
 * block, so longer input is refused before it is decoded.
 */
export const MAX_TX_BYTES = 4_000_000;

/** Smallest encodings, used to bound counts: an input is 32 + 4 + 1 + 4 bytes, an output 8 + 1. */
const MIN_INPUT_BYTES = 41;
const MIN_OUTPUT_BYTES = 9;
const MIN_WITNESS_ITEM_BYTES = 1;

/** Decodes a transaction from hex (surrounding whitespace is ignored, case is not significant). */
export function parseRawTx(rawHex: string): RawTx {
  const text = rawHex.trim();
  if (text.length === 0) throw new RawTxError('Raw transaction hex is empty', 0);
  if (text.length % 2 !== 0) throw new RawTxError(`Raw transaction hex has an odd length (${text.length} characters)`, 0);
  const bad = text.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new RawTxError(`Raw transaction hex has a non-hex character at position ${bad}`, 0);
  if (text.length / 2 > MAX_TX_BYTES) throw new RawTxError(`Raw transaction is ${text.length / 2} bytes, more than the ${MAX_TX_BYTES} a block can hold`, 0);
  return parseRawTxBytes(hex.decode(text.toLowerCase()));
}

export function parseRawTxBytes(bytes: Uint8Array): RawTx {
  if (bytes.length > MAX_TX_BYTES) throw new RawTxError(`Raw transaction is ${bytes.length} bytes, more than the ${MAX_TX_BYTES} a block can hold`, 0);
  const reader = new Reader(bytes);
  const version = reader.u32('version');
  let hasWitness = false;
  if (reader.peek() === 0x00) {
    // A zero input count here is the BIP 144 marker; the flag byte follows.
    reader.take(1, 'segwit marker');
    const flag = reader.take(1, 'segwit flag')[0]!;
    if (flag === 0x00) throw new RawTxError('Transaction has no inputs', reader.pos - 1);
    if (flag !== 0x01) throw new RawTxError(`Unknown segwit flag 0x${flag.toString(16).padStart(2, '0')} (only 0x01 is defined)`, reader.pos - 1);
    hasWitness = true;
  }
  const bodyStart = reader.pos;
  const inputCount = reader.count('input count', MIN_INPUT_BYTES);
  if (inputCount === 0) throw new RawTxError('Transaction has no inputs', bodyStart);
  const inputs: TxInput[] = [];
  for (let i = 0; i < inputCount; i++) {
    const prevTxid = reversedHex(reader.take(32, `input ${i} previous txid`));
    const prevVout = reader.u32(`input ${i} previous output index`);
    const scriptSig = reader.bytes(`input ${i} scriptSig`);
    const sequence = reader.u32(`input ${i} sequence`);
    inputs.push({ prevTxid, prevVout, scriptSig, sequence, witness: [] });
  }
  const outputCount = reader.count('output count', MIN_OUTPUT_BYTES);
  const outputs: TxOutput[] = [];
  for (let i = 0; i < outputCount; i++) {
    const value = reader.u64(`output ${i} value`);
    outputs.push({ value, scriptPubKey: reader.bytes(`output ${i} scriptPubKey`) });
  }
  const bodyEnd = reader.pos;
  if (hasWitness) {
    for (const [i, input] of inputs.entries()) {
      const items = reader.count(`input ${i} witness item count`, MIN_WITNESS_ITEM_BYTES);
      for (let j = 0; j < items; j++) input.witness.push(reader.bytes(`input ${i} witness item ${j}`));
    }
    if (inputs.every((input) => input.witness.length === 0)) throw new RawTxError('Segwit flag set but every witness is empty (superfluous witness record)', bodyEnd);
  }
  const locktime = reader.u32('locktime');
  if (reader.pos !== bytes.length) throw new RawTxError(`${bytes.length - reader.pos} unexpected bytes after the locktime`, reader.pos);

  const stripped = hasWitness ? concat(bytes.subarray(0, 4), bytes.subarray(bodyStart, bodyEnd), bytes.subarray(bytes.length - 4)) : bytes;
  const txid = reversedHex(sha256d(stripped));
  const weight = stripped.length * 3 + bytes.length;
  return {
    version,
    inputs,
    outputs,
    locktime,
    hasWitness,
    txid,
    wtxid: hasWitness ? reversedHex(sha256d(bytes)) : txid,
    size: bytes.length,
    weight,
    vsize: Math.ceil(weight / 4),
  };
}

export function sha256d(data: Uint8Array): Uint8Array {
  return sha256(sha256(data));
}

/** Hashes are serialized little-endian but shown big-endian (the way explorers print txids). */
export function reversedHex(bytes: Uint8Array): string {
  return hex.encode(Uint8Array.from(bytes).reverse());
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

class Reader {
  pos = 0;
  constructor(private readonly data: Uint8Array) {}

  peek(): number | undefined {
    return this.data[this.pos];
  }

  take(n: number, what: string): Uint8Array {
    const left = this.data.length - this.pos;
    if (n > left) throw new RawTxError(`Raw transaction truncated: ${what} needs ${n} bytes at offset ${this.pos}, ${left} left`, this.pos);
    // A copy, so the result never aliases the caller's buffer.
    const slice = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return slice;
  }

  u32(what: string): number {
    const b = this.take(4, what);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }

  u64(what: string): bigint {
    const b = this.take(8, what);
    let value = 0n;
    for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(b[i]!);
    return value;
  }

  /** A compact size; at most 2^64 − 1, returned as bigint so it is never rounded. */
  compactSize(what: string): bigint {
    const start = this.pos;
    const first = this.take(1, what)[0]!;
    if (first < 0xfd) return BigInt(first);
    const width = first === 0xfd ? 2 : first === 0xfe ? 4 : 8;
    const b = this.take(width, what);
    let value = 0n;
    for (let i = width - 1; i >= 0; i--) value = (value << 8n) | BigInt(b[i]!);
    const minimum = width === 2 ? 0xfdn : width === 4 ? 0x1_0000n : 0x1_0000_0000n;
    if (value < minimum) throw new RawTxError(`Non-canonical compact size for ${what} at offset ${start}`, start);
    return value;
  }

  /** A count of items each at least `minBytes` long: refused when the bytes left cannot hold them. */
  count(what: string, minBytes: number): number {
    const start = this.pos;
    const value = this.compactSize(what);
    const left = this.data.length - this.pos;
    if (value * BigInt(minBytes) > BigInt(left)) throw new RawTxError(`Raw transaction truncated or malformed: ${what} ${value} at offset ${start} cannot fit in the ${left} bytes left`, start);
    return Number(value);
  }

  bytes(what: string): Uint8Array {
    const start = this.pos;
    const length = this.compactSize(`${what} length`);
    const left = this.data.length - this.pos;
    if (length > BigInt(left)) throw new RawTxError(`Raw transaction truncated: ${what} needs ${length} bytes at offset ${start}, ${left} left`, start);
    return this.take(Number(length), what);
  }
}
