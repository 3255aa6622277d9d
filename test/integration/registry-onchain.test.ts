/**
 * The registry against the anvil fixture, read through the production multicall path:
 * every token's on-chain symbol() and decimals() must equal its registry entry. (On anvil the
 * mocks are configured from the registry, so this guards the fixture and the read path; the
 * same check against a real node is `registryMismatches` with a live RPC.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_IDS } from '../../shared/registry/chains';
import { tokensOn } from '../../shared/registry/evm-tokens';
import { createEvmClient } from '../../electron/main/chain/evm/client';
import { pinLatestBlock } from '../../electron/main/chain/evm/balances';
import { registryMismatches } from '../../electron/main/chain/evm/registry-check';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { sendTx } from '../support/evm-fixture';
import { compiled } from '../support/solidity';

let nodes: EvmNodes;
beforeAll(async () => {
  nodes = await startEvmChains();
});
afterAll(() => stopEvmChains(nodes));

describe('registry vs chain', () => {
  it('finds no symbol or decimals mismatch on any chain', async () => {
    for (const chain of CHAIN_IDS) {
      const evm = createEvmClient(chain, rpcOverrides(nodes)[chain]);
      const block = await pinLatestBlock(evm);
      expect(await registryMismatches(evm, block, tokensOn(chain)), chain).toEqual([]);
    }
  });

  it('reports a token whose on-chain decimals differ from the registry', async () => {
    const token = tokensOn('ethereum').find((item) => item.symbol === 'cbETH')!;
    await sendTx(nodes.ethereum, token.address, compiled('MockERC20').abi, 'configure', [token.name, token.symbol, 6]);
    const evm = createEvmClient('ethereum', rpcOverrides(nodes).ethereum);
    const mismatches = await registryMismatches(evm, await pinLatestBlock(evm), tokensOn('ethereum'));
    expect(mismatches).toEqual([`ethereum ${token.symbol} ${token.address}: decimals on chain 6, registry 18`]);
    await sendTx(nodes.ethereum, token.address, compiled('MockERC20').abi, 'configure', [token.name, token.symbol, token.decimals]);
  });
});
