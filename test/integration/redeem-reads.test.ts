/**
 * The redeem-params reader against our mocks on a real anvil node, placed with anvil_setCode
 * at the real mainnet addresses of shared/registry/exit-routes.ts, so the production reader
 * runs unchanged. Swell's swEXIT is left without code: its params must fail alone.
 */
import type { Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { ETH_MARKER, EXIT_ROUTES, exitRouteOf } from '../../shared/registry/exit-routes';
import { redeemWait } from '../../shared/domain/redeem-wait';
import { createEvmClient, type EvmClient } from '../../electron/main/chain/evm/client';
import { pinLatestBlock } from '../../electron/main/chain/evm/balances';
import { readRedeemParams, type RedeemParams } from '../../electron/main/chain/evm/redeem-reads';
import { startAnvil, type AnvilNode } from '../support/anvil';
import { installBaseContracts, mineBlock, sendTx, setCode } from '../support/evm-fixture';
import { compiled } from '../support/solidity';

const ETH = 10n ** 18n;
const DAY = 86_400;
/** The contract a route's param is read from, from the registry itself. */
const at = (symbol: string, id: string): `0x${string}` => {
  const param = exitRouteOf(symbol)?.params.find((item) => item.id === id);
  if (!param) throw new Error(`no param ${symbol}.${id}`);
  return param.contract;
};

let node: AnvilNode;
let evm: EvmClient;

async function install(address: string, contract: string, args: readonly unknown[], setter = 'set'): Promise<void> {
  await setCode(node, address, contract);
  await sendTx(node, address, compiled(contract).abi as Abi, setter, args);
}

beforeAll(async () => {
  node = await startAnvil({ chainId: 1 });
  evm = createEvmClient('ethereum', [node.url], { retryCount: 0 });
  await installBaseContracts(node);
  await install(at('stETH', 'unfinalizedStETH'), 'MockLidoWithdrawalQueue', [1_234n * ETH, 56n, false]);
  await install(at('rETH', 'totalCollateral'), 'MockRocketTokenRETH', [3n * ETH]);
  await install(at('eETH', 'instantRedeemable'), 'MockEtherFiRedemptionManager', [ETH_MARKER, 40n * ETH, 30]);
  await install(at('eETH', 'nextRequestId'), 'MockEtherFiWithdrawRequestNFT', [9_001, 8_990]);
  await install(at('ezETH', 'coolDownPeriod'), 'MockRenzoWithdrawQueue', [BigInt(7 * DAY), ETH_MARKER, 500n * ETH, 12n * ETH]);
  await install(at('rsETH', 'withdrawalDelayBlocks'), 'MockKelpWithdrawalManager', [57_600n, ETH_MARKER, ETH / 100n]);
  await install(at('pufETH', 'exitFeeBps'), 'MockPufferVaultFees', [100n]);
  await install(at('pufETH', 'maxWithdrawal'), 'MockPufferWithdrawalManager', [96n * ETH]);
  await install(at('mETH', 'blocksToFinalize'), 'MockMantleUnstakeRequestsManager', [7_200n, 2n * ETH]);
  await install(at('mETH', 'minimumUnstake'), 'MockMantleStaking', [ETH / 100n]);
  await install(at('ETHx', 'minBlockDelay'), 'MockStaderConfig', [600n]);
  await install(at('ETHx', 'nextRequestId'), 'MockStaderUserWithdrawalManager', [700n, 650n, 80n * ETH]);
  await install(at('LBTC', 'redeemFee'), 'MockLombardRedeem', [10_000n, 20_000n, true]);
  await install(EIGENLAYER.delegationManager, 'MockDelegationManager', [100_800], 'setMinWithdrawalDelayBlocks');
  await mineBlock(node);
});
afterAll(() => node?.stop());

const paramsOf = (reads: RedeemParams[], symbol: string) => reads.find((read) => read.symbol === symbol)?.params;
const value = (v: bigint | boolean) => ({ ok: true, value: v });

describe('readRedeemParams', () => {
  it('reads every verified view at the pinned block, typed', async () => {
    const block = await pinLatestBlock(evm);
    const reads = await readRedeemParams(evm, block.number, EXIT_ROUTES);
    expect(reads.map((read) => read.symbol)).toEqual(EXIT_ROUTES.map((route) => route.symbol));
    for (const read of reads) expect(read).toMatchObject({ routeId: read.symbol, blockNumber: block.number });
    expect(paramsOf(reads, 'stETH')).toEqual({ unfinalizedStETH: value(1_234n * ETH), unfinalizedRequests: value(56n), paused: value(false) });
    expect(paramsOf(reads, 'wstETH')).toEqual(paramsOf(reads, 'stETH'));
    expect(paramsOf(reads, 'rETH')).toEqual({ totalCollateral: value(3n * ETH) });
    expect(paramsOf(reads, 'eETH')).toEqual({ instantRedeemable: value(40n * ETH), instantExitFeeBps: value(30n), nextRequestId: value(9_001n), lastFinalizedRequestId: value(8_990n) });
    expect(paramsOf(reads, 'ezETH')).toEqual({ coolDownPeriod: value(BigInt(7 * DAY)), availableETH: value(500n * ETH), queueDeficitETH: value(12n * ETH) });
    expect(paramsOf(reads, 'rsETH')).toEqual({ withdrawalDelayBlocks: value(57_600n), minRsEthToWithdraw: value(ETH / 100n) });
    expect(paramsOf(reads, 'pufETH')).toEqual({ exitFeeBps: value(100n), maxWithdrawal: value(96n * ETH) });
    expect(paramsOf(reads, 'mETH')).toEqual({ blocksToFinalize: value(7_200n), ethDeficit: value(2n * ETH), minimumUnstake: value(ETH / 100n) });
    expect(paramsOf(reads, 'ETHx')).toEqual({ minBlockDelay: value(600n), nextRequestId: value(700n), nextRequestIdToFinalize: value(650n), ethRequested: value(80n * ETH) });
    expect(paramsOf(reads, 'LBTC')).toEqual({ redeemFee: value(10_000n), redeemMin: value(20_000n), redeemsEnabled: value(true) });
    expect(paramsOf(reads, 'EigenLayer')).toEqual({ minWithdrawalDelayBlocks: value(100_800n) });
    for (const symbol of ['cbETH', 'rswETH', 'uniBTC', 'SolvBTC']) expect(paramsOf(reads, symbol), symbol).toEqual({});
  });

  it('gives a contract without code its own per-param errors, not a throw', async () => {
    const reads = await readRedeemParams(evm, (await pinLatestBlock(evm)).number, [exitRouteOf('swETH')!, exitRouteOf('rETH')!]);
    expect(paramsOf(reads, 'swETH')).toEqual({
      lastTokenIdCreated: { ok: false, error: 'Unexpected return data (0 bytes) from getLastTokenIdCreated' },
      lastTokenIdProcessed: { ok: false, error: 'Unexpected return data (0 bytes) from getLastTokenIdProcessed' },
      requestMinimum: { ok: false, error: 'Unexpected return data (0 bytes) from withdrawRequestMinimum' },
      requestMaximum: { ok: false, error: 'Unexpected return data (0 bytes) from withdrawRequestMaximum' },
    });
    expect(paramsOf(reads, 'rETH')).toEqual({ totalCollateral: value(3n * ETH) });
  });

  it('computes the waits from the reads', async () => {
    const block = await pinLatestBlock(evm);
    const reads = await readRedeemParams(evm, block.number, EXIT_ROUTES);
    const now = { block: block.number, timestamp: Number(block.timestamp) };
    const waitOf = (symbol: string, amount?: bigint) => redeemWait({ route: exitRouteOf(symbol)!, params: paramsOf(reads, symbol)!, now, ...(amount === undefined ? {} : { amount }) });
    expect(waitOf('EigenLayer')).toMatchObject({ minSeconds: 100_801 * 12, maxSeconds: 100_801 * 12, basis: 'chain' });
    expect(waitOf('ezETH', 10n * ETH)).toMatchObject({ minSeconds: 7 * DAY, maxSeconds: 15 * DAY, basis: 'chain' });
    expect(waitOf('rsETH')).toMatchObject({ minSeconds: 8 * DAY, maxSeconds: 21 * DAY, basis: 'chain' });
    expect(waitOf('mETH')).toMatchObject({ minSeconds: DAY, maxSeconds: null, basis: 'chain' });
    expect(waitOf('ETHx')).toMatchObject({ minSeconds: 7_200, maxSeconds: null, basis: 'chain' });
    expect(waitOf('rETH', 2n * ETH)).toMatchObject({ minSeconds: 0, maxSeconds: 0, basis: 'chain' });
    expect(waitOf('rETH', 4n * ETH)).toMatchObject({ minSeconds: null, maxSeconds: null, basis: 'chain', text: expect.stringMatching(/^not instantly redeemable/) });
    expect(waitOf('weETH', 41n * ETH)).toMatchObject({ maxSeconds: 7 * DAY, basis: 'documented' });
    expect(waitOf('stETH')).toMatchObject({ minSeconds: DAY, maxSeconds: 5 * DAY, basis: 'documented' });
    expect(waitOf('swETH')).toMatchObject({ basis: 'unknown' });
  });

  it('reads the pinned block, not the latest', async () => {
    const before = (await pinLatestBlock(evm)).number;
    await sendTx(node, at('rsETH', 'withdrawalDelayBlocks'), compiled('MockKelpWithdrawalManager').abi as Abi, 'set', [72_000n, ETH_MARKER, ETH]);
    const kelp = [exitRouteOf('rsETH')!];
    expect(paramsOf(await readRedeemParams(evm, before, kelp), 'rsETH')?.withdrawalDelayBlocks).toEqual(value(57_600n));
    expect(paramsOf(await readRedeemParams(evm, (await pinLatestBlock(evm)).number, kelp), 'rsETH')?.withdrawalDelayBlocks).toEqual(value(72_000n));
  });

  it('rejects on a dead RPC (transport failure), so no half read is stored', async () => {
    const dead = createEvmClient('ethereum', ['http://127.0.0.1:9'], { retryCount: 0, timeoutMs: 2_000 });
    await expect(readRedeemParams(dead, 1n, EXIT_ROUTES)).rejects.toThrow();
  });
});
