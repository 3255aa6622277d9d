/**
 * Recognises a Babylon phase-1 (V0 "identifiable") staking transaction from its outputs,
 * following babylonlabs-io/babylon btcstaking/identifiable_staking.go (ParseV0StakingTx,
 * NewV0OpReturnDataFromBytes; stored at a3b6540f3d79930d13ea13c8930ab37d4c9437d9), the spec
 * docs/transaction-impl-spec.md "Observable Staking Transactions" (identifiable staking
 * transactions) and the script spec docs/staking-script.md §3.1 (same commit). Only phase-1
 * stakes carry the OP_RETURN; later ones are identified by their registration on Babylon.
 * A transaction is a staking transaction when:
 * - exactly one output is `OP_RETURN OP_DATA_71 <71 bytes>` with
 *   tag (4 B) | version (1 B, must be 0) | staker x-only pk (32 B) | finality-provider
 *   x-only pk (32 B) | staking time (u16 big-endian, BTC blocks);
 * - exactly one output's script equals the staking output rebuilt from that data: P2TR
 *   with the NUMS internal key and leaves timelock `<staker> CHECKSIGVERIFY <time> CSV` and
 *   unbonding `<staker> CHECKSIGVERIFY <covenant multisig>` at depth 2, slashing
 *   `<staker> CHECKSIGVERIFY <fp> CHECKSIGVERIFY <covenant multisig>` at depth 1. Its value
 *   is the staked amount. A change output paying back to the staker is never mistaken for
 *   it, because only the rebuilt script matches.
 */
import { hex } from '@scure/base';
import { parseRawTx, RawTxError, type TxOutput } from './raw-tx';
import { compareBytes, isValidXOnlyKey, NUMS_INTERNAL_KEY_HEX, tapBranchHash, tapLeafHash, taprootOutputKey } from './taproot';

export interface BabylonPhase1Params {
  /** 4-byte tag, hex ("62626e31" = "bbn1" on mainnet). */
  tagHex: string;
  /** Covenant committee keys, x-only (64 hex) or compressed (66 hex; the prefix is dropped). */
  covenantPks: readonly string[];
  covenantQuorum: number;
  source: string;
}

/**
 * Mainnet phase-1 parameters. Versions 0, 1 and 2 of babylonlabs-io/networks
 * bbn-1/parameters/global-params.json (last changed in 4cad4bf8e8d9e7f9a8a95eaaee1ad67bec5e22dd,
 * read at 05db2708c999c3f3c4fbceaa0778f75e19a5ea37) share this tag, these nine keys and
 * quorum 6, so one set recognises every phase-1 mainnet stake.
 */
export const BBN1_MAINNET_PARAMS: BabylonPhase1Params = {
  tagHex: '62626e31',
  covenantPks: [
    '03d45c70d28f169e1f0c7f4a78e2bc73497afe585b70aa897955989068f3350aaa',
    '034b15848e495a3a62283daaadb3f458a00859fe48e321f0121ebabbdd6698f9fa',
    '0223b29f89b45f4af41588dcaf0ca572ada32872a88224f311373917f1b37d08d1',
    '02d3c79b99ac4d265c2f97ac11e3232c07a598b020cf56c6f055472c893c0967ae',
    '038242640732773249312c47ca7bdb50ca79f15f2ecc32b9c83ceebba44fb74df7',
    '03e36200aaa8dce9453567bba108bdc51f7f1174b97a65e4dc4402fc5de779d41c',
    '03cbdd028cfe32c1c1f2d84bfec71e19f92df509bba7b8ad31ca6c1a134fe09204',
    '03f178fcce82f95c524b53b077e6180bd2d779a9057fdff4255a0af95af918cee0',
    '03de13fc96ea6899acbdc5db3afaa683f62fe35b60ff6eb723dad28a11d2b12f8c',
  ],
  covenantQuorum: 6,
  source: 'babylonlabs-io/networks bbn-1/parameters/global-params.json (versions 0-2) @ 4cad4bf8e8d9e7f9a8a95eaaee1ad67bec5e22dd',
};

export const V0_OP_RETURN_DATA_SIZE = 71;

export interface BabylonStakingTx {
  kind: 'staking';
  tagHex: string;
  version: 0;
  stakerPkHex: string;
  finalityProviderPkHex: string;
  /** BTC blocks. */
  stakingTime: number;
  opReturnIndex: number;
  stakingOutputIndex: number;
  /** Satoshi: the staking output's value. */
  stakingAmount: bigint;
  stakingScriptPubKeyHex: string;
}

export type NotBabylonReason = 'too-few-outputs' | 'no-op-return' | 'other-tag';
export type MalformedReason =
  | 'invalid-transaction'
  | 'op-return-length'
  | 'unsupported-version'
  | 'multiple-op-returns'
  | 'invalid-staker-key'
  | 'invalid-finality-provider-key'
  | 'no-staking-output'
  | 'multiple-staking-outputs';

export type BabylonStakingTxResult =
  | BabylonStakingTx
  | { kind: 'not-babylon'; reason: NotBabylonReason; message: string }
  | { kind: 'malformed'; reason: MalformedReason; message: string };

type Output = Pick<TxOutput, 'value' | 'scriptPubKey'>;

const OP_RETURN = 0x6a;
const OP_DATA_71 = 0x47;
const OP_PUSHDATA1 = 0x4c;

/** Recognises a staking transaction from its outputs (as decoded by parseRawTx). */
export function recognizeBabylonStakingTx(outputs: readonly Output[], params: BabylonPhase1Params = BBN1_MAINNET_PARAMS): BabylonStakingTxResult {
  const tag = decodeTag(params.tagHex);
  const covenant = covenantKeys(params);
  if (outputs.length < 2) return notBabylon('too-few-outputs', `A staking transaction has at least 2 outputs, this one has ${outputs.length}`);

  const matches: { index: number; data: Uint8Array }[] = [];
  let otherTag: string | null = null;
  let wrongLength: number | null = null;
  for (const [index, { scriptPubKey: script }] of outputs.entries()) {
    if (script[0] !== OP_RETURN) continue;
    if (script.length === V0_OP_RETURN_DATA_SIZE + 2 && script[1] === OP_DATA_71) {
      const data = script.subarray(2);
      if (compareBytes(data.subarray(0, 4), tag) === 0) matches.push({ index, data });
      else otherTag ??= hex.encode(data.subarray(0, 4));
    } else if (startsWithTag(script, tag)) {
      wrongLength ??= index;
    }
  }
  if (matches.length > 1) return malformed('multiple-op-returns', `Outputs ${matches.map((m) => m.index).join(', ')} all carry a Babylon OP_RETURN; only one is allowed`);
  const found = matches[0];
  if (!found) {
    if (wrongLength !== null) return malformed('op-return-length', `Output ${wrongLength} carries the Babylon tag but is not OP_RETURN OP_DATA_71 with ${V0_OP_RETURN_DATA_SIZE} data bytes`);
    if (otherTag !== null) return notBabylon('other-tag', `The 71-byte OP_RETURN has tag ${otherTag}, not ${params.tagHex}`);
    return notBabylon('no-op-return', 'No output carries a Babylon OP_RETURN');
  }

  const { data } = found;
  const version = data[4]!;
  if (version !== 0) return malformed('unsupported-version', `Babylon OP_RETURN version ${version}; only version 0 is defined`);
  const staker = data.slice(5, 37);
  const fp = data.slice(37, 69);
  if (!isValidXOnlyKey(staker)) return malformed('invalid-staker-key', 'Staker key in the OP_RETURN is not a valid x-only secp256k1 key');
  if (!isValidXOnlyKey(fp)) return malformed('invalid-finality-provider-key', 'Finality-provider key in the OP_RETURN is not a valid x-only secp256k1 key');
  const stakingTime = (data[69]! << 8) | data[70]!;

  const expected = stakingScriptPubKey(staker, fp, stakingTime, covenant, params.covenantQuorum);
  const stakingIndexes = outputs.flatMap((output, index) => (compareBytes(output.scriptPubKey, expected) === 0 ? [index] : []));
  if (stakingIndexes.length === 0) return malformed('no-staking-output', 'No output pays to the staking script rebuilt from the OP_RETURN and the covenant parameters');
  if (stakingIndexes.length > 1) return malformed('multiple-staking-outputs', `Outputs ${stakingIndexes.join(', ')} all pay to the staking script; only one is allowed`);
  const stakingOutputIndex = stakingIndexes[0]!;

  return {
    kind: 'staking',
    tagHex: hex.encode(tag),
    version: 0,
    stakerPkHex: hex.encode(staker),
    finalityProviderPkHex: hex.encode(fp),
    stakingTime,
    opReturnIndex: found.index,
    stakingOutputIndex,
    stakingAmount: outputs[stakingOutputIndex]!.value,
    stakingScriptPubKeyHex: hex.encode(expected),
  };
}

/** Decodes the raw hex first; an undecodable transaction is 'malformed' / 'invalid-transaction'. */
export function recognizeBabylonStakingRawTx(rawHex: string, params: BabylonPhase1Params = BBN1_MAINNET_PARAMS): BabylonStakingTxResult {
  let outputs: Output[];
  try {
    outputs = parseRawTx(rawHex).outputs;
  } catch (cause) {
    if (cause instanceof RawTxError) return malformed('invalid-transaction', cause.message);
    throw cause;
  }
  return recognizeBabylonStakingTx(outputs, params);
}

export interface StakingLeaves {
  timelock: Uint8Array;
  unbonding: Uint8Array;
  slashing: Uint8Array;
}

/** The three tapleaf scripts of docs/staking-script.md §3.1 (keys x-only, 32 bytes). */
export function stakingLeaves(staker: Uint8Array, fp: Uint8Array, stakingTime: number, covenant: readonly Uint8Array[], quorum: number): StakingLeaves {
  const stakerSig = [...push(staker), OP_CHECKSIGVERIFY];
  const covenantMultisig = multisig(covenant, quorum);
  return {
    timelock: Uint8Array.from([...stakerSig, ...scriptNumber(stakingTime), OP_CHECKSEQUENCEVERIFY]),
    unbonding: Uint8Array.from([...stakerSig, ...covenantMultisig]),
    slashing: Uint8Array.from([...stakerSig, ...push(fp), OP_CHECKSIGVERIFY, ...covenantMultisig]),
  };
}

/** `OP_1 <32-byte output key>` for the staking output. */
export function stakingScriptPubKey(staker: Uint8Array, fp: Uint8Array, stakingTime: number, covenant: readonly Uint8Array[], quorum: number): Uint8Array {
  const leaves = stakingLeaves(staker, fp, stakingTime, covenant, quorum);
  const root = tapBranchHash(tapBranchHash(tapLeafHash(leaves.timelock), tapLeafHash(leaves.unbonding)), tapLeafHash(leaves.slashing));
  return Uint8Array.from([0x51, 0x20, ...taprootOutputKey(hex.decode(NUMS_INTERNAL_KEY_HEX), root)]);
}

const OP_0 = 0x00;
const OP_1 = 0x51;
const OP_CHECKSIG = 0xac;
const OP_CHECKSIGVERIFY = 0xad;
const OP_CHECKSIGADD = 0xba;
const OP_NUMEQUAL = 0x9c;
const OP_CHECKSEQUENCEVERIFY = 0xb2;

/** `<k1> CHECKSIG <k2> CHECKSIGADD … <quorum> NUMEQUAL`, keys sorted (one key: `<k> CHECKSIG`). */
function multisig(keys: readonly Uint8Array[], quorum: number): number[] {
  if (keys.length === 1) return [...push(keys[0]!), OP_CHECKSIG];
  const sorted = [...keys].sort(compareBytes);
  return [...sorted.flatMap((key, i) => [...push(key), i === 0 ? OP_CHECKSIG : OP_CHECKSIGADD]), ...scriptNumber(quorum), OP_NUMEQUAL];
}

function push(data: Uint8Array): number[] {
  if (data.length > 75) throw new Error('push() only handles direct pushes up to 75 bytes');
  return [data.length, ...data];
}

/** A minimal script-number push, as btcd's ScriptBuilder.AddInt64 writes it (OP_0, OP_1..OP_16, or bytes). */
function scriptNumber(n: number): number[] {
  if (n === 0) return [OP_0];
  if (n >= 1 && n <= 16) return [OP_1 + n - 1];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.push(v % 256);
  if (bytes.at(-1)! & 0x80) bytes.push(0); // keep it positive
  return push(Uint8Array.from(bytes));
}

function startsWithTag(script: Uint8Array, tag: Uint8Array): boolean {
  const offset = script[1] === OP_PUSHDATA1 ? 3 : 2;
  return script.length >= offset + 4 && compareBytes(script.subarray(offset, offset + 4), tag) === 0;
}

function decodeTag(tagHex: string): Uint8Array {
  if (!/^[0-9a-f]{8}$/i.test(tagHex)) throw new Error(`Babylon tag must be 4 bytes of hex, got "${tagHex}"`);
  return hex.decode(tagHex.toLowerCase());
}

function covenantKeys(params: BabylonPhase1Params): Uint8Array[] {
  const keys = params.covenantPks.map((pk) => {
    if (!/^([0-9a-f]{64}|0[23][0-9a-f]{64})$/i.test(pk)) throw new Error(`Covenant key must be 32-byte x-only or 33-byte compressed hex, got "${pk}"`);
    return hex.decode(pk.toLowerCase()).slice(pk.length === 66 ? 1 : 0);
  });
  if (keys.length === 0) throw new Error('No covenant keys given');
  if (!Number.isInteger(params.covenantQuorum) || params.covenantQuorum < 1 || params.covenantQuorum > keys.length) throw new Error(`Covenant quorum ${params.covenantQuorum} must be between 1 and ${keys.length}`);
  return keys;
}

const notBabylon = (reason: NotBabylonReason, message: string): BabylonStakingTxResult => ({ kind: 'not-babylon', reason, message });
const malformed = (reason: MalformedReason, message: string): BabylonStakingTxResult => ({ kind: 'malformed', reason, message });
