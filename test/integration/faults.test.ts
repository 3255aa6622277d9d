/**
 * Hostile and faulty networks (issue 12), the EVM half: each fault of test/support/fault-proxy.ts
 * in front of a real anvil node, against a fresh app, with the faulty proxy as the only RPC URL
 * and with a healthy node after it. After a healthy first refresh the state moves on and the
 * faulted refresh runs. The one rule: either the new snapshot holds exactly what the node holds
 * at that block (read straight from anvil), or the chain is stale with a clear reason and the
 * previous snapshot is kept — never a wrong number stored as good. Prints fault × target ×
 * outcome. The HTTP adapters are in faults-http.test.ts; the behaviour is in docs/faults.md.
 */
import { performance } from 'node:perf_hooks';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensOn } from '../../shared/registry/evm-tokens';
import { startAnvil, type AnvilNode } from '../support/anvil';
import { installBaseContracts, installToken, setNativeBalance, setTokenBalance } from '../support/evm-fixture';
import { installEigenLayer } from '../support/eigen-fixture';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { balancesAt, printTable, storedState, type MatrixRow } from '../support/fault-matrix';
import { openTempApp } from '../support/temp-app';

const ALICE = getAddress('0xa11ce00000000000000000000000000000000a1c');
const TOKENS = tokensOn('ethereum');
const WST_ETH = TOKENS.find((token) => token.symbol === 'wstETH')!;
/** Short waits so a fault costs seconds, not the production 15 s × 4 attempts. */
const CLIENT = { retryCount: 2, timeoutMs: 800, maxRetryAfterMs: 1_000 };

/** 'ok': a correct snapshot, by any path; a RegExp: stale with a matching reason. */
type Expected = 'retry' | 'fallback' | 'ok' | RegExp;
interface EvmCase {
  fault: string;
  inject: (proxy: FaultProxy) => void;
  single: Expected;
  fallback: Expected;
  /** The URL list instead of [proxy] / [proxy, node]. */
  urls?: (proxy: FaultProxy) => string[];
  /** Longest time the faulted refresh may take. */
  maxMs?: number;
  /** The table's target for the fallback variant, when `urls` changes it. */
  target?: string;
}

let node: AnvilNode;
let other: AnvilNode;
let step = 0n;
const rows: MatrixRow[] = [];

async function install(target: AnvilNode, eigen: boolean): Promise<void> {
  await installBaseContracts(target);
  if (eigen) await installEigenLayer(target);
  for (const token of TOKENS) await installToken(target, token);
}

const mine = (target: AnvilNode, blocks: number) =>
  fetch(target.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_mine', params: [`0x${blocks.toString(16)}`] }) });

beforeAll(async () => {
  [node, other] = await Promise.all([startAnvil({ chainId: 1 }), startAnvil({ chainId: 10 })]);
  await Promise.all([install(node, true), install(other, false)]);
  await setNativeBalance(node, ALICE, 31_415_926_535_897_932n);
  // Another chain with the same contracts at the same addresses and different balances: what a
  // wrong-chain endpoint would hand over as Ethereum's.
  await setTokenBalance(other, WST_ETH.address, ALICE, 999n);
  await mine(node, 600); // room for a node 500 blocks behind
  await mine(other, 2_000); // ahead of Ethereum: its answers at Ethereum's block numbers would succeed
});
afterAll(async () => {
  printTable('Fault matrix — EVM (anvil through the fault proxy)', rows);
  await Promise.all([node?.stop(), other?.stop()]);
});

const CASES: EvmCase[] = [
  { fault: 'timeout (hang) ×1', inject: (p) => p.inject({ kind: 'hang' }), single: 'retry', fallback: 'retry' },
  { fault: 'timeout (hang) always', inject: (p) => p.inject({ kind: 'hang' }, { times: Infinity }), single: /took too long|timed out/i, fallback: 'fallback', maxMs: 15_000 },
  { fault: '429 Retry-After: 1 ×2', inject: (p) => p.inject({ kind: 'status', status: 429, retryAfter: '1' }, { times: 2 }), single: 'retry', fallback: 'retry' },
  { fault: '429 Retry-After: 3600 ×1', inject: (p) => p.inject({ kind: 'status', status: 429, retryAfter: '3600' }), single: 'retry', fallback: 'retry', maxMs: 10_000 },
  { fault: '503 burst ×2', inject: (p) => p.inject({ kind: 'status', status: 503 }, { times: 2 }), single: 'retry', fallback: 'retry' },
  { fault: '503 burst ×20', inject: (p) => p.inject({ kind: 'status', status: 503 }, { times: 20 }), single: /503|Internal|HTTP request failed/i, fallback: 'fallback' },
  { fault: 'truncated JSON ×1 (balances)', inject: (p) => p.inject({ kind: 'truncate' }, { match: 'eth_call' }), single: 'retry', fallback: 'retry' },
  { fault: 'connection reset ×1', inject: (p) => p.inject({ kind: 'reset' }), single: 'retry', fallback: 'retry' },
  { fault: 'wrong chain id (10)', inject: (p) => p.inject({ kind: 'chain-id', chainId: 10 }), single: /chain id 10, expected 1/, fallback: 'fallback' },
  {
    fault: 'wrong chain on the fallback URL (primary 503s mid-refresh)',
    inject: (p) => p.inject({ kind: 'status', status: 503 }, { times: Infinity, match: 'eth_call' }),
    urls: (p) => [p.url, other.url],
    target: 'anvil, then a chain-10 node',
    single: /503/,
    fallback: /chain id 10, expected 1/,
  },
  { fault: 'node 3 blocks behind (after the last snapshot)', inject: (p) => p.inject({ kind: 'behind', blocks: 3 }), single: 'ok', fallback: 'ok' },
  { fault: 'node 500 blocks behind the last snapshot', inject: (p) => p.inject({ kind: 'behind', blocks: 500 }), single: /behind the last snapshot/, fallback: 'fallback' },
  { fault: 'eth_call for block X answered at X−15', inject: (p) => p.inject({ kind: 'wrong-block', offset: 15 }), single: /with the state of block/, fallback: /with the state of block/ },
  { fault: "rewriteResult: eth_call → '0x'", inject: (p) => p.rewriteResult('eth_call', () => '0x'), single: /no data/, fallback: /no data/ },
];

describe('EVM refresh through a faulty RPC', () => {
  for (const item of CASES) {
    for (const variant of ['single', 'fallback'] as const) {
      it(`${item.fault} — ${variant === 'single' ? 'one URL' : 'faulty URL, then a healthy one'}`, async () => {
        const proxy = await startFaultProxy(node.url);
        const urls = item.urls && variant === 'fallback' ? item.urls(proxy) : variant === 'single' ? [proxy.url] : [proxy.url, node.url];
        const app = openTempApp({ rpcOverrides: { ethereum: urls }, evmClientOptions: CLIENT });
        try {
          await app.services.wallets.add(ALICE);
          const first = await app.services.refresh.run(['ethereum']);
          expect(first.chains[0]).toMatchObject({ status: 'ok' });
          const before = storedState(app, 'ethereum');

          // The world moves on: a new balance and a few blocks, so an older block's state differs.
          await setTokenBalance(node, WST_ETH.address, ALICE, 1_000_000_000_000_000_000n + ++step);
          await mine(node, 10);
          item.inject(proxy);
          const started = performance.now();
          const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
          const ms = performance.now() - started;
          const after = storedState(app, 'ethereum');

          let described: string;
          if (outcome.status === 'ok') {
            const block = BigInt(after.snapshot!.blockNumber);
            const healthy = await balancesAt(node.url, ALICE, TOKENS, block);
            const stored = new Map(after.positions.map((row) => [row.symbol, row.rawAmount]));
            expect(stored).toEqual(healthy); // exact, at the snapshot's own block
            const head = BigInt(await headOf(node));
            const transportFaults = ['hang', 'delay', 'status', 'truncate', 'reset'].reduce((sum, kind) => sum + (proxy.applied[kind] ?? 0), 0);
            const via = after.snapshot!.rpcUrl === node.url ? 'fallback' : transportFaults > 0 ? 'retry' : 'ok';
            described = `${via === 'fallback' ? 'ok via fallback' : via === 'retry' ? 'ok after retry' : 'ok'}${block < head ? ` (block ${block}, ${head - block} behind the tip)` : ''}`;
            if (item[variant] instanceof RegExp) throw new Error(`expected stale, got ${described}`);
            if (item[variant] === 'fallback') expect(after.snapshot!.rpcUrl).toBe(node.url);
            if (item[variant] === 'retry') expect(after.snapshot!.rpcUrl).toBe(proxy.url);
          } else {
            // Stale: the previous snapshot and its numbers stay, with the reason.
            expect(after.snapshot).toEqual(before.snapshot);
            expect(after.positions).toEqual(before.positions);
            expect(after.lastError).toBeTruthy();
            described = `stale: ${after.lastError}`;
            if (!(item[variant] instanceof RegExp)) throw new Error(`expected ${String(item[variant])}, got ${described}`);
            expect(after.lastError).toMatch(item[variant] as RegExp);
          }
          rows.push({ fault: item.fault, target: variant === 'fallback' && item.target ? item.target : `anvil, ${variant === 'single' ? '1 URL' : 'fallback'}`, outcome: described, ms });
          if (item.maxMs) expect(ms).toBeLessThan(item.maxMs);
        } finally {
          app.close();
          await proxy.close();
        }
      });
    }
  }
});

async function headOf(target: AnvilNode): Promise<string> {
  const response = await fetch(target.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }) });
  return ((await response.json()) as { result: string }).result;
}
