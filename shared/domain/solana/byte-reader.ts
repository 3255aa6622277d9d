/**
 * A little-endian cursor over raw Solana account bytes (Borsh and bincode are both
 * little-endian and unpadded). Every read checks the length first, so a truncated account
 * (for example an RPC `dataSlice`) fails with a message naming the offset instead of
 * decoding zeros or garbage past the end.
 */
import { base58 } from '@scure/base';

export const PUBKEY_BYTES = 32;

export class ByteReader {
  private readonly view: DataView;
  private position = 0;

  /** `label` names the account kind in errors ("StakePool account data too short: …"). */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly label: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.position;
  }

  get length(): number {
    return this.bytes.length;
  }

  u8(): number {
    const at = this.take(1);
    return this.view.getUint8(at);
  }

  u32(): number {
    const at = this.take(4);
    return this.view.getUint32(at, true);
  }

  /** u64 as bigint: lamports and epochs exceed 2^53 (u64::MAX marks "never"). */
  u64(): bigint {
    const at = this.take(8);
    return this.view.getBigUint64(at, true);
  }

  i64(): bigint {
    const at = this.take(8);
    return this.view.getBigInt64(at, true);
  }

  /** A 32-byte public key in its canonical base58 text form. */
  pubkey(): string {
    const at = this.take(PUBKEY_BYTES);
    return base58.encode(this.bytes.subarray(at, at + PUBKEY_BYTES));
  }

  /**
   * Borsh `Option<T>` tag: 0 = None, 1 = Some. Any other byte means we are not reading
   * what we think we are, so it is refused rather than treated as Some.
   */
  optionTag(field: string): boolean {
    return this.enumTag(field, 2) === 1;
  }

  /** A Borsh enum discriminant (one byte) that must be below `variants`. */
  enumTag(field: string, variants: number): number {
    const at = this.position;
    const tag = this.u8();
    if (tag >= variants) {
      throw new Error(`${this.label} account data invalid: ${field} tag ${tag} at offset ${at} (expected 0..${variants - 1})`);
    }
    return tag;
  }

  /** Reserves `size` bytes and returns where they start, or throws the "too short" error. */
  private take(size: number): number {
    const at = this.position;
    if (at + size > this.bytes.length) {
      throw new Error(`${this.label} account data too short: needs ${size} bytes at offset ${at}, has ${this.bytes.length}`);
    }
    this.position = at + size;
    return at;
  }
}
