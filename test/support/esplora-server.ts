/**
 * A loopback Esplora answering as Blockstream/electrs src/rest.rs does (shapes in
 * ../shared/api-shapes/esplora.md): JSON bodies as application/json, tip height, raw hex
 * and every error as text/plain; /address/:a/txs = up to 50 mempool + first 25 confirmed,
 * /txs/chain[/:last_seen_txid] = 25 a page (an unparseable txid gives page 1 again, an
 * unknown one `[]`, as `history()` skips until it sees it). Seeded with the real fixture
 * transactions and the documented example address; a test can add histories, set stats
 * with integers beyond 2^53, and make the next answers a 429 (Retry-After), a 503, broken
 * JSON or a wrong shape.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { listenLoopback } from './loopback';
import { checkBitcoinAddress } from '../../shared/domain/wallet/bitcoin-address';

const FIXTURE = '../shared/fixtures/bitcoin-babylon-staking/esplora/tx';
const SHAPES = '../shared/api-shapes';
export const FIXTURE_TXIDS = ['7d90210b21aad480cd88fd8399aa6d47e6b3f2ecea2f9f9cfdd79598430e3003', '2aeeddb97b138ea622d9194818fa2fa3d8432125032ac1aec32461ae91d80b78'] as const;
const MAX_MEMPOOL_TXS = 50;
const CHAIN_TXS_PER_PAGE = 25;

export interface ScriptStats {
  funded_txo_count: number;
  funded_txo_sum: bigint;
  spent_txo_count: number;
  spent_txo_sum: bigint;
  tx_count: number;
}
/** A /tx object as the fixtures hold it (plain JSON). */
export type EsploraTxJson = { txid: string; status: { confirmed: boolean } } & Record<string, unknown>;
export type Fault = 'rate-limit' | 'server-error' | 'malformed-json' | 'wrong-shape';

export interface EsploraServer {
  url: string;
  requests: string[];
  readFixtureTx(txid: string): EsploraTxJson;
  setAddress(address: string, chain: ScriptStats, mempool?: ScriptStats): void;
  /** Newest first, as Esplora lists them; mempool txs must come before confirmed ones. */
  setHistory(address: string, txs: EsploraTxJson[]): void;
  setTipHeight(height: number): void;
  setRawHex(txid: string, hex: string): void;
  /** Marks output `vout` of `txid` spent by `spender` (input 0, confirmed). */
  setSpent(txid: string, vout: number, spender: string): void;
  /** The next `times` answers (any route). */
  /** The next `times` answers to paths starting with `path` (any path when omitted). */
  failNext(fault: Fault, times?: number, retryAfterSeconds?: number, path?: string): void;
  close(): Promise<void>;
}

const ZERO: ScriptStats = { funded_txo_count: 0, funded_txo_sum: 0n, spent_txo_count: 0, spent_txo_sum: 0n, tx_count: 0 };

export async function startEsploraServer(): Promise<EsploraServer> {
  const txs = new Map<string, EsploraTxJson>();
  const rawHex = new Map<string, string>();
  for (const txid of FIXTURE_TXIDS) {
    txs.set(txid, JSON.parse(readFileSync(`${FIXTURE}/${txid}/index.json`, 'utf8')));
    rawHex.set(txid, readFileSync(`${FIXTURE}/${txid}/hex`, 'utf8'));
  }
  const mempoolExample = JSON.parse(readFileSync(`${SHAPES}/esplora.tx.mempool-space.example.json`, 'utf8')) as EsploraTxJson;
  txs.set(mempoolExample.txid, mempoolExample);

  const stats = new Map<string, { chain: ScriptStats; mempool: ScriptStats }>();
  const example = JSON.parse(readFileSync(`${SHAPES}/esplora.address.example.json`, 'utf8'));
  const bigStats = (s: Record<string, number>): ScriptStats => ({ ...(s as unknown as ScriptStats), funded_txo_sum: BigInt(s.funded_txo_sum!), spent_txo_sum: BigInt(s.spent_txo_sum!) });
  stats.set(example.address, { chain: bigStats(example.chain_stats), mempool: bigStats(example.mempool_stats) });
  const histories = new Map<string, EsploraTxJson[]>();
  const spends = new Map<string, string>();
  let tipHeight = Number(readFileSync(`${SHAPES}/esplora.blocks-tip-height.example.json`, 'utf8').trim());
  const faults: { fault: Fault; retryAfter: number; path: string }[] = [];
  const requests: string[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const text = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain', 'Cache-Control': 'public, max-age=10', ...headers });
      res.end(body);
    };
    const json = (body: string) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=10' });
      res.end(body);
    };

    const at = faults.findIndex((item) => url.pathname.startsWith(item.path));
    const fault = at < 0 ? undefined : faults.splice(at, 1)[0];
    if (fault?.fault === 'rate-limit') return text(429, 'Too Many Requests', { 'Retry-After': String(fault.retryAfter) });
    if (fault?.fault === 'server-error') return text(503, 'Service Unavailable');
    if (fault?.fault === 'malformed-json') return json('{"address": "bc1q');

    const parts = url.pathname.split('/').slice(1);
    if (parts[0] === 'blocks' && parts[1] === 'tip' && parts[2] === 'height' && parts.length === 3) return text(200, String(tipHeight));
    if (parts[0] === 'tx' && parts[1] !== undefined && parts.length <= 4) {
      if (!/^[0-9a-fA-F]{64}$/.test(parts[1])) return text(400, 'Invalid hex string');
      const txid = parts[1].toLowerCase();
      if (parts.length === 2 && txs.has(txid)) return json(fault?.fault === 'wrong-shape' ? JSON.stringify({ ...txs.get(txid), fee: '242000' }) : JSON.stringify(txs.get(txid)));
      if (parts[2] === 'hex' && rawHex.has(txid)) return text(200, rawHex.get(txid)!);
      if (parts[2] === 'outspend' && parts[3] !== undefined && parts.length === 4 && txs.has(txid)) {
        const spender = spends.get(`${txid}:${parts[3]}`);
        // esplora.md "Other shapes": {"spent": false} or {"spent": true, "txid", "vin", "status"}.
        return json(JSON.stringify(spender ? { spent: true, txid: spender, vin: 0, status: { confirmed: true, block_height: 870000, block_hash: '0'.repeat(64), block_time: 1730000000 } } : { spent: false }));
      }
      if (parts.length === 2 || parts[2] === 'hex' || parts[2] === 'outspend') return text(404, 'Transaction not found');
    }
    if (parts[0] === 'address' && parts[1] !== undefined) {
      const address = parts[1];
      if (!checkBitcoinAddress(address).ok) return text(400, 'Invalid Bitcoin address');
      if (parts.length === 2) {
        const s = stats.get(address) ?? { chain: ZERO, mempool: ZERO };
        if (fault?.fault === 'wrong-shape') return json(JSON.stringify({ address, chain_stats: { funded_txo_sum: 1 } }));
        // Hand-written so integers beyond 2^53 stay exact, in electrs's key order.
        return json(`{"address":${JSON.stringify(address)},"chain_stats":${statsJson(s.chain)},"mempool_stats":${statsJson(s.mempool)}}`);
      }
      const history = histories.get(address) ?? [];
      const confirmed = history.filter((tx) => tx.status.confirmed);
      let page: EsploraTxJson[] | undefined;
      if (parts[2] === 'txs' && parts.length === 3) page = [...history.filter((tx) => !tx.status.confirmed).slice(0, MAX_MEMPOOL_TXS), ...confirmed.slice(0, CHAIN_TXS_PER_PAGE)];
      if (parts[2] === 'txs' && parts[3] === 'chain' && parts.length <= 5) {
        const last = parts[4];
        const from = last === undefined || !/^[0-9a-f]{64}$/i.test(last) ? 0 : confirmed.findIndex((tx) => tx.txid === last.toLowerCase()) + 1 || confirmed.length;
        page = confirmed.slice(from, from + CHAIN_TXS_PER_PAGE);
      }
      if (page) {
        if (fault?.fault === 'wrong-shape' && page[0]) page = [{ ...page[0], status: { confirmed: true, block_height: null } }, ...page.slice(1)] as EsploraTxJson[];
        return json(JSON.stringify(page));
      }
    }
    text(404, `endpoint does not exist ${JSON.stringify(url.pathname)}`);
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    requests,
    readFixtureTx: (txid) => structuredClone(txs.get(txid)!),
    setAddress: (address, chain, mempool = ZERO) => void stats.set(address, { chain, mempool }),
    setHistory: (address, list) => void histories.set(address, list),
    setTipHeight: (height) => void (tipHeight = height),
    setRawHex: (txid, hex) => void rawHex.set(txid, hex),
    setSpent: (txid, vout, spender) => void spends.set(`${txid}:${vout}`, spender),
    failNext: (fault, times = 1, retryAfter = 1, path = '/') => {
      for (let i = 0; i < times; i++) faults.push({ fault, retryAfter, path });
    },
    close,
  };
}

function statsJson(s: ScriptStats): string {
  return `{"funded_txo_count":${s.funded_txo_count},"funded_txo_sum":${s.funded_txo_sum},"spent_txo_count":${s.spent_txo_count},"spent_txo_sum":${s.spent_txo_sum},"tx_count":${s.tx_count}}`;
}
