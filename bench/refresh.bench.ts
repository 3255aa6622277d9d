/**
 * bench:refresh — Slashboard's refresh vs a naive baseline (one eth_call per balance, one
 * eth_getBalance per wallet and chain), against real anvil nodes with the registry's tokens
 * at their real addresses. Requests are counted by a loopback proxy in front of each node,
 * the same instrument for both. Prints numbers and ratios; asserts nothing about time.
 */
import { performance } from 'node:perf_hooks';
import { encodeFunctionData } from 'viem';
import { CHAIN_IDS, type ChainId } from '../shared/registry/chains';
import { tokensOn } from '../shared/registry/evm-tokens';
import { erc20Abi } from '../electron/main/chain/evm/multicall3-abi';
import { delegationManagerAbi, eigenPodManagerAbi, strategyManagerAbi } from '../electron/main/chain/evm/eigenlayer-abi';
import { EIGENLAYER } from '../shared/registry/eigenlayer';
import { startEvmChains, stopEvmChains } from '../test/support/evm-chains';
import { setTokenBalance } from '../test/support/evm-fixture';
import { startRpcProxy, type RpcProxy } from '../test/support/rpc-proxy';
import { openTempApp } from '../test/support/temp-app';

const WALLETS = Number(process.env.BENCH_WALLETS ?? 50);

const walletAddress = (index: number) => `0x${(0xbe0c000000 + index).toString(16).padStart(40, '0')}` as `0x${string}`;

const eigenCalls = (wallet: `0x${string}`) => [
  { to: EIGENLAYER.strategyManager, data: encodeFunctionData({ abi: strategyManagerAbi, functionName: 'getDeposits', args: [wallet] }) },
  { to: EIGENLAYER.delegationManager, data: encodeFunctionData({ abi: delegationManagerAbi, functionName: 'delegatedTo', args: [wallet] }) },
  { to: EIGENLAYER.delegationManager, data: encodeFunctionData({ abi: delegationManagerAbi, functionName: 'getQueuedWithdrawals', args: [wallet] }) },
  ...(['hasPod', 'getPod', 'podOwnerDepositShares', 'beaconChainSlashingFactor'] as const).map((functionName) => ({
    to: EIGENLAYER.eigenPodManager,
    data: encodeFunctionData({ abi: eigenPodManagerAbi, functionName, args: [wallet] }),
  })),
];

async function naiveRefresh(urls: Record<ChainId, string>, wallets: `0x${string}`[]): Promise<number> {
  let values = 0;
  let id = 0;
  const rpc = async (url: string, method: string, params: unknown[]) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }) });
    const body = (await response.json()) as { result?: string; error?: unknown };
    if (body.result === undefined) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  for (const chain of CHAIN_IDS) {
    const url = urls[chain];
    const block = await rpc(url, 'eth_blockNumber', []);
    for (const wallet of wallets) {
      await rpc(url, 'eth_getBalance', [wallet, block]);
      values++;
      for (const token of tokensOn(chain)) {
        const data = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [wallet] });
        await rpc(url, 'eth_call', [{ to: token.address, data }, block]);
        values++;
      }
      if (chain === 'ethereum') {
        // The same native EigenLayer reads Slashboard makes per wallet, one request each.
        for (const call of eigenCalls(wallet)) {
          await rpc(url, 'eth_call', [call, block]);
          values++;
        }
      }
    }
  }
  return values;
}

async function main(): Promise<void> {
  console.log(`bench:refresh — ${WALLETS} wallets × ${CHAIN_IDS.length} chains × registry (${CHAIN_IDS.map((chain) => `${chain}: ${tokensOn(chain).length} tokens`).join(', ')})`);
  const nodes = await startEvmChains();
  const proxies = {} as Record<ChainId, RpcProxy>;
  try {
    for (const chain of CHAIN_IDS) proxies[chain] = await startRpcProxy(nodes[chain].url);
    const wallets = Array.from({ length: WALLETS }, (_, index) => walletAddress(index));
    for (const [index, wallet] of wallets.entries()) {
      const token = tokensOn('ethereum')[index % tokensOn('ethereum').length]!;
      await setTokenBalance(nodes.ethereum, token.address, wallet, BigInt(index + 1) * 10n ** 15n + 7n);
    }
    const urls = Object.fromEntries(CHAIN_IDS.map((chain) => [chain, proxies[chain].url])) as Record<ChainId, string>;
    const count = () => CHAIN_IDS.reduce((sum, chain) => sum + proxies[chain].requests, 0);

    const app = openTempApp({ rpcOverrides: Object.fromEntries(CHAIN_IDS.map((chain) => [chain, [urls[chain]]])) });
    for (const wallet of wallets) await app.services.wallets.add(wallet);
    const startCount = count();
    let start = performance.now();
    const summary = await app.services.refresh.run();
    const oursMs = performance.now() - start;
    // The yield-history reads after the Ethereum snapshot are not part of the baseline's work.
    const historyRequests = summary.chains.reduce((sum, outcome) => sum + (outcome.status === 'ok' ? outcome.historyRequests : 0), 0);
    const oursRequests = count() - startCount - historyRequests;
    // Balances per chain plus the 7 EigenLayer reads per wallet on Ethereum.
    const oursValues = summary.chains.reduce((sum, outcome) => sum + (outcome.status === 'ok' ? outcome.positions : 0), 0) + wallets.length * 7;
    const perChain = CHAIN_IDS.map((chain) => `${chain} ${summary.chains.find((outcome) => outcome.chain === chain)?.status === 'ok' ? (summary.chains.find((outcome) => outcome.chain === chain) as { httpRequests: number }).httpRequests : 'failed'}`);
    app.close();

    const naiveStart = count();
    start = performance.now();
    const naiveValues = await naiveRefresh(urls, wallets);
    const naiveMs = performance.now() - start;
    const naiveRequests = count() - naiveStart;

    const rows = [
      ['', 'values read', 'HTTP requests', 'wall time'],
      ['Slashboard refresh', String(oursValues), String(oursRequests), `${oursMs.toFixed(0)} ms`],
      ['naive baseline', String(naiveValues), String(naiveRequests), `${naiveMs.toFixed(0)} ms`],
    ];
    for (const row of rows) console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(20) : cell.padStart(14))).join(''));
    console.log(`HTTP requests per chain (Slashboard): ${perChain.join(', ')}; yield history after the snapshot: ${historyRequests} more (see bench:yield)`);
    console.log(`ratio: ${(naiveRequests / oursRequests).toFixed(1)}× fewer HTTP requests, ${(naiveMs / oursMs).toFixed(1)}× faster`);
    if (oursValues !== naiveValues) console.log(`WARNING: value counts differ (${oursValues} vs ${naiveValues})`);
  } finally {
    for (const chain of CHAIN_IDS) await proxies[chain]?.close();
    await stopEvmChains(nodes);
  }
}

void main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});

