/**
 * Places our compiled mocks at real addresses on an anvil node (anvil_setCode) and sets
 * their state through real transactions sent with viem, so production reads are unchanged.
 */
import { createTestClient, createWalletClient, http, namehash, publicActions, toFunctionSelector, type Abi, type Hex } from 'viem';
import { MULTICALL3_ADDRESS } from '../../shared/registry/chains';
import type { AnvilNode } from './anvil';
import { compiled } from './solidity';

/** viem 2.57's mainnet `ensUniversalResolver` (src/chains/definitions/mainnet.ts). */
export const ENS_UNIVERSAL_RESOLVER = '0xeEeEEEeE14D718C2B47D9923Deab1335E144EeEe' as const;
/** anvil's first default account (derived from its well-known test mnemonic). */
const SENDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;

const clients = new Map<string, ReturnType<typeof makeClients>>();

function makeClients(node: AnvilNode) {
  const transport = http(node.url, { retryCount: 0 });
  return {
    test: createTestClient({ mode: 'anvil', transport }).extend(publicActions),
    wallet: createWalletClient({ account: SENDER, transport }),
  };
}

const clientsOf = (node: AnvilNode) => {
  let entry = clients.get(node.url);
  if (!entry) clients.set(node.url, (entry = makeClients(node)));
  return entry;
};

export async function sendTx(node: AnvilNode, address: string, abi: Abi, functionName: string, args: readonly unknown[]): Promise<void> {
  const { test, wallet } = clientsOf(node);
  const hash = await wallet.writeContract({ address: address as `0x${string}`, abi, functionName, args, chain: null });
  const receipt = await test.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success') throw new Error(`${functionName} on ${address} reverted`);
}

export async function setCode(node: AnvilNode, address: string, contract: string): Promise<void> {
  await clientsOf(node).test.setCode({ address: address as `0x${string}`, bytecode: compiled(contract).deployedBytecode as Hex });
}

export async function installBaseContracts(node: AnvilNode): Promise<void> {
  await setCode(node, MULTICALL3_ADDRESS, 'Multicall3');
  if (node.chainId === 1) await setCode(node, ENS_UNIVERSAL_RESOLVER, 'MockUniversalResolver');
}

export async function installToken(node: AnvilNode, token: { address: `0x${string}`; name: string; symbol: string; decimals: number }): Promise<void> {
  await setCode(node, token.address, 'MockERC20');
  await sendTx(node, token.address, compiled('MockERC20').abi, 'configure', [token.name, token.symbol, token.decimals]);
}

export async function installRevertingToken(node: AnvilNode, address: `0x${string}`): Promise<void> {
  await setCode(node, address, 'RevertingToken');
}

export async function setTokenBalance(node: AnvilNode, token: `0x${string}`, holder: `0x${string}`, amount: bigint): Promise<void> {
  await sendTx(node, token, compiled('MockERC20').abi, 'setBalance', [holder, amount]);
}

export async function setNativeBalance(node: AnvilNode, holder: `0x${string}`, amount: bigint): Promise<void> {
  await clientsOf(node).test.setBalance({ address: holder, value: amount });
}

export async function setEnsAddress(node: AnvilNode, name: string, address: `0x${string}`): Promise<void> {
  await sendTx(node, ENS_UNIVERSAL_RESOLVER, compiled('MockUniversalResolver').abi, 'setAddr', [namehash(name), address]);
}

/** Makes `signature` (a no-argument uint256 view) answer `value` on a mock token or view source. */
export async function setView(node: AnvilNode, address: string, signature: string, value: bigint, contract: 'MockERC20' | 'MockViewSource' = 'MockERC20'): Promise<void> {
  const selector = toFunctionSelector(signature);
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
