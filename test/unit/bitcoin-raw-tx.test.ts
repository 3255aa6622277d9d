/** Raw transaction decoding against real mainnet fixtures, and hostile input. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hex } from '@scure/base';
import { MAX_TX_BYTES, parseRawTx, parseRawTxBytes, RawTxError } from '../../shared/domain/bitcoin/raw-tx';

const FIXTURE = '../shared/fixtures/bitcoin-babylon-staking';
const read = (path: string) => readFileSync(`${FIXTURE}/${path}`, 'utf8');
const expected = JSON.parse(read('expected.json'));
const cases = [
  { name: 'primary', hexFile: 'tx.7d90210b.hex', want: expected.primary },
  { name: 'secondary', hexFile: 'tx.2aeeddb9.hex', want: expected.secondary },
] as const;

interface EsploraVin {
  txid: string;
  vout: number;
  witness?: string[];
  scriptsig: string;
  sequence: number;
}
interface EsploraVout {
  scriptpubkey: string;
  value: number;
}

/**
 * Bitcoin's genesis coinbase, a legacy (non-witness) transaction: Bitcoin Core
 * src/kernel/chainparams.cpp CreateGenesisBlock. Its txid is the genesis merkle root that
 * chainparams asserts, so the bytes verify themselves.
 */
const GENESIS_COINBASE =
  '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000';

describe('parseRawTx on real Babylon staking transactions', () => {
  for (const { name, hexFile, want } of cases) {
    it(`${name}: txid, wtxid, sizes, inputs and outputs are exactly the fixture's`, () => {
      const tx = parseRawTx(read(hexFile)); // the file ends with a newline: whitespace is ignored
      expect(tx).toMatchObject({ txid: want.txid, wtxid: want.wtxid, version: want.version, locktime: want.locktime, size: want.size, weight: want.weight, vsize: want.vsize, hasWitness: true });
      expect(tx.inputs.map((input) => ({ prev_txid: input.prevTxid, prev_vout: input.prevVout, sequence: input.sequence, witness_items: input.witness.length }))).toEqual(
        want.inputs.map((input: Record<string, unknown>) => ({ prev_txid: input.prev_txid, prev_vout: input.prev_vout, sequence: input.sequence, witness_items: input.witness_items })),
      );
      expect(tx.outputs.map((output) => ({ value: output.value, script: hex.encode(output.scriptPubKey) }))).toEqual(
        want.outputs.map((output: { value_sat: string; scriptpubkey: string }) => ({ value: BigInt(output.value_sat), script: output.scriptpubkey })),
      );
    });

    it(`${name}: agrees field by field with the Esplora /tx response`, () => {
      const esplora = JSON.parse(read(`esplora/tx/${want.txid}/index.json`));
      const tx = parseRawTx(read(`esplora/tx/${want.txid}/hex`));
      expect(tx.txid).toBe(esplora.txid);
      expect([tx.version, tx.locktime, tx.size, tx.weight]).toEqual([esplora.version, esplora.locktime, esplora.size, esplora.weight]);
      expect(tx.inputs.map((input) => ({ txid: input.prevTxid, vout: input.prevVout, scriptsig: hex.encode(input.scriptSig), witness: input.witness.map((item) => hex.encode(item)), sequence: input.sequence }))).toEqual(
        esplora.vin.map((vin: EsploraVin) => ({ txid: vin.txid, vout: vin.vout, scriptsig: vin.scriptsig, witness: vin.witness ?? [], sequence: vin.sequence })),
      );
      expect(tx.outputs.map((output) => ({ scriptpubkey: hex.encode(output.scriptPubKey), value: output.value }))).toEqual(esplora.vout.map((vout: EsploraVout) => ({ scriptpubkey: vout.scriptpubkey, value: BigInt(vout.value) })));
    });
  }

  it('the secondary input is a 64-byte key-path Schnorr signature, sequence 0xffffff46', () => {
    const [input] = parseRawTx(read('tx.2aeeddb9.hex')).inputs;
    expect(input!.witness.map((item) => item.length)).toEqual([64]);
    expect(input!.sequence).toBe(0xffffff46);
    expect(input!.scriptSig.length).toBe(0);
  });

  it('accepts upper-case hex', () => {
    expect(parseRawTx(read('tx.7d90210b.hex').toUpperCase()).txid).toBe(expected.primary.txid);
  });
});

describe('parseRawTx on legacy transactions', () => {
  it('decodes the genesis coinbase: txid is the genesis merkle root, weight is 4 × size', () => {
    const tx = parseRawTx(GENESIS_COINBASE);
    expect(tx.txid).toBe('4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b');
    expect(tx).toMatchObject({ version: 1, locktime: 0, hasWitness: false, size: 204, weight: 816, vsize: 204 });
    expect(tx.wtxid).toBe(tx.txid);
    expect(tx.inputs).toEqual([{ prevTxid: '0'.repeat(64), prevVout: 0xffffffff, scriptSig: expect.any(Uint8Array), sequence: 0xffffffff, witness: [] }]);
    expect(tx.inputs[0]!.scriptSig.length).toBe(77);
    expect(tx.outputs).toHaveLength(1);
    expect(tx.outputs[0]!.value).toBe(5_000_000_000n);
    expect(tx.outputs[0]!.scriptPubKey.length).toBe(67);
  });

  it('a segwit tx without its witness (the legacy serialization) has the same txid', () => {
    const segwit = hex.decode(read('tx.7d90210b.hex').trim());
    const tx = parseRawTxBytes(segwit);
    // version | inputs+outputs (after marker and flag, before the 1 + 1 + 64 witness bytes) | locktime
    const body = segwit.subarray(6, segwit.length - 4 - 66);
    const legacy = Uint8Array.from([...segwit.subarray(0, 4), ...body, ...segwit.subarray(segwit.length - 4)]);
    const stripped = parseRawTxBytes(legacy);
    expect(stripped).toMatchObject({ txid: tx.txid, wtxid: tx.txid, hasWitness: false, size: legacy.length, weight: legacy.length * 4 });
    expect(stripped.outputs).toEqual(tx.outputs);
  });

  it('decodes the unbonding tx of the API example (legacy), which spends the staking output', () => {
    const delegation = JSON.parse(readFileSync('../shared/api-shapes/babylon.v2-delegations.example.json', 'utf8')).data[0];
    const unbonding = parseRawTx(delegation.delegation_unbonding.unbonding_tx);
    expect(unbonding.hasWitness).toBe(false);
    expect(unbonding.inputs.map((input) => [input.prevTxid, input.prevVout])).toEqual([[delegation.delegation_staking.staking_tx_hash_hex, delegation.delegation_staking.staking_output_idx]]);
    expect(parseRawTx(delegation.delegation_staking.staking_tx_hex).txid).toBe(delegation.delegation_staking.staking_tx_hash_hex);
  });
});

describe('parseRawTx refuses malformed input with a clear error', () => {
  const primary = read('tx.7d90210b.hex').trim();
  const fail = (input: string) => () => parseRawTx(input);

  it('empty, odd-length, non-hex', () => {
    expect(fail('')).toThrow('Raw transaction hex is empty');
    expect(fail('abc')).toThrow('odd length');
    expect(fail('0200zz00')).toThrow('non-hex character at position 4');
  });

  it('every truncation of a real transaction is a RawTxError, never a hang or a wrong parse', () => {
    for (let chars = 2; chars < primary.length; chars += 2) {
      expect(fail(primary.slice(0, chars))).toThrow(RawTxError);
    }
    expect(fail(primary.slice(0, 90))).toThrow('Raw transaction truncated or malformed: input count 1 at offset 6 cannot fit in the 38 bytes left');
    expect(fail(primary.slice(0, 300))).toThrow('Raw transaction truncated: output 1 scriptPubKey needs 73 bytes at offset 100, 49 left');
    expect(fail(primary.slice(0, 500))).toThrow('Raw transaction truncated: input 0 witness item 0 needs 64 bytes at offset 218, 31 left');
    expect(fail(primary.slice(0, 570))).toThrow('Raw transaction truncated: locktime needs 4 bytes at offset 283, 2 left');
  });

  it('a hostile compact size is refused before allocating anything', () => {
    const started = Date.now();
    expect(fail('02000000' + 'ff' + 'ffffffffffffffff')).toThrow(/input count 18446744073709551615 at offset 4 cannot fit in the 0 bytes left/);
    expect(fail('02000000' + 'fe' + 'ffffff00' + '00'.repeat(100))).toThrow(/input count 16777215 .* cannot fit/);
    // one input whose scriptSig claims 4 GB
    expect(fail('02000000' + '01' + '00'.repeat(36) + 'feffffffff' + '00'.repeat(8))).toThrow(/input 0 scriptSig needs 4294967295 bytes at offset 41, 8 left/);
    // one input, then an output count of 2^32 − 1
    expect(fail('02000000' + '01' + '00'.repeat(36) + '00' + 'ffffffff' + 'feffffffff' + '00'.repeat(20))).toThrow(/output count 4294967295 .* cannot fit/);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('non-canonical compact size, unknown segwit flag, superfluous witness, trailing bytes, no inputs', () => {
    expect(fail('02000000' + 'fd0100' + '00'.repeat(60))).toThrow('Non-canonical compact size for input count at offset 4');
    expect(fail(primary.slice(0, 10) + '02' + primary.slice(12))).toThrow('Unknown segwit flag 0x02');
    expect(fail(primary.slice(0, 8) + '0000' + primary.slice(12))).toThrow('Transaction has no inputs');
    const emptyWitness = primary.slice(0, primary.length - 8 - 132) + '00' + primary.slice(primary.length - 8);
    expect(fail(emptyWitness)).toThrow('superfluous witness record');
    expect(fail(primary + '00')).toThrow('1 unexpected bytes after the locktime');
  });

  it('input longer than a block can hold is refused without decoding', () => {
    expect(fail('00'.repeat(MAX_TX_BYTES + 1))).toThrow(`more than the ${MAX_TX_BYTES} a block can hold`);
  });

  it('random bytes either decode or fail with RawTxError', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256;
    for (let round = 0; round < 2_000; round++) {
      const bytes = Uint8Array.from({ length: 1 + (round % 300) }, next);
      if (round % 3 === 0) bytes.set([2, 0, 0, 0, 0, 1].slice(0, bytes.length)); // segwit header
      try {
        parseRawTxBytes(bytes);
      } catch (cause) {
        expect(cause).toBeInstanceOf(RawTxError);
      }
    }
  });
});
