/** Babylon phase-1 staking transactions: real mainnet fixtures, API examples, and rejections. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hex } from '@scure/base';
import { parseRawTx, type TxOutput } from '../../shared/domain/bitcoin/raw-tx';
import { BBN1_MAINNET_PARAMS, recognizeBabylonStakingRawTx, recognizeBabylonStakingTx, stakingLeaves, type BabylonPhase1Params } from '../../shared/domain/bitcoin/babylon-staking-tx';

const FIXTURE = '../shared/fixtures/bitcoin-babylon-staking';
const read = (path: string) => readFileSync(path, 'utf8');
const expected = JSON.parse(read(`${FIXTURE}/expected.json`));
const primaryHex = read(`${FIXTURE}/tx.7d90210b.hex`);
const secondaryHex = read(`${FIXTURE}/tx.2aeeddb9.hex`);
const outputsOf = (rawHex: string): TxOutput[] => parseRawTx(rawHex).outputs;
const script = (h: string) => hex.decode(h);

describe('recognizeBabylonStakingTx on the real mainnet fixtures', () => {
  for (const [name, rawHex] of [['primary', primaryHex], ['secondary', secondaryHex]] as const) {
    it(`${name}: exactly the values of expected.json`, () => {
      const want = expected[name];
      expect(recognizeBabylonStakingTx(outputsOf(rawHex))).toEqual({
        kind: 'staking',
        tagHex: want.babylon_op_return.tag_hex,
        version: want.babylon_op_return.version,
        stakerPkHex: want.babylon_op_return.staker_pk_hex,
        finalityProviderPkHex: want.babylon_op_return.finality_provider_pk_hex,
        stakingTime: want.babylon_op_return.staking_time,
        opReturnIndex: want.babylon_op_return.output_index,
        stakingOutputIndex: want.staking_output.index,
        stakingAmount: BigInt(want.staking_output.value_sat),
        stakingScriptPubKeyHex: want.staking_output.scriptpubkey,
      });
    });

    it(`${name}: the rebuilt tapleaf scripts are the fixture's`, () => {
      const want = expected[name];
      const covenant = BBN1_MAINNET_PARAMS.covenantPks.map((pk) => script(pk).slice(1));
      const leaves = stakingLeaves(script(want.babylon_op_return.staker_pk_hex), script(want.babylon_op_return.finality_provider_pk_hex), 64_000, covenant, 6);
      expect({ timelock: hex.encode(leaves.timelock), unbonding: hex.encode(leaves.unbonding), slashing: hex.encode(leaves.slashing) }).toEqual(want.staking_output.tapleaf_scripts);
    });
  }

  it('primary: the change output pays to the staker key, yet only output 0 is the staking output', () => {
    const outputs = outputsOf(primaryHex);
    expect(hex.encode(outputs[2]!.scriptPubKey)).toBe(`5120${expected.primary.babylon_op_return.staker_pk_hex}`);
    expect(recognizeBabylonStakingTx([outputs[2]!, outputs[1]!, outputs[0]!])).toMatchObject({ kind: 'staking', stakingOutputIndex: 2, opReturnIndex: 1, stakingAmount: 30_000_400_000n });
  });

  it('recognizes straight from raw hex', () => {
    expect(recognizeBabylonStakingRawTx(secondaryHex)).toMatchObject({ kind: 'staking', stakingAmount: 4_994_180n });
  });
});

describe('with other parameters (the staking API examples, testnet tag "bbt4")', () => {
  const networkInfo = JSON.parse(read('../shared/api-shapes/babylon.v2-network-info.example.json')).data.params.bbn;
  const paramsFor = (version: number): BabylonPhase1Params => {
    const p = networkInfo.find((candidate: { version: number }) => candidate.version === version);
    return { tagHex: '62627434', covenantPks: p.covenant_pks, covenantQuorum: p.covenant_quorum, source: 'babylon.v2-network-info.example.json' };
  };

  it('a v2 delegation (params_version 1) is rebuilt with x-only covenant keys and matches the API fields', () => {
    const delegation = JSON.parse(read('../shared/api-shapes/babylon.v2-delegations.example.json')).data[0];
    const staking = delegation.delegation_staking;
    expect(recognizeBabylonStakingRawTx(staking.staking_tx_hex, paramsFor(delegation.params_version))).toMatchObject({
      kind: 'staking',
      stakerPkHex: delegation.staker_btc_pk_hex,
      finalityProviderPkHex: delegation.finality_provider_btc_pks_hex[0],
      stakingTime: staking.staking_timelock,
      stakingOutputIndex: staking.staking_output_idx,
      stakingAmount: BigInt(staking.staking_amount),
    });
    // the mainnet tag does not match, and another covenant set rebuilds a different script
    expect(recognizeBabylonStakingRawTx(staking.staking_tx_hex)).toEqual({ kind: 'not-babylon', reason: 'other-tag', message: 'The 71-byte OP_RETURN has tag 62627434, not 62626e31' });
    expect(recognizeBabylonStakingRawTx(staking.staking_tx_hex, paramsFor(2))).toMatchObject({ kind: 'malformed', reason: 'no-staking-output' });
  });

  it('a v1 (phase-1) delegation matches params version 0', () => {
    const delegation = JSON.parse(read('../shared/api-shapes/babylon.v1-staker-delegations.example.json')).data[0];
    expect(recognizeBabylonStakingRawTx(delegation.staking_tx.tx_hex, paramsFor(0))).toMatchObject({
      kind: 'staking',
      stakerPkHex: delegation.staker_pk_hex,
      finalityProviderPkHex: delegation.finality_provider_pk_hex,
      stakingOutputIndex: delegation.staking_tx.output_index,
      stakingAmount: BigInt(delegation.staking_value),
      stakingTime: delegation.staking_tx.timelock,
    });
  });
});

describe('not Babylon, or malformed', () => {
  const outputs = outputsOf(primaryHex);
  const [staking, opReturn, change] = outputs as [TxOutput, TxOutput, TxOutput];
  const withOpReturn = (h: string): TxOutput[] => [staking, { value: 0n, scriptPubKey: script(h) }, change];
  const opReturnHex = hex.encode(opReturn.scriptPubKey);
  const payload = opReturnHex.slice(4); // after 6a47

  it('too few outputs, no OP_RETURN, another OP_RETURN', () => {
    expect(recognizeBabylonStakingTx([staking])).toMatchObject({ kind: 'not-babylon', reason: 'too-few-outputs' });
    expect(recognizeBabylonStakingTx([staking, change])).toMatchObject({ kind: 'not-babylon', reason: 'no-op-return' });
    expect(recognizeBabylonStakingTx(withOpReturn('6a0b68656c6c6f20776f726c64'))).toMatchObject({ kind: 'not-babylon', reason: 'no-op-return' });
    expect(recognizeBabylonStakingTx(outputsOf(read(`${FIXTURE}/tx.7d90210b.hex`)), { ...BBN1_MAINNET_PARAMS, tagHex: '62627434' })).toMatchObject({ kind: 'not-babylon', reason: 'other-tag' });
  });

  it('a tagged OP_RETURN of the wrong length', () => {
    expect(recognizeBabylonStakingTx(withOpReturn(`6a48${payload}00`))).toMatchObject({ kind: 'malformed', reason: 'op-return-length' });
    expect(recognizeBabylonStakingTx(withOpReturn(`6a46${payload.slice(0, -2)}`))).toMatchObject({ kind: 'malformed', reason: 'op-return-length' });
    expect(recognizeBabylonStakingTx(withOpReturn(`6a4c47${payload}`))).toMatchObject({ kind: 'malformed', reason: 'op-return-length' });
  });

  it('an unknown version, two OP_RETURNs, keys not on the curve', () => {
    expect(recognizeBabylonStakingTx(withOpReturn(`6a4762626e3101${payload.slice(10)}`))).toEqual({ kind: 'malformed', reason: 'unsupported-version', message: 'Babylon OP_RETURN version 1; only version 0 is defined' });
    expect(recognizeBabylonStakingTx([...outputs, opReturn])).toMatchObject({ kind: 'malformed', reason: 'multiple-op-returns', message: 'Outputs 1, 3 all carry a Babylon OP_RETURN; only one is allowed' });
    const x5 = '00'.repeat(31) + '05'; // 5³ + 7 has no square root mod p
    expect(recognizeBabylonStakingTx(withOpReturn(`6a4762626e3100${x5}${payload.slice(74)}`))).toMatchObject({ kind: 'malformed', reason: 'invalid-staker-key' });
    expect(recognizeBabylonStakingTx(withOpReturn(`6a4762626e3100${payload.slice(10, 74)}${'ff'.repeat(32)}fa00`))).toMatchObject({ kind: 'malformed', reason: 'invalid-finality-provider-key' });
  });

  it('no output pays to the rebuilt staking script, or two do', () => {
    // a different staking time rebuilds a different timelock leaf
    expect(recognizeBabylonStakingTx(withOpReturn(`${opReturnHex.slice(0, -4)}f9ff`))).toMatchObject({ kind: 'malformed', reason: 'no-staking-output' });
    expect(recognizeBabylonStakingTx([opReturn, change])).toMatchObject({ kind: 'malformed', reason: 'no-staking-output' });
    expect(recognizeBabylonStakingTx([staking, opReturn, { ...staking, value: 1n }])).toMatchObject({ kind: 'malformed', reason: 'multiple-staking-outputs' });
  });

  it('undecodable hex is malformed / invalid-transaction', () => {
    expect(recognizeBabylonStakingRawTx(primaryHex.trim().slice(0, 200))).toMatchObject({ kind: 'malformed', reason: 'invalid-transaction', message: expect.stringMatching(/^Raw transaction truncated/) });
  });

  it('bad parameters are a programming error', () => {
    expect(() => recognizeBabylonStakingTx(outputs, { ...BBN1_MAINNET_PARAMS, tagHex: 'bbn1' })).toThrow('Babylon tag must be 4 bytes of hex, got "bbn1"');
    expect(() => recognizeBabylonStakingTx(outputs, { ...BBN1_MAINNET_PARAMS, covenantQuorum: 10 })).toThrow('Covenant quorum 10 must be between 1 and 9');
    expect(() => recognizeBabylonStakingTx(outputs, { ...BBN1_MAINNET_PARAMS, covenantPks: ['04abcd'] })).toThrow(/Covenant key must be/);
  });
});
