/**
 * bench:yield — reading the past rates that 30 assets × 3 windows (7/30/90 d) need, as the
 * refresh does it (block search from cached brackets, two blocks per round, one multicall per
 * block, HTTP batching) vs a naive baseline (a plain bisection per asset and window, one
 * request per block read, one eth_call per rate). Both run against the same anvil chain of
 * 100 simulated days behind a loopback proxy that counts requests and adds a fixed latency,
 * like a remote RPC. A second part counts block reads on a mainnet-sized synthetic chain,
 * where anvil cannot mine 24 M blocks (about 10 ms each). Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { createTestClient, encodeFunctionData, http, parseAbi, toFunctionSelector, type Abi } from 'viem';
import { findBlockAtOrBefore, type BlockTime } from '../electron/main/chain/evm/block-search';
import { createEvmClient } from '../electron/main/chain/evm/client';
import type { PlannedRate } from '../electron/main/chain/evm/rates';
import { readRateHistory } from '../electron/main/services/rate-history';
import { SECONDS_PER_DAY, YIELD_WINDOWS_DAYS } from '../shared/domain/yield';
import { startAnvil } from '../test/support/anvil';
import { installBaseContracts, installViewSource, sendTx } from '../test/support/evm-fixture';
import { startRpcProxy } from '../test/support/rpc-proxy';
import { compiled } from '../test/support/solidity';
import { openTempApp } from '../test/support/temp-app';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 30);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 25);
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 7_200);
const DAYS = 100;
const RATE_SIGNATURE = 'function rate() view returns (uint256)';
const rateAbi = parseAbi([RATE_SIGNATURE]) as Abi;
const sourceAddress = (index: number) => `0x${(0xbe0d000000 + index).toString(16).padStart(40, '0')}` as `0x${string}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const interval = Math.round((DAYS * SECONDS_PER_DAY) / BLOCKS);
  console.log(`bench:yield — ${ASSETS} assets × ${YIELD_WINDOWS_DAYS.length} windows on an anvil chain of ${BLOCKS} blocks ${interval} s apart (${DAYS} days), ${LATENCY_MS} ms added per HTTP request`);
  const node = await startAnvil({ chainId: 1 });
  try {
    await installBaseContracts(node);
    const setRate = async (index: number, value: bigint) =>
      sendTx(node, sourceAddress(index), compiled('MockViewSource').abi, 'setView', [toFunctionSelector(RATE_SIGNATURE), value]);
    for (let index = 0; index < ASSETS; index += 1) {
      await installViewSource(node, sourceAddress(index));
      await setRate(index, 10n ** 18n + BigInt(index));
    }
    const test = createTestClient({ mode: 'anvil', transport: http(node.url, { timeout: 300_000 }) });
    const start = performance.now();
    await test.mine({ blocks: BLOCKS, interval });
    console.log(`(mined ${BLOCKS} blocks in ${((performance.now() - start) / 1000).toFixed(1)} s)`);
    for (let index = 0; index < ASSETS; index += 1) await setRate(index, 10n ** 18n + 10n ** 16n + BigInt(index));

    const proxy = await startRpcProxy(node.url, async () => (await sleep(LATENCY_MS), 'forward' as const));
    const evm = createEvmClient('ethereum', [proxy.url]);
    const planned: PlannedRate[] = Array.from({ length: ASSETS }, (_, index) => ({
      key: `nav:ASSET${index}`,
      decimals: 18,
      source: `bench rate() on ${sourceAddress(index)}`,
      call: { address: sourceAddress(index), abi: rateAbi, functionName: 'rate' },
      chainlink: false,
    }));
    const headOf = async (): Promise<BlockTime> => {
      const block = await evm.client.getBlock({ blockTag: 'latest' });
      return { number: block.number, timestamp: Number(block.timestamp) };
    };
    const app = openTempApp();
    const measure = async (label: string, run: () => Promise<unknown>) => {
      const before = proxy.requests;
      const begun = performance.now();
      await run();
      return { label, requests: proxy.requests - before, ms: performance.now() - begun };
    };

    const cold = await measure('Slashboard, cold cache', async () => readRateHistory(app.services.ctx, evm, await headOf(), planned));
    await test.mine({ blocks: 30, interval }); // the next refresh, two days later
    const warm = await measure('Slashboard, warm cache', async () => readRateHistory(app.services.ctx, evm, await headOf(), planned));
    app.close();
    const naive = await measure('naive baseline', () => naiveHistory(proxy.url, planned));

    console.log(`${''.padEnd(24)}${'HTTP requests'.padStart(15)}${'wall time'.padStart(12)}`);
    for (const row of [cold, warm, naive]) console.log(`${row.label.padEnd(24)}${String(row.requests).padStart(15)}${`${row.ms.toFixed(0)} ms`.padStart(12)}`);
    console.log('(Slashboard also reads the 13 weekly points of the rolling-yield chart on a cold cache; the baseline reads only the 3 window starts.)');
    console.log(`ratio cold: ${(naive.requests / cold.requests).toFixed(1)}× fewer requests, ${(naive.ms / cold.ms).toFixed(1)}× faster`);
    console.log(`ratio warm: ${(naive.requests / warm.requests).toFixed(1)}× fewer requests, ${(naive.ms / warm.ms).toFixed(1)}× faster`);
    await proxy.close();
  } finally {
    await node.stop();
  }
  await mainnetSizedSearch();
}

/** Per asset and window: bisect [0, head] one request at a time, then one eth_call for the rate. */
async function naiveHistory(url: string, planned: readonly PlannedRate[]): Promise<void> {
  let id = 0;
  const rpc = async (method: string, params: unknown[]) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }) });
    const body = (await response.json()) as { result?: unknown; error?: unknown };
    if (body.result === undefined) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  const time = async (number: number) => Number(((await rpc('eth_getBlockByNumber', [`0x${number.toString(16)}`, false])) as { timestamp: string }).timestamp);
  const head = Number(await rpc('eth_blockNumber', []));
  const headTime = await time(head);
  for (const item of planned) {
    for (const days of YIELD_WINDOWS_DAYS) {
      const target = headTime - days * SECONDS_PER_DAY;
      let lo = 0;
      let hi = head;
      if ((await time(0)) > target) continue;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if ((await time(mid)) <= target) lo = mid;
        else hi = mid;
      }
      const data = encodeFunctionData({ abi: item.call.abi, functionName: item.call.functionName });
      await rpc('eth_call', [{ to: item.call.address, data }, `0x${lo.toString(16)}`]);
    }
  }
}

/**
 * Block reads to find the 3 window starts on a synthetic chain shaped like mainnet: 24 M
 * blocks, 13.5 s apart before the Merge and 12 s after, with a missed slot every 97.
 */
async function mainnetSizedSearch(): Promise<void> {
  const MERGE = 15_537_394;
  const HEAD = 24_000_000;
  const timeOf = (n: number) => (n <= MERGE ? 1_438_269_973 + Math.round(n * 13.5) : 1_438_269_973 + Math.round(MERGE * 13.5) + (n - MERGE) * 12 + Math.floor((n - MERGE) / 97) * 12);
  const head = { number: BigInt(HEAD), timestamp: timeOf(HEAD) };
  const reads = { ours: 0, oursWarm: 0, bisect: 0 };
  const cache: BlockTime[] = [];
  const run = async (at: BlockTime, counter: 'ours' | 'oursWarm') => {
    for (const days of YIELD_WINDOWS_DAYS) {
      const target = at.timestamp - days * SECONDS_PER_DAY;
      const below = cache.filter((block) => block.timestamp <= target).sort((a, b) => b.timestamp - a.timestamp)[0];
      const above = cache.filter((block) => block.timestamp > target).sort((a, b) => a.timestamp - b.timestamp)[0];
      const result = await findBlockAtOrBefore({ target, head: at, below, above, readTime: async (n) => (reads[counter]++, timeOf(Number(n))) });
      cache.push(...result.probes);
      let lo = 0;
      let hi = Number(at.number);
      if (counter === 'ours') {
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          reads.bisect++;
          if (timeOf(mid) <= target) lo = mid;
          else hi = mid;
        }
        if (BigInt(lo) !== result.block?.number) throw new Error(`search disagrees with bisection at ${days} d`);
      }
    }
  };
  await run(head, 'ours');
  const nextDay = HEAD + 7_200;
  await run({ number: BigInt(nextDay), timestamp: timeOf(nextDay) }, 'oursWarm');
  console.log(`mainnet-sized chain (24 M blocks), block reads for the 3 window starts: bisection ${reads.bisect}, Slashboard cold ${reads.ours}, a day later from the cache ${reads.oursWarm}`);
}

void main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
