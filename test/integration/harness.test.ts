/**
 * The test harness itself: a real anvil node, our mocks at real mainnet addresses, and real
 * viem reading them the way production does (Multicall3 aggregate3 at a pinned block, ENS
 * through the Universal Resolver). If these fail, every integration test built on them lies.
 */
import {
  createPublicClient,
  encodeFunctionData,
  decodeFunctionResult,
  encodeAbiParameters,
  erc20Abi,
  getAddress,
  http,
  multicall3Abi,
  parseAbi,
  type Abi,
  type AbiFunction,
  type Address,
  type PublicClient,
} from 'viem';
import { mainnet } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTICALL3_ADDRESS } from '../../shared/registry/chains';
import { startAnvil, type AnvilNode } from '../support/anvil';
import {
  ENS_UNIVERSAL_RESOLVER,
  installBaseContracts,
  installRevertingToken,
  installToken,
  mineBlock,
  setEnsAddress,
  setNativeBalance,
  setTokenBalance,
} from '../support/evm-fixture';
import { compiled } from '../support/solidity';

/** wstETH on Ethereum: Lido docs, Deployed contracts, "wstETH token" (https://docs.lido.fi/deployed-contracts/). */
const WSTETH = getAddress('0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0');
const BAD_TOKEN = getAddress('0xbad0000000000000000000000000000000000bad'); // made up
const ALICE = getAddress('0xa11ce00000000000000000000000000000000a1c');
const BOB = getAddress('0xb0b0000000000000000000000000000000000b0b');
const ALICE_WSTETH = 1_234_567_890_123_456_789n;
const BOB_WSTETH = 987_654_321_987_654_321_987n;
const ALICE_ETH = 31_415_926_535_897_932_384n;

/** The IMulticall3 functions our mock implements (mds1/multicall3 src/interfaces/IMulticall3.sol). */
const MULTICALL3_ABI = parseAbi([
  'struct Call { address target; bytes callData; }',
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate(Call[] calls) payable returns (uint256 blockNumber, bytes[] returnData)',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function tryAggregate(bool requireSuccess, Call[] calls) payable returns (Result[] returnData)',
  'function getBasefee() view returns (uint256 basefee)',
  'function getBlockHash(uint256 blockNumber) view returns (bytes32 blockHash)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getChainId() view returns (uint256 chainid)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getLastBlockHash() view returns (bytes32 blockHash)',
]);

/** `name(inputs) mutability returns (outputs)`: what makes two ABIs call-compatible. */
const shape = (fn: AbiFunction) =>
  `${fn.name}(${fn.inputs.map((p) => p.type).join(',')}) ${fn.stateMutability} returns (${fn.outputs.map((p) => p.type).join(',')})`;
const functionShapes = (abi: Abi) => abi.filter((item): item is AbiFunction => item.type === 'function').map(shape);

let node: AnvilNode;
let client: PublicClient;

beforeAll(async () => {
  node = await startAnvil({ chainId: 1 });
  client = createPublicClient({ chain: mainnet, transport: http(node.url, { retryCount: 0 }) });
  await installBaseContracts(node);
  await installToken(node, { address: WSTETH, name: 'Wrapped liquid staked Ether 2.0', symbol: 'wstETH', decimals: 18 });
  await installRevertingToken(node, BAD_TOKEN);
  await setTokenBalance(node, WSTETH, ALICE, ALICE_WSTETH);
  await setTokenBalance(node, WSTETH, BOB, BOB_WSTETH);
  await setNativeBalance(node, ALICE, ALICE_ETH);
  await setEnsAddress(node, 'alice.eth', ALICE);
  await setEnsAddress(node, 'no-address.eth', '0x0000000000000000000000000000000000000000');
});
afterAll(() => node?.stop());

describe('mocks have the real ABIs and addresses', () => {
  it('MockERC20 has the ERC-20 view surface exactly as viem’s erc20Abi declares it', () => {
    const standard = functionShapes(erc20Abi).filter((s) => /^(name|symbol|decimals|totalSupply|balanceOf)\(/.test(s));
    expect(standard).toHaveLength(5);
    expect(functionShapes(compiled('MockERC20').abi)).toEqual(expect.arrayContaining(standard));
  });

  it('Multicall3 matches the published IMulticall3 signatures it implements', () => {
    expect(functionShapes(compiled('Multicall3').abi).sort()).toEqual(functionShapes(MULTICALL3_ABI).sort());
  });

  it('puts the mocks where viem looks for them', async () => {
    expect(ENS_UNIVERSAL_RESOLVER).toBe(getAddress('0xeeeeeeee14d718c2b47d9923deab1335e144eeee'));
    expect(MULTICALL3_ADDRESS).toBe(getAddress(mainnet.contracts.multicall3.address));
    expect(await client.getCode({ address: MULTICALL3_ADDRESS })).toBe(compiled('Multicall3').deployedBytecode);
    expect(await client.getCode({ address: ENS_UNIVERSAL_RESOLVER })).toBe(compiled('MockUniversalResolver').deployedBytecode);
  });
});

describe('Multicall3 through viem', () => {
  const reads = [
    { address: WSTETH, abi: erc20Abi, functionName: 'balanceOf', args: [ALICE] },
    { address: WSTETH, abi: erc20Abi, functionName: 'balanceOf', args: [BOB] },
    { address: BAD_TOKEN, abi: erc20Abi, functionName: 'balanceOf', args: [ALICE] },
    { address: WSTETH, abi: erc20Abi, functionName: 'totalSupply' },
    { address: WSTETH, abi: erc20Abi, functionName: 'symbol' },
    { address: BAD_TOKEN, abi: erc20Abi, functionName: 'decimals' },
    { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getEthBalance', args: [ALICE] },
  ] as const;

  it('returns exact balances at a pinned block, and one reverting call fails alone', async () => {
    const pinned = await client.getBlockNumber({ cacheTime: 0 });
    const read = (blockNumber: bigint) => client.multicall({ contracts: reads, allowFailure: true, multicallAddress: MULTICALL3_ADDRESS, blockNumber });

    const before = await read(pinned);
    expect(before.map((result) => result.status)).toEqual(['success', 'success', 'failure', 'success', 'success', 'success', 'success']);
    expect(before[0].result).toBe(ALICE_WSTETH);
    expect(before[1].result).toBe(BOB_WSTETH);
    expect(before[2].error?.message).toContain('balanceOf is broken');
    expect(before[3].result).toBe(ALICE_WSTETH + BOB_WSTETH);
    expect(before[4].result).toBe('wstETH');
    expect(before[5].result).toBe(18);
    expect(before[6].result).toBe(ALICE_ETH);

    // Later state changes must not leak into a read pinned to an earlier block.
    await setTokenBalance(node, WSTETH, ALICE, 7n);
    try {
      expect(await mineBlock(node)).toBeGreaterThan(pinned + 1n);
      expect(await read(pinned)).toEqual(before);
      const after = await read(await client.getBlockNumber({ cacheTime: 0 }));
      expect(after[0].result).toBe(7n);
      expect(after[3].result).toBe(7n + BOB_WSTETH);
    } finally {
      await setTokenBalance(node, WSTETH, ALICE, ALICE_WSTETH);
    }
  });

  it('getEthBalance inside a raw aggregate3 call returns the anvil_setBalance value', async () => {
    const callData = encodeFunctionData({ abi: multicall3Abi, functionName: 'getEthBalance', args: [ALICE] });
    const [result] = await client.readContract({
      address: MULTICALL3_ADDRESS,
      abi: multicall3Abi,
      functionName: 'aggregate3',
      args: [[{ target: MULTICALL3_ADDRESS, allowFailure: false, callData }]],
    });
    expect(result?.success).toBe(true);
    expect(decodeFunctionResult({ abi: multicall3Abi, functionName: 'getEthBalance', data: result!.returnData })).toBe(ALICE_ETH);
  });

  it('reverts the whole batch with "Multicall3: call failed" when a failing call may not fail', async () => {
    // viem's multicall always sends allowFailure: true and applies its own allowFailure
    // client-side, so the contract's revert is checked with raw aggregate3 / aggregate calls
    // (eth_call through simulateContract: both are payable, which readContract refuses).
    const bad = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [ALICE] });
    const good = encodeFunctionData({ abi: erc20Abi, functionName: 'decimals' });
    const aggregate3 = async (allowFailure: boolean) => {
      const { result } = await client.simulateContract({
        address: MULTICALL3_ADDRESS,
        abi: MULTICALL3_ABI,
        functionName: 'aggregate3',
        args: [[{ target: WSTETH, allowFailure: false, callData: good }, { target: BAD_TOKEN, allowFailure, callData: bad }]],
      });
      return result;
    };
    await expect(aggregate3(false)).rejects.toThrow('Multicall3: call failed');
    const [first, second] = await aggregate3(true);
    expect([first?.success, second?.success]).toEqual([true, false]);

    const aggregate = async (target: Address) => {
      const { result } = await client.simulateContract({ address: MULTICALL3_ADDRESS, abi: MULTICALL3_ABI, functionName: 'aggregate', args: [[{ target, callData: bad }]] });
      return result;
    };
    await expect(aggregate(BAD_TOKEN)).rejects.toThrow('Multicall3: call failed');
    const [blockNumber, [balance]] = await aggregate(WSTETH);
    expect(blockNumber).toBe(await client.getBlockNumber({ cacheTime: 0 }));
    expect(balance).toBe(encodeAbiParameters([{ type: 'uint256' }], [ALICE_WSTETH]));
  });

  it('needs an explicit multicallAddress at low block numbers (viem checks blockCreated)', async () => {
    // mainnet.contracts.multicall3.blockCreated is 14_353_601; anvil starts at block 0.
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    await expect(client.multicall({ contracts: reads, blockNumber })).rejects.toThrow('does not support contract "multicall3"');
  });
});

describe('ENS through viem’s Universal Resolver path', () => {
  it('resolves a configured name and returns null for unknown names', async () => {
    expect(await client.getEnsAddress({ name: 'alice.eth' })).toBe(ALICE);
    // addr(bytes32,uint256) answers raw bytes, which viem hands back as-is: not checksummed.
    expect(await client.getEnsAddress({ name: 'alice.eth', coinType: 60n })).toBe(ALICE.toLowerCase());
    expect(await client.getEnsAddress({ name: 'nobody-here.eth' })).toBeNull();
    expect(await client.getEnsAddress({ name: 'pay.alice.eth' })).toBeNull();
    expect(await client.getEnsAddress({ name: 'no-address.eth' })).toBeNull(); // registered, zero address
  });

  it('answers "unknown" with the ResolverNotFound revert viem maps to null', async () => {
    await expect(client.getEnsAddress({ name: 'nobody-here.eth', strict: true })).rejects.toThrow('ResolverNotFound');
  });

  it('needs an explicit universalResolverAddress at a pinned low block (viem checks blockCreated)', async () => {
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    await expect(client.getEnsAddress({ name: 'alice.eth', blockNumber })).rejects.toThrow('does not support contract "ensUniversalResolver"');
    expect(await client.getEnsAddress({ name: 'alice.eth', blockNumber, universalResolverAddress: ENS_UNIVERSAL_RESOLVER })).toBe(ALICE);
  });
});

describe('startAnvil', () => {
  it('starts a node with the requested chain id, and kill() takes it down at once', async () => {
    const arbitrum = await startAnvil({ chainId: 42161 });
    try {
      expect(arbitrum.chainId).toBe(42161);
      expect(arbitrum.url).toBe(`http://127.0.0.1:${arbitrum.port}`);
      const arbitrumClient = createPublicClient({ transport: http(arbitrum.url, { retryCount: 0 }) });
      expect(await arbitrumClient.getChainId()).toBe(42161);
      await installBaseContracts(arbitrum);
      const chainId = await arbitrumClient.readContract({
        address: MULTICALL3_ADDRESS,
        abi: parseAbi(['function getChainId() view returns (uint256)']),
        functionName: 'getChainId',
      });
      expect(chainId).toBe(42161n);
      expect(await arbitrumClient.getCode({ address: ENS_UNIVERSAL_RESOLVER })).toBeUndefined(); // ENS mock on chain 1 only
      arbitrum.kill();
      await expect(arbitrumClient.getBlockNumber({ cacheTime: 0 })).rejects.toThrow();
    } finally {
      await arbitrum.stop();
    }
  });

  it('mines on its own with blockTime', async () => {
    const interval = await startAnvil({ chainId: 31337, blockTime: 1 });
    try {
      const intervalClient = createPublicClient({ transport: http(interval.url, { retryCount: 0 }) });
      const first = await intervalClient.getBlockNumber({ cacheTime: 0 });
      await expect.poll(() => intervalClient.getBlockNumber({ cacheTime: 0 }), { timeout: 5_000, interval: 200 }).toBeGreaterThan(first);
    } finally {
      await interval.stop();
    }
  });
});
