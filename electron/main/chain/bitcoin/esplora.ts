/**
 * Esplora REST client (Blockstream/esplora API.md; mempool.space serves the same API).
 * Shapes per ../shared/api-shapes/esplora.md, from Blockstream/electrs src/rest.rs:
 * - amounts are integer satoshi; there is no balance field, balance = funded − spent of
 *   chain_stats (confirmed) and mempool_stats (unconfirmed);
 * - /address/:a/txs is up to 50 mempool txs then the first 25 confirmed (newest first);
 *   older confirmed txs come 25 a page from /txs/chain/:last_seen_txid, `[]` at the end;
 * - /blocks/tip/height and /tx/:txid/hex are text/plain, and so are all errors;
 * - an unconfirmed status is exactly {"confirmed": false}; mempool.space adds `sigops`.
 */
import { z } from 'zod';
import { parseRawTx, RawTxError } from '../../../../shared/domain/bitcoin/raw-tx';
import { excerpt, firstIssue, requestWithRetry, safeJson, type HttpOptions } from '../http/http-retry';

/**
 * mempool.space's public Esplora-compatible API, as its docs give it ("curl
 * https://mempool.space/api/address/…", mempool/mempool frontend/src/app/docs/api-docs/
 * api-docs-data.ts). Blockstream's equivalent is https://blockstream.info/api (esplora API.md).
 */
export const DEFAULT_ESPLORA_BASE = 'https://mempool.space/api';

/** electrs rest.rs CHAIN_TXS_PER_PAGE: a shorter confirmed page is the last one. */
export const CHAIN_TXS_PER_PAGE = 25;

export class EsploraError extends Error {
  constructor(
    message: string,
    readonly endpoint: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EsploraError';
  }
}

const hexString = z.string().regex(/^([0-9a-f]{2})*$/, 'expected lower-case hex');
const txid = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-character txid');
const sat = z.number().int().nonnegative().transform((value) => BigInt(value));
/** Cumulative sums can pass 2^53 (esplora.md), so the /address body is read with integers quoted. */
const satText = z
  .string()
  .regex(/^\d+$/, 'expected an integer number of satoshi')
  .transform((value) => BigInt(value));
const count = z.string().regex(/^\d+$/).transform(Number);

const scriptStats = z.object({ funded_txo_count: count, funded_txo_sum: satText, spent_txo_count: count, spent_txo_sum: satText, tx_count: count });
/** GET /tx/:txid/outspend/:vout (esplora.md "Other shapes"): {"spent": false} or {"spent": true, txid, vin, status}. */
const outspendSchema = z.discriminatedUnion('spent', [
  z.object({ spent: z.literal(false) }),
  z.object({ spent: z.literal(true), txid, vin: z.number().int().nonnegative(), status: z.object({ confirmed: z.boolean() }) }),
]);
const addressSchema = z.object({ address: z.string(), chain_stats: scriptStats, mempool_stats: scriptStats });

const txOut = z.object({ scriptpubkey: hexString, scriptpubkey_asm: z.string(), scriptpubkey_type: z.string(), scriptpubkey_address: z.string().optional(), value: sat });
const status = z.discriminatedUnion('confirmed', [
  z.object({ confirmed: z.literal(true), block_height: z.number().int().nonnegative(), block_hash: txid, block_time: z.number().int().positive() }),
  z.object({ confirmed: z.literal(false) }),
]);
const txSchema = z.object({
  txid,
  version: z.number().int(),
  locktime: z.number().int().nonnegative(),
  vin: z.array(
    z.object({
      txid,
      vout: z.number().int().nonnegative(),
      prevout: txOut.nullable(),
      scriptsig: hexString,
      scriptsig_asm: z.string(),
      witness: z.array(hexString).optional(),
      is_coinbase: z.boolean(),
      sequence: z.number().int().nonnegative(),
      inner_redeemscript_asm: z.string().optional(),
      inner_witnessscript_asm: z.string().optional(),
    }),
  ),
  vout: z.array(txOut),
  size: z.number().int().positive(),
  weight: z.number().int().positive(),
  sigops: z.number().int().nonnegative().optional(),
  fee: sat,
  status,
});

export type EsploraTx = z.infer<typeof txSchema>;

export interface AddressBalance {
  address: string;
  /** Satoshi, from chain_stats. */
  confirmed: bigint;
  /** Satoshi, from mempool_stats; negative while the mempool spends confirmed coins. */
  unconfirmed: bigint;
  txCount: { confirmed: number; mempool: number };
}

export interface AddressTxs {
  /** Newest first: mempool transactions, then confirmed ones. */
  txs: EsploraTx[];
  /** False when maxPages ran out before the last page. */
  complete: boolean;
  requests: number;
}

export interface EsploraClient {
  readonly baseUrl: string;
  addressBalance(address: string): Promise<AddressBalance>;
  addressTxs(address: string, maxPages?: number): Promise<AddressTxs>;
  /** Raw hex, checked to hash to the txid asked for. */
  txHex(txid: string): Promise<string>;
  tipHeight(): Promise<number>;
  /** Whether output `vout` of `txid` is spent, and by which transaction. */
  outspend(txid: string, vout: number): Promise<Outspend>;
}

export type Outspend = { spent: false } | { spent: true; txid: string; vin: number; confirmed: boolean };

export interface EsploraOptions extends HttpOptions {
  baseUrl?: string;
}

export function createEsploraClient(options: EsploraOptions = {}): EsploraClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_ESPLORA_BASE).replace(/\/+$/, '');

  async function get(path: string, kind: 'json' | 'text'): Promise<string> {
    const reply = await requestWithRetry({ url: `${baseUrl}${path}`, accept: kind === 'json' ? 'application/json' : 'text/plain' }, options, (detail) => new EsploraError(`Esplora ${path}: unreachable (${new URL(baseUrl).host}): ${detail}`, path));
    if (!reply.ok) {
      const gaveUp = reply.status === 429 || reply.status >= 500 ? ` after ${reply.attempts} attempts` : '';
      throw new EsploraError(`Esplora ${path}: HTTP ${reply.status}${gaveUp}${reply.text ? `: ${excerpt(reply.text)}` : ''}`, path, reply.status);
    }
    return reply.text;
  }

  function decode<T>(path: string, text: string, schema: z.ZodType<T>, prepare: (text: string) => string = (t) => t): T {
    const json = safeJson(prepare(text));
    if (!json.ok) throw new EsploraError(`Esplora ${path}: unexpected response (not JSON): ${excerpt(text, 80)}`, path);
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) throw new EsploraError(`Esplora ${path}: unexpected response (${firstIssue(parsed.error)})`, path);
    return parsed.data;
  }

  async function txsPage(path: string): Promise<EsploraTx[]> {
    return decode(path, await get(path, 'json'), z.array(txSchema));
  }

  return {
    baseUrl,

    async addressBalance(address) {
      const path = `/address/${addressSegment(address)}`;
      const body = decode(path, await get(path, 'json'), addressSchema, quoteIntegers);
      if (body.address !== address) throw new EsploraError(`Esplora ${path}: unexpected response (stats are for ${body.address})`, path);
      const { chain_stats: chain, mempool_stats: mempool } = body;
      return {
        address,
        confirmed: chain.funded_txo_sum - chain.spent_txo_sum,
        unconfirmed: mempool.funded_txo_sum - mempool.spent_txo_sum,
        txCount: { confirmed: chain.tx_count, mempool: mempool.tx_count },
      };
    },

    async addressTxs(address, maxPages = 10) {
      if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`maxPages must be a positive integer, got ${maxPages}`);
      const base = `/address/${addressSegment(address)}/txs`;
      const first = await txsPage(base);
      const txs = [...first];
      const seen = new Set(first.map((tx) => tx.txid));
      let lastPage = first.filter((tx) => tx.status.confirmed);
      let requests = 1;
      while (lastPage.length >= CHAIN_TXS_PER_PAGE) {
        if (requests >= maxPages) return { txs, complete: false, requests };
        const path = `${base}/chain/${lastPage.at(-1)!.txid}`;
        const page = await txsPage(path);
        requests += 1;
        const repeated = page.find((tx) => seen.has(tx.txid));
        if (repeated) throw new EsploraError(`Esplora ${path}: unexpected response (paging did not advance: ${repeated.txid} was already listed)`, path);
        const unconfirmed = page.find((tx) => !tx.status.confirmed);
        if (unconfirmed) throw new EsploraError(`Esplora ${path}: unexpected response (unconfirmed ${unconfirmed.txid} in a confirmed page)`, path);
        for (const tx of page) seen.add(tx.txid);
        txs.push(...page);
        lastPage = page;
      }
      return { txs, complete: true, requests };
    },

    async txHex(wanted) {
      if (!/^[0-9a-f]{64}$/i.test(wanted)) throw new Error(`Not a txid: "${wanted}"`);
      const path = `/tx/${wanted.toLowerCase()}/hex`;
      const text = (await get(path, 'text')).trim();
      try {
        const { txid: actual } = parseRawTx(text);
        if (actual !== wanted.toLowerCase()) throw new EsploraError(`Esplora ${path}: unexpected response (the transaction's txid is ${actual})`, path);
      } catch (cause) {
        if (cause instanceof RawTxError) throw new EsploraError(`Esplora ${path}: unexpected response (${cause.message})`, path);
        throw cause;
      }
      return text.toLowerCase();
    },

    async tipHeight() {
      const path = '/blocks/tip/height';
      const text = (await get(path, 'text')).trim();
      if (!/^\d{1,9}$/.test(text)) throw new EsploraError(`Esplora ${path}: unexpected response (not a block height): ${excerpt(text, 80)}`, path);
      return Number(text);
    },

    async outspend(spentTxid, vout) {
      if (!/^[0-9a-f]{64}$/i.test(spentTxid)) throw new Error(`Not a txid: "${spentTxid}"`);
      if (!Number.isInteger(vout) || vout < 0) throw new Error(`Not an output index: ${vout}`);
      const path = `/tx/${spentTxid.toLowerCase()}/outspend/${vout}`;
      const body = decode(path, await get(path, 'json'), outspendSchema);
      return body.spent ? { spent: true, txid: body.txid, vin: body.vin, confirmed: body.status.confirmed } : { spent: false };
    },
  };
}

/** An address goes in a path segment: refuse anything that could change the path. */
function addressSegment(address: string): string {
  if (!/^[0-9A-Za-z]{14,90}$/.test(address)) throw new Error(`Not a Bitcoin address: "${address}"`);
  return address;
}

/** Quotes every integer literal outside strings, so JSON.parse cannot round it. */
function quoteIntegers(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, (match, string: string | undefined, number: string | undefined) => (string !== undefined || number === undefined || /[.eE]/.test(number) ? match : `"${number}"`));
}
