/** Esplora client against a loopback Esplora: balances, paging, raw hex, retries, bad answers. */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import { createEsploraClient, EsploraError } from '../../electron/main/chain/bitcoin/esplora';
import { retryAfterMs } from '../../electron/main/chain/http/http-retry';
import { parseRawTx } from '../../shared/domain/bitcoin/raw-tx';
import { FIXTURE_TXIDS, startEsploraServer, type EsploraServer, type EsploraTxJson } from '../support/esplora-server';

const [PRIMARY, SECONDARY] = FIXTURE_TXIDS;
const STAKER = 'bc1ppwfa95ug52ufc2azau5wn8qvlss8xkmf8jutydg0azkwegks7wfs7cd98n'; // primary's prevout and change
const BUSY = 'bc1pstunan5nv657dqx32tdup3y8uxq6eja6z3d4kukspjpq23gxf4zqdce4hn'; // primary's staking output
const EXACT = 'bc1pmvyjgr84yyg78yteu584eakfzzj50pjea72v98tx36ae7355w4zstd4ywg'; // secondary's staking output
const EXAMPLE = '1wiz18xYmhRX6xStj2b9t1rwWX4GKUgpv'; // esplora.address.example.json

let server: EsploraServer;
const fast = { retries: 2, baseDelayMs: 10, maxWaitMs: 2_000 };
const client = () => createEsploraClient({ baseUrl: server.url, ...fast });

beforeAll(async () => {
  server = await startEsploraServer();
});
afterAll(() => server.close());

/** Copies of a real tx with made-up txids, for paging: confirmed ones newest first. */
function history(confirmed: number, mempool: number): EsploraTxJson[] {
  const id = (label: string) => hex.encode(sha256(new TextEncoder().encode(label)));
  const base = server.readFixtureTx(PRIMARY);
  const pending = server.readFixtureTx('b6a53d8a8025c0c5b194345925a99741b645cae0b1f180f0613273029f2bf698');
  return [
    ...Array.from({ length: mempool }, (_, i) => ({ ...pending, txid: id(`mempool ${i}`) })),
    ...Array.from({ length: confirmed }, (_, i) => ({ ...base, txid: id(`confirmed ${i}`), status: { ...(base.status as object), confirmed: true, block_height: 864_790 - i } })),
  ];
}

describe('Esplora client', () => {
  it('reads the tip height from a text/plain body', async () => {
    expect(await client().tipHeight()).toBe(698_767); // esplora.blocks-tip-height.example.json
    server.setTipHeight(864_800);
    expect(await client().tipHeight()).toBe(864_800);
  });

  it('balance is funded − spent of chain_stats and mempool_stats, exact beyond 2^53', async () => {
    expect(await client().addressBalance(EXAMPLE)).toEqual({ address: EXAMPLE, confirmed: 0n, unconfirmed: 0n, txCount: { confirmed: 7, mempool: 0 } });
    const big = 2n ** 53n;
    server.setAddress(
      STAKER,
      { funded_txo_count: 9, funded_txo_sum: big + 30_000_758_001n, spent_txo_count: 8, spent_txo_sum: big + 30_000_700_000n, tx_count: 12 },
      { funded_txo_count: 0, funded_txo_sum: 0n, spent_txo_count: 1, spent_txo_sum: 58_000n, tx_count: 1 },
    );
    expect(await client().addressBalance(STAKER)).toEqual({ address: STAKER, confirmed: 58_001n, unconfirmed: -58_000n, txCount: { confirmed: 12, mempool: 1 } });
    expect(await client().addressBalance(EXACT)).toMatchObject({ confirmed: 0n, unconfirmed: 0n }); // unknown address: zeros, as electrs answers
  });

  it('refuses a path-changing address itself, and reports the server refusing one', async () => {
    await expect(client().addressBalance('../blocks/tip/height')).rejects.toThrow('Not a Bitcoin address: "../blocks/tip/height"');
    await expect(client().addressBalance('bc1qnotanaddress000000000000')).rejects.toThrow('Esplora /address/bc1qnotanaddress000000000000: HTTP 400: Invalid Bitcoin address');
  });

  it('pages: /txs (mempool + 25 confirmed), then /txs/chain/:last_seen_txid until a short page', async () => {
    const all = history(60, 2);
    server.setHistory(BUSY, all);
    server.requests.length = 0;
    const result = await client().addressTxs(BUSY);
    expect(result).toMatchObject({ complete: true, requests: 3 });
    expect(result.txs.map((tx) => tx.txid)).toEqual(all.map((tx) => tx.txid));
    expect(server.requests).toEqual([`/address/${BUSY}/txs`, `/address/${BUSY}/txs/chain/${all[26]!.txid}`, `/address/${BUSY}/txs/chain/${all[51]!.txid}`]);
    const [pending, confirmed] = [result.txs[0]!, result.txs[2]!];
    expect(pending.status).toEqual({ confirmed: false });
    expect(pending.sigops).toBe(4); // mempool.space's extra field is kept, not required
    expect(confirmed.status).toMatchObject({ confirmed: true, block_height: 864_790 });
    expect(confirmed.vout.map((out) => out.value)).toEqual([30_000_400_000n, 0n, 58_000n]);
    expect(confirmed.vout[1]!.scriptpubkey_address).toBeUndefined();
    expect(confirmed.fee).toBe(242_000n);
  });

  it('a full last page needs one more request, which answers []', async () => {
    server.setHistory(BUSY, history(50, 0));
    expect(await client().addressTxs(BUSY)).toMatchObject({ complete: true, requests: 3 });
    server.setHistory(BUSY, history(3, 0));
    expect(await client().addressTxs(BUSY)).toMatchObject({ complete: true, requests: 1 });
  });

  it('stops at maxPages and says the list is incomplete', async () => {
    server.setHistory(BUSY, history(60, 0));
    const result = await client().addressTxs(BUSY, 2);
    expect(result).toMatchObject({ complete: false, requests: 2 });
    expect(result.txs).toHaveLength(50);
    await expect(client().addressTxs(BUSY, 0)).rejects.toThrow('maxPages must be a positive integer');
  });

  it('a server that ignores last_seen_txid is caught, not looped on', async () => {
    server.setHistory(BUSY, history(60, 0));
    // Rewrite the cursor to something unparseable: electrs then serves page 1 again.
    const ignoring: typeof fetch = (input, init) => fetch(String(input).replace(/\/chain\/[0-9a-f]{64}$/, '/chain/zz'), init);
    await expect(createEsploraClient({ baseUrl: server.url, fetchFn: ignoring }).addressTxs(BUSY)).rejects.toThrow(/^Esplora \/address\/.*\/txs\/chain\/[0-9a-f]{64}: unexpected response \(paging did not advance: [0-9a-f]{64} was already listed\)$/);
  });

  it('fetches raw hex and checks that it hashes to the txid asked for', async () => {
    for (const txid of [PRIMARY, SECONDARY]) {
      const rawHex = await client().txHex(txid);
      expect(rawHex).toBe(readFileSync(`../shared/fixtures/bitcoin-babylon-staking/esplora/tx/${txid}/hex`, 'utf8'));
      expect(parseRawTx(rawHex).txid).toBe(txid);
    }
    await expect(client().txHex('ab'.repeat(32))).rejects.toThrow(`Esplora /tx/${'ab'.repeat(32)}/hex: HTTP 404: Transaction not found`);
    server.setRawHex('cd'.repeat(32), readFileSync('../shared/fixtures/bitcoin-babylon-staking/tx.7d90210b.hex', 'utf8'));
    await expect(client().txHex('cd'.repeat(32))).rejects.toThrow(`unexpected response (the transaction's txid is ${PRIMARY})`);
    server.setRawHex('ef'.repeat(32), '0200000000');
    await expect(client().txHex('ef'.repeat(32))).rejects.toThrow(/^Esplora \/tx\/(ef){32}\/hex: unexpected response \(Raw transaction truncated/);
    await expect(client().txHex('not-a-txid')).rejects.toThrow('Not a txid: "not-a-txid"');
  });

  it('waits out a 429 with Retry-After, then answers', async () => {
    server.failNext('rate-limit', 1, 1);
    server.requests.length = 0;
    const started = Date.now();
    expect(await client().tipHeight()).toBe(864_800);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it('never waits longer than maxWaitMs, whatever Retry-After says', async () => {
    server.failNext('rate-limit', 1, 3_600);
    const started = Date.now();
    expect(await createEsploraClient({ baseUrl: server.url, maxWaitMs: 50 }).tipHeight()).toBe(864_800);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reads Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3)', () => {
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(date, Date.parse(date) - 2_500)).toBe(2_500);
    expect(retryAfterMs(date, Date.parse(date) + 1)).toBe(0);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('gives up after the retries with the status and the text/plain body', async () => {
    server.failNext('server-error', 3);
    await expect(client().tipHeight()).rejects.toThrow('Esplora /blocks/tip/height: HTTP 503 after 3 attempts: Service Unavailable');
    server.failNext('rate-limit', 3, 0);
    await expect(client().tipHeight()).rejects.toMatchObject({ name: 'EsploraError', status: 429, endpoint: '/blocks/tip/height' });
  });

  it('malformed JSON and unexpected shapes are clear errors naming the endpoint', async () => {
    server.failNext('malformed-json');
    await expect(client().addressBalance(EXAMPLE)).rejects.toThrow(`Esplora /address/${EXAMPLE}: unexpected response (not JSON): {"address": "bc1q`);
    server.failNext('wrong-shape');
    await expect(client().addressBalance(EXAMPLE)).rejects.toThrow(new RegExp(`^Esplora /address/${EXAMPLE}: unexpected response \\(chain_stats\\.funded_txo_count: `));
    server.setHistory(BUSY, history(3, 0));
    server.failNext('wrong-shape');
    await expect(client().addressTxs(BUSY)).rejects.toThrow(`Esplora /address/${BUSY}/txs: unexpected response (0.status.block_height: Invalid input: expected number, received null)`);
  });

  it('times out a silent server, and reports one that is gone', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    await expect(createEsploraClient({ baseUrl: `http://${host}`, timeoutMs: 100, retries: 0 }).tipHeight()).rejects.toThrow(`Esplora /blocks/tip/height: unreachable (${host}): timed out after 100 ms`);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    const error = await createEsploraClient({ baseUrl: `http://${host}`, retries: 1, baseDelayMs: 10 }).tipHeight().catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(EsploraError);
    expect((error as Error).message).toMatch(new RegExp(`^Esplora /blocks/tip/height: unreachable \\(${host}\\): fetch failed`));
  });
});
