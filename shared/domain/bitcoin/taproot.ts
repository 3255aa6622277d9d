/**
 * The little of BIP 340 / BIP 341 needed to rebuild a Taproot output key from an internal
 * key and a script tree: tagged hashes, TapLeaf / TapBranch hashes, lift_x and the
 * TapTweak point addition Q = P + t·G on secp256k1. Public data only (no private keys, no
 * signing), so plain bigint arithmetic is fine; nothing here needs to be constant-time.
 *
 * Curve constants: SEC 2 v2 §2.4.1 (secp256k1), as quoted in BIP 340.
 * lift_x, tagged hashes: BIP 340 "Specification". taproot_tweak_pubkey, TapLeaf/TapBranch:
 * BIP 341 "Constructing and spending Taproot outputs".
 */
import { sha256 } from '@noble/hashes/sha2.js';

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const GX = 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n;
const GY = 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n;

/** BIP 341 leaf version for Tapscript. */
export const TAPSCRIPT_LEAF_VERSION = 0xc0;

/**
 * BIP 341's provably unspendable internal key H (x-only), "lift_x(SHA256(G uncompressed))";
 * Babylon's staking output uses it to disable the key path (babylon docs/staking-script.md §3.1).
 */
export const NUMS_INTERNAL_KEY_HEX = '50929b74c1a04954b78b4b6035e97a5e078a5a0f28ec96d547bfee9ace803ac0';

export function taggedHash(tag: string, ...parts: Uint8Array[]): Uint8Array {
  const tagHash = sha256(new TextEncoder().encode(tag));
  const hash = sha256.create().update(tagHash).update(tagHash);
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function tapLeafHash(script: Uint8Array, leafVersion = TAPSCRIPT_LEAF_VERSION): Uint8Array {
  return taggedHash('TapLeaf', Uint8Array.of(leafVersion), compactSize(script.length), script);
}

/** Children are hashed in lexicographic order, so the caller's order does not matter. */
export function tapBranchHash(a: Uint8Array, b: Uint8Array): Uint8Array {
  return compareBytes(a, b) <= 0 ? taggedHash('TapBranch', a, b) : taggedHash('TapBranch', b, a);
}

/** True when the 32 bytes are the x coordinate of a point on secp256k1 (BIP 340 lift_x succeeds). */
export function isValidXOnlyKey(key: Uint8Array): boolean {
  return key.length === 32 && liftX(toBigInt(key)) !== null;
}

/**
 * BIP 341 taproot_tweak_pubkey: the x-only output key for an x-only internal key and a
 * script-tree Merkle root. Throws on an invalid key (the caller checks keys first).
 */
export function taprootOutputKey(internalKey: Uint8Array, merkleRoot: Uint8Array): Uint8Array {
  const x = key32(internalKey);
  const point = liftX(x);
  if (!point) throw new Error('Taproot internal key is not a point on secp256k1');
  const t = toBigInt(taggedHash('TapTweak', internalKey, merkleRoot));
  if (t >= N) throw new Error('Taproot tweak is not below the curve order');
  const q = toAffine(add(toJacobian(point), multiplyG(t)));
  if (!q) throw new Error('Taproot output key is the point at infinity');
  return fromBigInt(q.x);
}

/** A Bitcoin compact size (used inside TapLeaf hashes for the script length). */
export function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >>> 8);
  return Uint8Array.of(0xfe, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

interface Affine {
  x: bigint;
  y: bigint;
}
/** Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity. */
interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

const mod = (a: bigint): bigint => {
  const r = a % P;
  return r >= 0n ? r : r + P;
};

function pow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

function liftX(x: bigint): Affine | null {
  if (x >= P) return null;
  const c = mod(x * x * x + 7n);
  const y = pow(c, (P + 1n) / 4n);
  if ((y * y) % P !== c) return null;
  return { x, y: y % 2n === 0n ? y : P - y };
}

const toJacobian = (p: Affine): Jacobian => ({ x: p.x, y: p.y, z: 1n });
const INFINITY: Jacobian = { x: 0n, y: 1n, z: 0n };

function double(p: Jacobian): Jacobian {
  if (p.z === 0n || p.y === 0n) return INFINITY;
  const yy = mod(p.y * p.y);
  const s = mod(4n * p.x * yy);
  const m = mod(3n * p.x * p.x);
  const x = mod(m * m - 2n * s);
  return { x, y: mod(m * (s - x) - 8n * yy * yy), z: mod(2n * p.y * p.z) };
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p.z === 0n) return q;
  if (q.z === 0n) return p;
  const pz2 = mod(p.z * p.z);
  const qz2 = mod(q.z * q.z);
  const u1 = mod(p.x * qz2);
  const u2 = mod(q.x * pz2);
  const s1 = mod(p.y * qz2 * q.z);
  const s2 = mod(q.y * pz2 * p.z);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1);
  const r = mod(s2 - s1);
  const hh = mod(h * h);
  const hhh = mod(hh * h);
  const x = mod(r * r - hhh - 2n * u1 * hh);
  return { x, y: mod(r * (u1 * hh - x) - s1 * hhh), z: mod(h * p.z * q.z) };
}

function multiplyG(k: bigint): Jacobian {
  let result = INFINITY;
  let addend = toJacobian({ x: GX, y: GY });
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend);
    addend = double(addend);
  }
  return result;
}

function toAffine(p: Jacobian): Affine | null {
  if (p.z === 0n) return null;
  const zInv = pow(p.z, P - 2n);
  const zInv2 = mod(zInv * zInv);
  return { x: mod(p.x * zInv2), y: mod(p.y * zInv2 * zInv) };
}

function key32(key: Uint8Array): bigint {
  if (key.length !== 32) throw new Error(`x-only key must be 32 bytes, got ${key.length}`);
  return toBigInt(key);
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function fromBigInt(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = value;
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
