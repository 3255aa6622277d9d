/**
 * Places our compiled mocks at real addresses on an anvil node (anvil_setCode) and sets their
 * state through real transactions sent with viem, so production reads run unchanged. setCode
 * runs no constructor, which is why every mock is configured through setters afterwards.
 */
import { createTestClient, createWalletClient, getAddress, http, namehash, parseAbi, publicActions, toFunctionSelector, type Abi, type Address, type Hex } from 'viem';
import { mainnet } from 'viem/chains';
import { normalize } from 'viem/ens';
import { MULTICALL3_ADDRESS } from '../../shared/registry/chains';
import type { AnvilNode } from './anvil';
import { compiled } from './solidity';

/**
 * Where viem's getEnsAddress sends its resolveWithGateways call on mainnet:
 * viem 2.57 src/chains/definitions/mainnet.ts contracts.ensUniversalResolver
 * (0xeEeEEEeE14D718C2B47D9923Deab1335E144EeEe). Read from viem itself so the mock follows
 * viem if a future version moves it; the harness test pins the value.
 */
export const ENS_UNIVERSAL_RESOLVER: Address = getAddress(mainnet.contracts.ensUniversalResolver.address);

/**
 * anvil's first default account, unlocked by anvil (derived from its well-known test
 * mnemonic; listed first in anvil's "Available Accounts" / --config-out available_accounts).
 */
const SENDER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function makeClients(node: AnvilNode) {
  const transport = http(node.url, { retryCount: 0 });
  return {
    test: createTestClient({ mode: 'anvil', transport }).extend(publicActions),
    wallet: createWalletClient({ account: SENDER, transport }),
  };
}

const clients = new WeakMap<AnvilNode, ReturnType<typeof makeClients>>();

function clientsOf(node: AnvilNode): ReturnType<typeof makeClients> {
  let entry = clients.get(node);
  if (!entry) clients.set(node, (entry = makeClients(node)));
  return entry;
}

/** Sends a state-changing call and waits for its receipt; fails on a revert. */
export async function sendTx(node: AnvilNode, address: string, abi: Abi, functionName: string, args: readonly unknown[]): Promise<void> {
  const { test, wallet } = clientsOf(node);
  const to = address as Address;
  // A transaction to an address without code "succeeds" silently; a forgotten install
  // should fail here instead of as a confusing zero later.
  const code = await test.getCode({ address: to });
  if (!code || code === '0x') throw new Error(`No contract at ${address} on chain ${node.chainId}: install it before calling ${functionName}`);
  const hash = await wallet.writeContract({ address: to, abi, functionName, args, chain: null });
  const receipt = await test.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success') throw new Error(`${functionName} on ${address} reverted`);
}

export async function setCode(node: AnvilNode, address: string, contract: string): Promise<void> {
  await clientsOf(node).test.setCode({ address: address as Address, bytecode: compiled(contract).deployedBytecode });
}

/** Multicall3 on every chain; the ENS Universal Resolver mock on Ethereum mainnet only. */
export async function installBaseContracts(node: AnvilNode): Promise<void> {
  // MULTICALL3_ADDRESS cites its source (mds1/multicall3 README) in shared/registry/chains.ts.
  await setCode(node, MULTICALL3_ADDRESS, 'Multicall3');
  if (node.chainId === mainnet.id) await setCode(node, ENS_UNIVERSAL_RESOLVER, 'MockUniversalResolver');
}

export async function installToken(node: AnvilNode, token: { address: Address; name: string; symbol: string; decimals: number }): Promise<void> {
  await setCode(node, token.address, 'MockERC20');
  await sendTx(node, token.address, compiled('MockERC20').abi, 'configure', [token.name, token.symbol, token.decimals]);
}

export async function installRevertingToken(node: AnvilNode, address: Address): Promise<void> {
  await setCode(node, address, 'RevertingToken');
}

/** Sets a MockERC20 balance; totalSupply moves by the difference. */
export async function setTokenBalance(node: AnvilNode, token: Address, holder: Address, amount: bigint): Promise<void> {
  await sendTx(node, token, compiled('MockERC20').abi, 'setBalance', [holder, amount]);
}

/** anvil_setBalance: takes effect at once, without mining a block. */
export async function setNativeBalance(node: AnvilNode, holder: Address, amount: bigint): Promise<void> {
  await clientsOf(node).test.setBalance({ address: holder, value: amount });
}

/**
 * Makes `name` resolve to `address` through viem's getEnsAddress. The mock is keyed by the
 * namehash of the normalized name (ENS stores names normalized, and so does this), and it
 * recomputes that namehash from the DNS-encoded name viem sends.
 */
export async function setEnsAddress(node: AnvilNode, name: string, address: Address): Promise<void> {
  if (node.chainId !== mainnet.id) throw new Error(`ENS resolution is mocked on chain 1 only, not ${node.chainId}`);
  await sendTx(node, ENS_UNIVERSAL_RESOLVER, compiled('MockUniversalResolver').abi, 'setAddr', [namehash(normalize(name)), address]);
}

/** Mines one block and returns its number. */
export async function mineBlock(node: AnvilNode): Promise<bigint> {
  const { test } = clientsOf(node);
  await test.mine({ blocks: 1 });
  return test.getBlockNumber({ cacheTime: 0 });
}

/** Makes `signature` (a no-argument uint256 view) answer `value` on a mock token or view source. */
export async function setView(node: AnvilNode, address: string, signature: string, value: bigint, contract: 'MockERC20' | 'MockViewSource' = 'MockERC20'): Promise<void> {
  const selector: Hex = toFunctionSelector(signature);
  await sendTx(node, address, compiled(contract).abi, 'setView', [selector, value]);
}

export async function installViewSource(node: AnvilNode, address: string): Promise<void> {
  await setCode(node, address, 'MockViewSource');
}

export async function installAggregator(node: AnvilNode, feed: string): Promise<void> {
  await setCode(node, feed, 'MockAggregatorV3');
}

export async function setAggregatorRound(node: AnvilNode, feed: string, decimals: number, answer: bigint, updatedAt: number): Promise<void> {
  await sendTx(node, feed, compiled('MockAggregatorV3').abi, 'setRound', [decimals, answer, BigInt(updatedAt)]);
}

/** Moves the node's clock forward: the next block is at least this much later. */
export async function increaseTime(node: AnvilNode, seconds: number): Promise<void> {
  await clientsOf(node).test.increaseTime({ seconds });
}

/** Every block's timestamp, by number, read one by one: the brute-force answer tests compare with. */
export async function allBlockTimes(node: AnvilNode): Promise<number[]> {
  const { test } = clientsOf(node);
  const head = Number(await test.getBlockNumber({ cacheTime: 0 }));
  const blocks = await Promise.all(Array.from({ length: head + 1 }, (_, number) => test.getBlock({ blockNumber: BigInt(number) })));
  return blocks.map((block) => Number(block.timestamp));
}

/** A contract read at a past block (anvil keeps every state unless started with pruneHistory). */
export async function readAt(node: AnvilNode, address: string, signature: string, blockNumber: bigint, args: readonly unknown[] = []): Promise<unknown> {
  const abi = parseAbi([signature]) as Abi;
  const functionName = (abi[0] as { name: string }).name;
  return clientsOf(node).test.readContract({ address: address as Address, abi, functionName, args, blockNumber });
}
