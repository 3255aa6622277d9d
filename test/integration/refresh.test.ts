/**
 * Refresh through the production code against real anvil nodes with mock contracts at the
 * real mainnet addresses: exact raw balances, per-position failure, per-chain failure, and
 * an RPC killed mid-refresh leaving the previous snapshot intact.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensOn } from '../../shared/registry/evm-tokens';
import { RISK_CONTRACTS } from '../../shared/registry/risk-contracts';
import { installRevertingToken, setEnsAddress, setNativeBalance, setTokenBalance } from '../support/evm-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { startAnvil } from '../support/anvil';
import { startRpcProxy } from '../support/rpc-proxy';
import { installBaseContracts, installToken } from '../support/evm-fixture';
import { installEigenLayer } from '../support/eigen-fixture';
import { openTempApp, type TempApp } from '../support/temp-app';

const ALICE = getAddress('0xa11ce00000000000000000000000000000000a1c');
const BOB = getAddress('0xb0b0000000000000000000000000000000000b0b');
const token = (chain: 'ethereum' | 'arbitrum' | 'base', symbol: string) => tokensOn(chain).find((item) => item.symbol === symbol)!;

let nodes: EvmNodes;
beforeAll(async () => {
  nodes = await startEvmChains();
  await setTokenBalance(nodes.ethereum, token('ethereum', 'wstETH').address, ALICE, 1_234_567_890_123_456_789n);
  await setTokenBalance(nodes.ethereum, token('ethereum', 'ezETH').address, ALICE, 7n);
  await setTokenBalance(nodes.ethereum, token('ethereum', 'stETH').address, BOB, 999_999_999_999_999_999_999n);
  await setNativeBalance(nodes.ethereum, ALICE, 31_415_926_535_897_932n);
  await setTokenBalance(nodes.arbitrum, token('arbitrum', 'weETH').address, BOB, 271_828_182_845_904_523n);
  await setNativeBalance(nodes.base, BOB, 1n);
});
afterAll(() => stopEvmChains(nodes));

const balanceOf = (app: TempApp, wallet: string, chain: string, symbol: string) => {
  const portfolio = app.services.portfolio.get();
  const walletId = portfolio.wallets.find((item) => item.address.toLowerCase() === wallet.toLowerCase())!.id;
  return portfolio.positions.find((item) => item.walletId === walletId && item.chain === chain && item.symbol === symbol);
};

describe('refresh against anvil', () => {
  it('stores exact raw balances for every wallet, chain and registry token, at one block per chain', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(ALICE, 'Alice');
    await app.services.wallets.add(BOB.toLowerCase());
    const summary = await app.services.refresh.run();
    expect(summary.chains.map((outcome) => [outcome.chain, outcome.status])).toEqual([
      ['ethereum', 'ok'],
      ['arbitrum', 'ok'],
      ['base', 'ok'],
      ['solana', 'skipped'],
      ['bitcoin', 'skipped'],
    ]);
    expect(balanceOf(app, ALICE, 'ethereum', 'wstETH')).toMatchObject({ rawAmount: '1234567890123456789', decimals: 18, error: null });
    expect(balanceOf(app, ALICE, 'ethereum', 'ezETH')?.rawAmount).toBe('7');
    expect(balanceOf(app, ALICE, 'ethereum', 'ETH')).toMatchObject({ rawAmount: '31415926535897932', tokenAddress: null });
    expect(balanceOf(app, BOB, 'ethereum', 'stETH')?.rawAmount).toBe('999999999999999999999');
    expect(balanceOf(app, BOB, 'ethereum', 'wstETH')?.rawAmount).toBe('0');
    expect(balanceOf(app, BOB, 'arbitrum', 'weETH')?.rawAmount).toBe('271828182845904523');
    expect(balanceOf(app, BOB, 'base', 'ETH')?.rawAmount).toBe('1');

    const portfolio = app.services.portfolio.get();
    const expectedRows = 2 * (tokensOn('ethereum').length + tokensOn('arbitrum').length + tokensOn('base').length + 3);
    expect(portfolio.positions).toHaveLength(expectedRows);
    expect(portfolio.chains.filter((chain) => chain.snapshot === null).map((chain) => chain.chain)).toEqual(['solana', 'bitcoin']);
    for (const chain of portfolio.chains.filter((item) => item.snapshot !== null)) {
      const rows = portfolio.positions.filter((position) => position.chain === chain.chain);
      expect(new Set(rows.map((row) => row.blockNumber))).toEqual(new Set([chain.snapshot!.blockNumber]));
      expect(chain.lastError).toBeNull();
    }
    const total = portfolio.totals.find((item) => item.chain === 'ethereum' && item.symbol === 'wstETH');
    expect(total).toMatchObject({ rawAmount: '1234567890123456789', wallets: 1, failed: 0 });
    app.close();
  });

  it('uses a handful of HTTP requests per chain (batched multicall)', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(getAddress('0xc0ffee0000000000000000000000000000c0ffee'));
    const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
    // No protocol token held: no risk reads, the balances alone.
    expect(outcome).toMatchObject({ status: 'ok', httpRequests: 2 });
    app.close();
  });

  it('adds a few requests for the risk reads of the protocols held, stored with the snapshot', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(ALICE);
    const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
    if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
    // The snapshot itself stays at 2. After it, for wstETH (Lido) and ezETH (Renzo, restaked through
    // EigenLayer): the slots of each contract, the redeem parameters and quotes, then pattern probes
    // and admin chains, 20 JSON-RPC calls per HTTP batch. How the rounds split into batches depends
    // on timing, so this is a bound.
    expect(outcome.httpRequests).toBe(2);
    expect(outcome.riskRequests).toBeGreaterThan(0);
    expect(outcome.riskRequests).toBeLessThanOrEqual(8);
    const snapshotId = app.services.portfolio.get().chains.find((chain) => chain.chain === 'ethereum')!.snapshot!.id;
    const read = new Set(app.services.ctx.repos.risk.reads(snapshotId).map((row) => row.address.toLowerCase()));
    const expected = RISK_CONTRACTS.filter((entry) => ['Lido', 'Renzo', 'EigenLayer'].includes(entry.protocol)).map((entry) => entry.address.toLowerCase());
    expect([...read].sort()).toEqual([...new Set(expected)].sort());
    app.close();
  });

  it('resolves an ENS name on mainnet and stores the address with the time', async () => {
    await setEnsAddress(nodes.ethereum, 'alice.eth', ALICE);
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes), now: () => 1_790_000_000_000 });
    const wallet = await app.services.wallets.add('Alice.ETH', 'via ENS');
    expect(wallet).toMatchObject({ kind: 'evm', address: ALICE, ensName: 'alice.eth', ensResolvedAt: 1_790_000_000_000, label: 'via ENS' });
    await expect(app.services.wallets.add('nobody-here.eth')).rejects.toThrow('ENS name nobody-here.eth does not resolve to an address');
    await expect(app.services.wallets.add(ALICE.toLowerCase())).rejects.toThrow(/Already in your wallets as "via ENS"/);
    app.close();
  });

  it('fails only the position whose call reverts, and only the chain whose RPC is down', async () => {
    const node = await startAnvil({ chainId: 1 });
    await installBaseContracts(node);
    await installEigenLayer(node);
    for (const item of tokensOn('ethereum')) await installToken(node, item);
    await installRevertingToken(node, token('ethereum', 'rsETH').address);
    await setTokenBalance(node, token('ethereum', 'rETH').address, ALICE, 5n);
    const app = openTempApp({
      rpcOverrides: { ...rpcOverrides(nodes), ethereum: [node.url], base: ['http://127.0.0.1:9'] },
      evmClientOptions: { retryCount: 0, timeoutMs: 2_000 },
    });
    await app.services.wallets.add(ALICE);
    const summary = await app.services.refresh.run();
    const byChain = Object.fromEntries(summary.chains.map((outcome) => [outcome.chain, outcome]));
    expect(byChain.ethereum).toMatchObject({ status: 'ok', failedPositions: 1 });
    expect(byChain.arbitrum).toMatchObject({ status: 'ok', failedPositions: 0 });
    expect(byChain.base).toMatchObject({ status: 'failed' });
    expect(balanceOf(app, ALICE, 'ethereum', 'rsETH')).toMatchObject({ rawAmount: null, error: expect.stringMatching(/^Call reverted/) });
    expect(balanceOf(app, ALICE, 'ethereum', 'rETH')?.rawAmount).toBe('5');
    const base = app.services.portfolio.get().chains.find((chain) => chain.chain === 'base')!;
    expect(base.snapshot).toBeNull();
    expect(base.lastError?.message).toBeTruthy();
    app.close();
    await node.stop();
  });

  it('keeps the previous snapshot whole when the RPC dies in the middle of a refresh', async () => {
    const node = await startAnvil({ chainId: 1 });
    await installBaseContracts(node);
    await installEigenLayer(node);
    for (const item of tokensOn('ethereum')) await installToken(node, item);
    await setTokenBalance(node, token('ethereum', 'wstETH').address, ALICE, 123_456_789n);
    let killAt = Number.POSITIVE_INFINITY;
    const proxy = await startRpcProxy(node.url, (index) => {
      if (index < killAt) return 'forward';
      node.kill(); // the node dies after the block was read, while balances are being fetched
      return 'drop';
    });
    const app = openTempApp({ rpcOverrides: { ...rpcOverrides(nodes), ethereum: [proxy.url] }, evmClientOptions: { retryCount: 1, timeoutMs: 2_000 } });
    await app.services.wallets.add(ALICE);
    await app.services.wallets.add(BOB);
    const first = await app.services.refresh.run(['ethereum']);
    expect(first.chains[0]).toMatchObject({ status: 'ok' });
    const before = app.services.portfolio.get();
    const rowsBefore = app.services.ctx.db.prepare('SELECT COUNT(*) AS n FROM balances').get();

    killAt = proxy.requests + 1; // forward the block read, kill on the balance calls
    await setTokenBalance(node, token('ethereum', 'wstETH').address, ALICE, 1n);
    const second = await app.services.refresh.run(['ethereum', 'arbitrum']);
    expect(second.chains[0]).toMatchObject({ chain: 'ethereum', status: 'failed' });
    expect(second.chains[1]).toMatchObject({ chain: 'arbitrum', status: 'ok' });

    const after = app.services.portfolio.get();
    const ethereum = after.chains.find((chain) => chain.chain === 'ethereum')!;
    expect(ethereum.snapshot).toEqual(before.chains.find((chain) => chain.chain === 'ethereum')!.snapshot);
    expect(ethereum.lastError).not.toBeNull();
    expect(balanceOf(app, ALICE, 'ethereum', 'wstETH')?.rawAmount).toBe('123456789');
    expect(app.services.ctx.repos.snapshots.count('ethereum')).toBe(1);
    const orphans = app.services.ctx.db.prepare('SELECT COUNT(*) AS n FROM balances WHERE snapshot_id NOT IN (SELECT id FROM snapshots)').get();
    expect(orphans).toEqual({ n: 0 });
    const rowsAfter = app.services.ctx.db.prepare("SELECT COUNT(*) AS n FROM balances b JOIN snapshots s ON s.id = b.snapshot_id WHERE s.chain = 'ethereum'").get();
    expect(rowsAfter).toEqual({ n: (rowsBefore as { n: number }).n });
    expect(app.services.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
    await proxy.close();
  });

  it('falls back to the next RPC URL when the first one is down, and records which one served', async () => {
    const app = openTempApp({
      rpcOverrides: { ethereum: ['http://127.0.0.1:9', nodes.ethereum.url] },
      evmClientOptions: { retryCount: 0, timeoutMs: 2_000 },
    });
    await app.services.wallets.add(ALICE);
    const summary = await app.services.refresh.run(['ethereum']);
    expect(summary.chains[0]).toMatchObject({ status: 'ok', failedPositions: 0 });
    expect(balanceOf(app, ALICE, 'ethereum', 'wstETH')?.rawAmount).toBe('1234567890123456789');
    expect(app.services.portfolio.get().chains.find((chain) => chain.chain === 'ethereum')!.snapshot!.rpcUrl).toBe(nodes.ethereum.url);
    app.close();
  });

  it('refuses a second refresh while one is running', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(ALICE);
    const first = app.services.refresh.run(['ethereum']);
    await expect(app.services.refresh.run(['ethereum'])).rejects.toThrow('A refresh is already running');
    await first;
    app.close();
  });

  it('removing a wallet removes its stored balances', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    const alice = await app.services.wallets.add(ALICE);
    await app.services.wallets.add(BOB);
    await app.services.refresh.run(['ethereum']);
    app.services.wallets.remove(alice.id);
    const left = app.services.ctx.db.prepare('SELECT COUNT(*) AS n FROM balances WHERE wallet_id = ?').get(alice.id);
    expect(left).toEqual({ n: 0 });
    expect(app.services.portfolio.get().positions.every((position) => position.walletId !== alice.id)).toBe(true);
    app.close();
  });
});
