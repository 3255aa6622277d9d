/**
 * Hostile and faulty networks (issue 12), the HTTP adapters: Esplora, the Babylon staking API,
 * the price API and the Solana RPC, each behind test/support/fault-proxy.ts, for a timeout, 429
 * with Retry-After, a 5xx burst, truncated JSON and a reset connection; with one URL and (Esplora,
 * Solana) with a healthy one after it. After a healthy first refresh, the faulted one either stores
 * exactly the healthy values or leaves the network stale with the reason and the previous snapshot;
 * a price that cannot be read is stored missing with its error, never as another number. Prints
 * fault × target × outcome (docs/faults.md).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy, type TransportFault } from '../support/fault-proxy';
import { printTable, storedState, type MatrixRow } from '../support/fault-matrix';
import { openTempApp, type TempApp } from '../support/temp-app';
import { startEsploraServer } from '../support/esplora-server';
import { startBabylonServer } from '../support/babylon-server';
import { startPriceApiServer } from '../support/price-api-server';
import { startSolanaRpcServer } from '../support/solana-rpc-server';
import { FIXTURES as BTC_FIXTURES, STAKER_WALLET, seedBitcoinWorld } from '../support/bitcoin-fixture';
import { FIXTURES as SOL_FIXTURES, WALLET as SOL_WALLET, solanaFixture } from '../support/solana-fixture';

const NOW = 1_790_000_000_000;
const HTTP = { retries: 2, baseDelayMs: 5, maxWaitMs: 1_500, timeoutMs: 600 };
const rows: MatrixRow[] = [];
afterAll(() => printTable('Fault matrix — HTTP adapters (loopback fixtures through the fault proxy)', rows));

interface Fault {
  name: string;
  fault: TransportFault;
  times: number;
}
const FAULTS: Fault[] = [
  { name: 'timeout (hang) ×1', fault: { kind: 'hang' }, times: 1 },
  { name: '429 Retry-After: 1 ×2', fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 2 },
  { name: '503 always', fault: { kind: 'status', status: 503 }, times: Infinity },
  { name: 'truncated JSON ×1', fault: { kind: 'truncate' }, times: 1 },
  { name: 'connection reset ×1', fault: { kind: 'reset' }, times: 1 },
];

type Network = 'bitcoin' | 'solana';
interface World {
  app: TempApp;
  proxy: FaultProxy;
  /** A fault-free proxy in front of the healthy fallback URL, to see whether it served; null when there is none. */
  healthy: FaultProxy | null;
  close(): Promise<void>;
}

/** A refresh, the fault, another refresh: checks the rule and returns the outcome in words. */
async function faulted(world: World, network: Network, fault: Fault, match?: string): Promise<{ outcome: string; ms: number }> {
  const first = await world.app.services.refresh.run([network]);
  expect(first.chains[0]).toMatchObject({ status: 'ok' });
  const before = storedState(world.app, network);
  const beforeUsd = usdRate(world.app, before.snapshot!.id);
  const fallbackBefore = world.healthy?.requests ?? 0;
  world.proxy.inject(fault.fault, { times: fault.times, match });
  const started = performance.now();
  const result = (await world.app.services.refresh.run([network])).chains[0]!;
  const ms = performance.now() - started;
  const after = storedState(world.app, network);
  if (result.status !== 'ok') {
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.positions).toEqual(before.positions);
    expect(after.lastError).toBeTruthy();
    return { outcome: `stale: ${after.lastError}`, ms };
  }
  // The fixtures do not change between refreshes: the healthy values are the first snapshot's.
  expect(after.snapshot!.id).not.toBe(before.snapshot!.id);
  expect(after.positions).toEqual(before.positions);
  const usd = usdRate(world.app, after.snapshot!.id);
  if (usd && beforeUsd && usd.value !== beforeUsd.value) {
    expect(usd.value).toBeNull(); // a price that could not be read is missing, never another number
    return { outcome: `ok; BTC/USD missing: ${usd.error}`, ms };
  }
  const via = (world.healthy?.requests ?? 0) > fallbackBefore ? 'ok via fallback' : Object.keys(world.proxy.applied).length > 0 ? 'ok after retry' : 'ok';
  return { outcome: via, ms };
}

function usdRate(app: TempApp, snapshotId: number) {
  return app.services.ctx.repos.rates.forSnapshot(snapshotId).find((rate) => rate.key === 'usd:BTC') ?? null;
}

async function bitcoinWorld(target: 'esplora' | 'babylon' | 'price', withFallback: boolean): Promise<World> {
  const [esplora, babylon, prices] = await Promise.all([startEsploraServer(), startBabylonServer(), startPriceApiServer()]);
  seedBitcoinWorld(esplora, babylon);
  prices.setPrice('bitcoin', 97_123.45, NOW - 60_000);
  const proxy = await startFaultProxy(target === 'esplora' ? esplora.url : target === 'babylon' ? babylon.url : prices.url);
  const healthy = target === 'esplora' && withFallback ? await startFaultProxy(esplora.url) : null;
  const esploraUrls = target === 'esplora' ? [proxy.url, ...(healthy ? [healthy.url] : [])] : [esplora.url];
  const app = openTempApp({
    rpcOverrides: { bitcoin: esploraUrls },
    babylonApiOverride: target === 'babylon' ? proxy.url : babylon.url,
    priceApiOverride: target === 'price' ? proxy.url : prices.url,
    httpOptions: HTTP,
    now: () => NOW,
  });
  await app.services.wallets.add(STAKER_WALLET, 'Cold taproot');
  return {
    app,
    proxy,
    healthy,
    close: async () => {
      app.close();
      await Promise.all([proxy.close(), healthy?.close(), esplora.close(), babylon.close(), prices.close()]);
    },
  };
}

async function solanaWorld(withFallback: boolean): Promise<World> {
  const rpc = await startSolanaRpcServer(solanaFixture(NOW / 1000).state);
  const proxy = await startFaultProxy(rpc.url);
  const healthy = withFallback ? await startFaultProxy(rpc.url) : null;
  const app = openTempApp({ rpcOverrides: { solana: [proxy.url, ...(healthy ? [healthy.url] : [])] }, httpOptions: HTTP, now: () => NOW });
  await app.services.wallets.add(SOL_WALLET, 'Sol main');
  return {
    app,
    proxy,
    healthy,
    close: async () => {
      app.close();
      await Promise.all([proxy.close(), healthy?.close(), rpc.close()]);
    },
  };
}

/** Expected outcome classes: stale is fine only where no healthy path exists. */
const accept = (outcome: string, fallbackAvailable: boolean) => {
  expect(outcome).not.toMatch(/WRONG/);
  if (fallbackAvailable) expect(outcome).toMatch(/^ok/);
};

describe.skipIf(!fs.existsSync(BTC_FIXTURES))('Bitcoin refresh through a faulty Esplora, Babylon API or price API', () => {
  const targets = [
    { target: 'esplora' as const, fallback: false, label: 'Esplora, 1 URL' },
    { target: 'esplora' as const, fallback: true, label: 'Esplora, fallback' },
    { target: 'babylon' as const, fallback: false, label: 'Babylon API' },
    { target: 'price' as const, fallback: false, label: 'price API (BTC/USD)' },
  ];
  for (const { target, fallback, label } of targets) {
    for (const fault of FAULTS) {
      it(`${fault.name} — ${label}`, async () => {
        const world = await bitcoinWorld(target, fallback);
        try {
          const { outcome, ms } = await faulted(world, 'bitcoin', fault);
          rows.push({ fault: fault.name, target: label, outcome, ms });
          // Transient faults end well; the price never fails the chain.
          if (fault.times !== Infinity && fault.fault.kind !== 'truncate') expect(outcome).toMatch(/^ok/);
          if (target === 'price') expect(outcome).toMatch(/^ok/);
          accept(outcome, fallback);
        } finally {
          await world.close();
        }
      });
    }
  }
  it('truncated JSON on /address (after the tip) — Esplora, fallback', async () => {
    const world = await bitcoinWorld('esplora', true);
    try {
      const { outcome, ms } = await faulted(world, 'bitcoin', { name: 'truncated JSON ×1 (/address)', fault: { kind: 'truncate' }, times: 1 }, '/address');
      rows.push({ fault: 'truncated JSON ×1 on /address', target: 'Esplora, fallback', outcome, ms });
      expect(outcome).toMatch(/^stale: .*not JSON|^stale: .*JSON/i);
    } finally {
      await world.close();
    }
  });
});

describe.skipIf(!fs.existsSync(SOL_FIXTURES))('Solana refresh through a faulty RPC', () => {
  for (const fallback of [false, true]) {
    for (const fault of FAULTS) {
      it(`${fault.name} — ${fallback ? 'fallback' : '1 URL'}`, async () => {
        const world = await solanaWorld(fallback);
        try {
          const { outcome, ms } = await faulted(world, 'solana', fault);
          rows.push({ fault: fault.name, target: `Solana RPC, ${fallback ? 'fallback' : '1 URL'}`, outcome, ms });
          if (fault.times !== Infinity && fault.fault.kind !== 'truncate') expect(outcome).toMatch(/^ok/);
          accept(outcome, fallback);
        } finally {
          await world.close();
        }
      });
    }
  }
});
