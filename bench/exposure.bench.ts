/**
 * bench:exposure — the Ethereum refresh of a wallet holding every registry LRT (and restaking
 * natively), with the LRT protocols' stakers spread over N operators, each operator
 * allocating to 3 operator sets. Slashboard's batched multicall rounds vs a naive baseline
 * that makes every one of the same contract calls as its own eth_call, replayed from what
 * the refresh actually asked. Requests are counted by a loopback proxy that adds a fixed
 * latency, like a remote RPC. Prints a table by N; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { encodeFunctionData, getAddress, stringToHex } from 'viem';
import { createEvmClient } from '../electron/main/chain/evm/client';
import type { ContractCall } from '../electron/main/chain/evm/multicall';
import { mainnetToken } from '../shared/registry/evm-tokens';
import { LRT_PROTOCOLS } from '../shared/registry/lrt-protocols';
import { compiled } from '../test/support/solidity';
import { installLrtStakerLists, installStrategy, setAllocation, setEigenDeposits, setOperator } from '../test/support/eigen-fixture';
import { sendTx, setCode, setTokenBalance } from '../test/support/evm-fixture';
import { startEvmChains, stopEvmChains } from '../test/support/evm-chains';
import { startRpcProxy } from '../test/support/rpc-proxy';
import { openTempApp } from '../test/support/temp-app';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 25);
const SIZES = (process.env.BENCH_OPERATORS ?? '1,4,16,64').split(',').map(Number);
const STETH_STRATEGY = '0x93c4b944D05dfe6df7645A86cd2206016c51564D' as const; // eigenlayer-contracts README @f84a515
const E18 = 10n ** 18n;
const WALLET = getAddress('0xbe0e000000000000000000000000000000000001');
const address = (prefix: number, index: number) => getAddress(`0x${(prefix * 0x1000000 + index).toString(16).padStart(40, '0')}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const discovery = (name: string) => LRT_PROTOCOLS.find((item) => item.protocol === name)!.discovery as { contract: `0x${string}` };

async function scenario(operators: number) {
  const nodes = await startEvmChains();
  const node = nodes.ethereum;
  await installStrategy(node, STETH_STRATEGY, mainnetToken('stETH')!.address, 1n, 1n);
  for (const protocol of LRT_PROTOCOLS) {
    for (const symbol of protocol.symbols) {
      const token = mainnetToken(symbol);
      if (token) await setTokenBalance(node, token.address, WALLET, E18);
    }
  }
  // One staker per operator in each of Renzo, Kelp and Puffer; ether.fi's restaker with the first operator.
  const stakers = (prefix: number) => Array.from({ length: operators }, (_, index) => address(prefix, index));
  await installLrtStakerLists(node, { contract: discovery('Renzo').contract, stakers: stakers(0xa1) }, { contract: discovery('Kelp DAO').contract, stakers: stakers(0xa2) });
  await setCode(node, discovery('Puffer').contract, 'MockPufferProtocol');
  for (const [index, module] of stakers(0xa3).entries()) {
    await sendTx(node, discovery('Puffer').contract, compiled('MockPufferProtocol').abi, 'setModule', [stringToHex(`PUFFER_MODULE_${index}`, { size: 32 }), module]);
  }
  const restaker = (LRT_PROTOCOLS.find((item) => item.protocol === 'ether.fi')!.discovery as { stakers: `0x${string}`[] }).stakers[0]!;
  const all = [...stakers(0xa1), ...stakers(0xa2), ...stakers(0xa3), restaker, WALLET];
  for (const [index, staker] of all.entries()) {
    await setEigenDeposits(node, staker, [{ strategy: STETH_STRATEGY, depositShares: 100n * E18, withdrawableShares: 100n * E18 }]);
    await setOperator(node, staker, address(0xb0, index % operators));
  }
  for (let index = 0; index < operators; index += 1) {
    for (let set = 0; set < 3; set += 1) await setAllocation(node, address(0xb0, index), { avs: address(0xc0, set), id: set }, STETH_STRATEGY, 2n * 10n ** 17n);
  }
  return { nodes, node };
}

async function main(): Promise<void> {
  console.log(`bench:exposure — a wallet holding every registry LRT (${LRT_PROTOCOLS.map((item) => item.protocol).join(', ')}), stakers spread over N operators × 3 operator sets, ${LATENCY_MS} ms added per HTTP request`);
  console.log(`${'operators'.padStart(10)}${'calls'.padStart(8)}${'Slashboard req'.padStart(16)}${'time'.padStart(10)}${'naive req'.padStart(11)}${'time'.padStart(10)}${'ratio req'.padStart(11)}${'ratio time'.padStart(12)}`);
  for (const operators of SIZES) {
    const { nodes, node } = await scenario(operators);
    const proxy = await startRpcProxy(node.url, async () => (await sleep(LATENCY_MS), 'forward' as const));
    try {
      const recorded: { call: ContractCall; blockNumber: bigint }[] = [];
      const app = openTempApp({ rpcOverrides: { ethereum: [proxy.url] }, evmClientOptions: { onMulticall: (calls, blockNumber) => recorded.push(...calls.map((call) => ({ call, blockNumber }))) } });
      await app.services.wallets.add(WALLET);
      const before = proxy.requests;
      let start = performance.now();
      const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
      const oursMs = performance.now() - start;
      const ours = proxy.requests - before;
      const exposure = app.services.exposure.get();
      app.close();
      if (outcome.status !== 'ok' || exposure.exposures.length === 0) throw new Error(`refresh did not produce exposure: ${JSON.stringify(outcome)}`);

      // Naive: the same contract calls, one eth_call each, no batching.
      const naive = createEvmClient('ethereum', [proxy.url], { batchSize: 1 });
      const naiveBefore = proxy.requests;
      start = performance.now();
      for (const { call, blockNumber } of recorded) {
        await naive.client.call({ to: call.address, data: encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args ?? [] } as never), blockNumber }).catch(() => undefined);
      }
      const naiveMs = performance.now() - start;
      const naiveRequests = proxy.requests - naiveBefore;
      console.log(
        `${String(operators).padStart(10)}${String(recorded.length).padStart(8)}${String(ours).padStart(16)}${`${oursMs.toFixed(0)} ms`.padStart(10)}${String(naiveRequests).padStart(11)}${`${naiveMs.toFixed(0)} ms`.padStart(10)}${`${(naiveRequests / ours).toFixed(1)}×`.padStart(11)}${`${(naiveMs / oursMs).toFixed(1)}×`.padStart(12)}`,
      );
    } finally {
      await proxy.close();
      await stopEvmChains(nodes);
    }
  }
  console.log('(Slashboard requests include the block pin, the balances, the yield history reads and the event scan; "calls" are the contract calls inside its multicalls, which the baseline sends one by one.)');
}

void main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
