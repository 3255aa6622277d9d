/**
 * bench:soak — N refreshes in a row (default 200) in one process against the loopback fixtures
 * with faults on: Ethereum on a real anvil node, Solana and Bitcoin on their loopback servers,
 * each behind test/support/fault-proxy.ts with a seeded random mix of transport faults (timeouts,
 * 429, 5xx, truncated bodies, resets, delays) and, on some refreshes, a node fault (wrong block,
 * a node behind the last snapshot, wrong chain id). Prints RSS and heap (after gc when run with
 * --expose-gc, as the npm script does), the database size at start and end against what the
 * snapshots stored account for (one snapshot measured in the same run), failures by kind, and
 * any Ethereum snapshot whose balances differ from anvil's at its block (there must be none).
 *   npm run bench:soak -- --refreshes 50 --seed 7
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getAddress } from 'viem';
import { tokensOn } from '../shared/registry/evm-tokens';
import { startAnvil } from '../test/support/anvil';
import { installBaseContracts, installToken, setNativeBalance, setTokenBalance } from '../test/support/evm-fixture';
import { installEigenLayer } from '../test/support/eigen-fixture';
import { startFaultProxy, type FaultProxy, type ProxyRequest, type TransportFault } from '../test/support/fault-proxy';
import { balancesAt } from '../test/support/fault-matrix';
import { openTempApp, type TempApp } from '../test/support/temp-app';
import { startSolanaRpcServer } from '../test/support/solana-rpc-server';
import { FIXTURES as SOL_FIXTURES, WALLET as SOL_WALLET, solanaFixture } from '../test/support/solana-fixture';
import { startEsploraServer } from '../test/support/esplora-server';
import { startBabylonServer } from '../test/support/babylon-server';
import { FIXTURES as BTC_FIXTURES, STAKER_WALLET, seedBitcoinWorld } from '../test/support/bitcoin-fixture';
import { DB_FILE_NAME } from '../electron/main/db/open';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const REFRESHES = arg('refreshes', 200);
const SEED = arg('seed', 12);
/** Share of HTTP requests given a transport fault, and of refreshes given a node fault. */
const REQUEST_FAULT_RATE = 0.06;
const NODE_FAULT_RATE = 0.08;
const ALICE = getAddress('0xa11ce00000000000000000000000000000000a1c');
const TOKENS = tokensOn('ethereum');

/** mulberry32: small, seeded, good enough to pick faults reproducibly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const TRANSPORT_MIX: TransportFault[] = [{ kind: 'hang' }, { kind: 'status', status: 429, retryAfter: '0' }, { kind: 'status', status: 503 }, { kind: 'status', status: 502 }, { kind: 'truncate' }, { kind: 'reset' }, { kind: 'delay', ms: 100 }];
let faultsOn = false;
const plan = (_request: ProxyRequest): TransportFault | null => (faultsOn && rand() < REQUEST_FAULT_RATE ? pick(TRANSPORT_MIX) : null);

const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed };
};
/** The main file after a checkpoint (WAL folded in), and the bytes its rows and indexes hold (dbstat, page headers and slack left out). */
function dbSize(app: TempApp) {
  app.services.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  const { used } = app.services.ctx.db.prepare('SELECT SUM(pgsize - unused) AS used FROM dbstat').get() as { used: number };
  return { file: fs.statSync(path.join(app.dataDir, DB_FILE_NAME)).size, used };
}
const rowCounts = (app: TempApp) =>
  Object.fromEntries(
    (app.services.ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(({ name }) => [name, (app.services.ctx.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function failureKind(message: string): string {
  if (/state of block/.test(message)) return 'wrong block (refused)';
  if (/behind the last snapshot/.test(message)) return 'node behind last snapshot (refused)';
  if (/chain id/.test(message)) return 'wrong chain id (refused)';
  if (/took too long|timed out|timeout/i.test(message)) return 'timeout';
  if (/429|rate limit/i.test(message)) return '429 rate limited';
  if (/50\d|Internal|HTTP request failed/i.test(message)) return '5xx';
  if (/JSON|Unexpected end|Unterminated/i.test(message)) return 'truncated / not JSON';
  if (/fetch failed|socket|ECONNRESET|terminated|other side closed/i.test(message)) return 'connection reset';
  return `other: ${message.replace(/[0-9a-f]{64}/g, '…').slice(0, 140)}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`bench:soak — ${REFRESHES} refreshes, seed ${SEED}, ${REQUEST_FAULT_RATE * 100}% of requests and ${NODE_FAULT_RATE * 100}% of refreshes faulted; gc ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'off (run with --expose-gc)'}`);
  const node = await startAnvil({ chainId: 1 });
  const proxies: FaultProxy[] = [];
  const closers: (() => Promise<void>)[] = [() => node.stop()];
  try {
    await installBaseContracts(node);
    await installEigenLayer(node);
    for (const token of TOKENS) await installToken(node, token);
    await setNativeBalance(node, ALICE, 31_415_926_535_897_932n);
    await setTokenBalance(node, TOKENS[0]!.address, ALICE, 10n ** 18n);
    const evmProxy = await startFaultProxy(node.url, { plan });
    proxies.push(evmProxy);
    const overrides: Record<string, string[]> = { ethereum: [evmProxy.url, node.url] };
    const networks: ('ethereum' | 'solana' | 'bitcoin')[] = ['ethereum'];
    if (fs.existsSync(SOL_FIXTURES)) {
      // Slot times near now: retention keeps every snapshot of recent days, so none is thinned away.
      const rpc = await startSolanaRpcServer(solanaFixture(Math.floor(Date.now() / 1000)).state);
      const proxy = await startFaultProxy(rpc.url, { plan });
      proxies.push(proxy);
      closers.push(() => rpc.close());
      overrides.solana = [proxy.url, rpc.url];
      networks.push('solana');
    }
    let babylonUrl = 'http://127.0.0.1:9';
    if (fs.existsSync(BTC_FIXTURES)) {
      const [esplora, babylon] = await Promise.all([startEsploraServer(), startBabylonServer()]);
      seedBitcoinWorld(esplora, babylon);
      const proxy = await startFaultProxy(esplora.url, { plan });
      proxies.push(proxy);
      closers.push(() => esplora.close(), () => babylon.close());
      overrides.bitcoin = [proxy.url, esplora.url];
      babylonUrl = babylon.url;
      networks.push('bitcoin');
    }
    const app = openTempApp({ rpcOverrides: overrides, babylonApiOverride: babylonUrl, evmClientOptions: { retryCount: 2, timeoutMs: 400, maxRetryAfterMs: 500 }, httpOptions: { retries: 2, baseDelayMs: 20, maxWaitMs: 200, timeoutMs: 400 } });
    closers.push(async () => app.close());
    await app.services.wallets.add(ALICE);
    if (networks.includes('solana')) await app.services.wallets.add(SOL_WALLET);
    if (networks.includes('bitcoin')) await app.services.wallets.add(STAKER_WALLET);

    // One healthy refresh per network first: the size of one snapshot of each, measured in this run.
    const sizes = new Map<string, number>();
    await app.services.refresh.run(networks); // the first one also stores one-off rows
    for (const network of networks) {
      const before = dbSize(app).used;
      await app.services.refresh.run([network]);
      sizes.set(network, dbSize(app).used - before);
    }
    const counts = () => new Map(networks.map((network) => [network, app.services.ctx.repos.snapshots.count(network)]));
    const start = { ...memory(), db: dbSize(app), rows: rowCounts(app), snapshots: counts() };
    faultsOn = true;

    const outcomes = new Map<string, number>();
    const bump = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const nodeFaults = new Map<string, number>();
    let wrong = 0;
    let checked = 0;
    for (let index = 1; index <= REFRESHES; index++) {
      // Same token, new amount: the held set (and so the size of a snapshot) stays the same.
      await setTokenBalance(node, TOKENS[0]!.address, ALICE, 10n ** 18n + BigInt(index));
      evmProxy.clear();
      if (rand() < NODE_FAULT_RATE) {
        const fault = pick([{ kind: 'wrong-block', offset: 1 } as const, { kind: 'behind', blocks: 1_000 } as const, { kind: 'chain-id', chainId: 10 } as const]);
        evmProxy.inject(fault);
        nodeFaults.set(fault.kind, (nodeFaults.get(fault.kind) ?? 0) + 1);
      }
      const summary = await app.services.refresh.run(networks);
      for (const outcome of summary.chains) {
        if (outcome.status === 'failed') bump(`${outcome.chain} stale: ${failureKind(outcome.error)}`);
        else bump(`${outcome.chain} ${outcome.status}`);
        if (outcome.chain === 'ethereum' && outcome.status === 'ok') {
          const healthy = await balancesAt(node.url, ALICE, TOKENS, BigInt(outcome.blockNumber));
          const stored = app.services.portfolio.get().positions.filter((row) => row.chain === 'ethereum');
          checked++;
          if (stored.some((row) => row.rawAmount !== healthy.get(row.symbol))) wrong++;
        }
      }
      if (index % 25 === 0 || index === REFRESHES) {
        const now = memory();
        console.log(`  ${String(index).padStart(4)} refreshes  rss ${mb(now.rss)}  heap ${mb(now.heap)}  db ${kb(dbSize(app).used)}  ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }
    const end = { ...memory(), db: dbSize(app), rows: rowCounts(app), snapshots: counts() };

    const stored = networks.map((network) => [network, end.snapshots.get(network)! - start.snapshots.get(network)!] as const);
    const expected = stored.reduce((sum, [network, n]) => sum + n * sizes.get(network)!, 0);
    const growth = end.db.used - start.db.used;
    console.log('\n                     start        end     change');
    const line = (label: string, a: number, b: number, format: (n: number) => string) => console.log(`${label.padEnd(14)}${format(a).padStart(11)}${format(b).padStart(11)}${format(b - a).padStart(11)}`);
    line('RSS', start.rss, end.rss, mb);
    line('heap used', start.heap, end.heap, mb);
    line('DB file', start.db.file, end.db.file, kb);
    line('DB data bytes', start.db.used, end.db.used, kb);
    for (const [network] of stored) line(`${network} snaps`, start.snapshots.get(network)!, end.snapshots.get(network)!, String);
    console.log(`\none snapshot, measured in this run: ${networks.map((network) => `${network} ${kb(sizes.get(network)!)}`).join(', ')}`);
    console.log(`snapshots stored during the soak: ${stored.map(([network, n]) => `${network} ${n}`).join(', ')} → expected growth ${kb(expected)}`);
    console.log(`actual growth of data bytes: ${kb(growth)} — ratio ${(expected > 0 ? growth / expected : 0).toFixed(2)} (1.00 = nothing beyond the snapshots)`);
    const grown = Object.entries(end.rows).filter(([name, n]) => n !== start.rows[name]).map(([name, n]) => `${name} +${n - (start.rows[name] ?? 0)}`);
    console.log(`rows added by table: ${grown.join(', ') || 'none'}`);
    console.log(`\noutcomes (${REFRESHES} refreshes × ${networks.length} networks):`);
    for (const [key, n] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${key}`);
    console.log(`faults injected: ${proxies.map((proxy, index) => `${networks[index]} ${JSON.stringify(proxy.applied)}`).join('; ')}`);
    console.log(`node faults planned on Ethereum: ${JSON.stringify(Object.fromEntries(nodeFaults))}`);
    console.log(`Ethereum snapshots checked against anvil at their block: ${checked}, wrong: ${wrong}`);
    console.log(`wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (wrong > 0) process.exitCode = 1;
  } finally {
    for (const proxy of proxies) await proxy.close();
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

void main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
