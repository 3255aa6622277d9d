/**
 * A fault-injecting loopback proxy in front of a JSON-RPC node (anvil, the Solana server) or
 * a REST fixture (Esplora, Babylon, the price API). Faults are planned per request: a rule
 * (fault + how many times + which requests) or a `plan` callback that picks one per request
 * (the soak bench's seeded mix). Transport faults act on the whole HTTP request; node faults
 * (wrong chain id, a node behind, the wrong block, a rewritten result) act on each JSON-RPC
 * call of a batch, as viem sends arrays. Counts requests, calls and the faults applied.
 */
import http from 'node:http';
import { listenLoopback } from './loopback';

export interface RpcCall {
  jsonrpc?: string;
  id: unknown;
  method: string;
  params?: unknown[];
}

/** Faults of the whole HTTP request. */
export type TransportFault =
  /** Never answers (the client's timeout fires); the socket stays open until the proxy closes. */
  | { kind: 'hang' }
  /** Forwards, but only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** Answers this status (429, 5xx…) itself, with a Retry-After header when given. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Forwards, then sends only the first `keep` bytes (default half) of the body and ends the response cleanly. */
  | { kind: 'truncate'; keep?: number }
  /** Destroys the connection without an answer. */
  | { kind: 'reset' };

/** Faults of each JSON-RPC call. */
export type CallFault =
  /** eth_chainId answers this chain id. */
  | { kind: 'chain-id'; chainId: number }
  /** The node's head is `blocks` behind the real one: 'latest' means that block, later blocks are "header not found". */
  | { kind: 'behind'; blocks: number }
  /** eth_call for block X runs at block X − offset (and says nothing). */
  | { kind: 'wrong-block'; offset: number }
  /** Replaces a method's result (absurd values, wrong shapes…). */
  | { kind: 'rewrite'; method: string; fn: (result: unknown, call: RpcCall) => unknown };

export type Fault = TransportFault | CallFault;
export type FaultKind = Fault['kind'];

export interface ProxyRequest {
  index: number;
  /** Path and query, e.g. "/" or "/address/bc1…/txs". */
  path: string;
  /** The JSON-RPC calls of the body (one or a batch), or null for a REST request. */
  calls: RpcCall[] | null;
}

/** A JSON-RPC method name (any call of the batch), a REST path prefix, or a predicate. */
export type Matcher = string | ((request: ProxyRequest) => boolean);

export interface FaultProxy {
  url: string;
  /** HTTP requests seen. */
  readonly requests: number;
  /** JSON-RPC calls seen (a batch counts each). */
  readonly calls: number;
  /** Faults applied, by kind (a call fault counts each call it changed). */
  readonly applied: Readonly<Record<string, number>>;
  /** Adds a rule; `times` defaults to 1 for transport faults and to always for call faults. */
  inject(fault: Fault, options?: { times?: number; match?: Matcher }): void;
  rewriteResult(method: string, fn: (result: unknown, call: RpcCall) => unknown, times?: number): void;
  /** Drops every rule (the plan callback stays). */
  clear(): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** Chooses a transport fault per request (after the rules); null forwards. */
  plan?: (request: ProxyRequest) => TransportFault | null;
}

interface Rule {
  fault: Fault;
  left: number;
  match?: Matcher;
}

const TRANSPORT_KINDS = new Set<FaultKind>(['hang', 'delay', 'status', 'truncate', 'reset']);
/** Where each method takes its block parameter. */
const BLOCK_PARAM: Record<string, number> = { eth_call: 1, eth_getBalance: 1, eth_getCode: 1, eth_getTransactionCount: 1, eth_getStorageAt: 2, eth_getBlockByNumber: 0 };
const TAGS = new Set(['latest', 'pending', 'safe', 'finalized']);
const hex = (value: bigint) => `0x${value.toString(16)}`;

export async function startFaultProxy(target: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const base = target.replace(/\/+$/, '');
  let rules: Rule[] = [];
  const counts = { requests: 0, calls: 0 };
  const applied: Record<string, number> = {};
  const count = (kind: string, n = 1) => void (applied[kind] = (applied[kind] ?? 0) + n);

  const matches = (rule: Rule, request: ProxyRequest, call?: RpcCall) => {
    if (rule.left <= 0) return false;
    if (rule.match === undefined) return true;
    if (typeof rule.match === 'function') return rule.match(request);
    if (request.calls) return call ? call.method === rule.match : request.calls.some((item) => item.method === rule.match);
    return request.path.startsWith(rule.match);
  };

  const takeTransportFault = (request: ProxyRequest): TransportFault | null => {
    const rule = rules.find((item) => TRANSPORT_KINDS.has(item.fault.kind) && matches(item, request));
    if (rule) {
      rule.left -= 1;
      return rule.fault as TransportFault;
    }
    return options.plan?.(request) ?? null;
  };

  async function upstreamHead(): Promise<bigint> {
    const reply = (await (await post(base, { jsonrpc: '2.0', id: 'fault-proxy-head', method: 'eth_blockNumber', params: [] })).json()) as { result: string };
    return BigInt(reply.result);
  }

  /** Applies the call faults: returns the call to forward, or a local answer. */
  async function rewriteCall(call: RpcCall, request: ProxyRequest, head: () => Promise<bigint>): Promise<{ forward: RpcCall; after: ((result: unknown) => unknown)[] } | { answer: unknown }> {
    let forward: RpcCall = { ...call, params: [...(call.params ?? [])] };
    const after: ((result: unknown) => unknown)[] = [];
    for (const rule of rules.filter((item) => !TRANSPORT_KINDS.has(item.fault.kind) && matches(item, request, call))) {
      const fault = rule.fault as CallFault;
      const at = BLOCK_PARAM[call.method];
      const block = at === undefined ? undefined : forward.params![at];
      let changed = false;
      if (fault.kind === 'chain-id' && call.method === 'eth_chainId') {
        after.push(() => hex(BigInt(fault.chainId)));
        changed = true;
      } else if (fault.kind === 'behind') {
        const stale = (await head()) - BigInt(fault.blocks);
        const floor = stale < 0n ? 0n : stale;
        if (call.method === 'eth_blockNumber') {
          after.push(() => hex(floor));
          changed = true;
        } else if (typeof block === 'string' && at !== undefined) {
          if (TAGS.has(block)) forward.params![at] = hex(floor);
          else if (BigInt(block) > floor) {
            count('behind');
            return { answer: { jsonrpc: '2.0', id: call.id, error: { code: -32000, message: 'header not found' } } }; // what geth says
          }
          changed = TAGS.has(block);
        }
      } else if (fault.kind === 'wrong-block' && call.method === 'eth_call' && typeof block === 'string' && !TAGS.has(block)) {
        const moved = BigInt(block) - BigInt(fault.offset);
        forward = { ...forward, params: forward.params!.map((param, index) => (index === at ? hex(moved < 0n ? 0n : moved) : param)) };
        changed = true;
      } else if (fault.kind === 'rewrite' && call.method === fault.method) {
        after.push((result) => fault.fn(result, call));
        changed = true;
      }
      if (changed) {
        rule.left -= 1;
        count(fault.kind);
      }
    }
    return { forward, after };
  }

  async function answerRpc(request: ProxyRequest, single: boolean, raw: string): Promise<{ status: number; contentType: string; text: string }> {
    // Untouched bodies pass verbatim: re-serialising would round integers beyond 2^53 (Solana's u64s).
    if (!rules.some((rule) => !TRANSPORT_KINDS.has(rule.fault.kind) && rule.left > 0)) {
      const upstream = await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: raw });
      return { status: upstream.status, contentType: upstream.headers.get('content-type') ?? 'application/json', text: await upstream.text() };
    }
    let headPromise: Promise<bigint> | undefined;
    const head = () => (headPromise ??= upstreamHead());
    const planned = await Promise.all(request.calls!.map((call) => rewriteCall(call, request, head)));
    const forwarded = planned.flatMap((item) => ('forward' in item ? [item.forward] : []));
    let answers: { id: unknown; result?: unknown }[] = [];
    let status = 200;
    if (forwarded.length > 0) {
      const upstream = await post(base, single ? forwarded[0] : forwarded);
      status = upstream.status;
      const text = await upstream.text();
      if (!upstream.ok) return { status, contentType: upstream.headers.get('content-type') ?? 'application/json', text };
      const parsed = JSON.parse(text) as typeof answers | (typeof answers)[number];
      answers = Array.isArray(parsed) ? parsed : [parsed];
    }
    const byId = new Map(answers.map((answer) => [JSON.stringify(answer.id), answer]));
    const replies = planned.map((item, index) => {
      if ('answer' in item) return item.answer;
      const answer = byId.get(JSON.stringify(item.forward.id)) ?? answers[index];
      if (!answer || !('result' in answer) || item.after.length === 0) return answer;
      return { ...answer, result: item.after.reduce((value, fn) => fn(value), answer.result) };
    });
    return { status, contentType: 'application/json', text: JSON.stringify(single ? replies[0] : replies) };
  }

  async function answerRest(req: http.IncomingMessage, path: string, body: string): Promise<{ status: number; contentType: string; text: string; retryAfter: string | null }> {
    const upstream = await fetch(`${base}${path}`, {
      method: req.method,
      headers: { Accept: req.headers.accept ?? '*/*', ...(body ? { 'Content-Type': req.headers['content-type'] ?? 'application/json' } : {}) },
      body: body && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined,
    });
    return { status: upstream.status, contentType: upstream.headers.get('content-type') ?? 'text/plain', text: await upstream.text(), retryAfter: upstream.headers.get('retry-after') };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      let calls: RpcCall[] | null = null;
      let single = false;
      if (req.method === 'POST' && body) {
        try {
          const parsed = JSON.parse(body) as RpcCall | RpcCall[];
          single = !Array.isArray(parsed);
          const list = Array.isArray(parsed) ? parsed : [parsed];
          if (list.every((item) => item && typeof item.method === 'string')) calls = list;
        } catch {
          // not JSON-RPC: forwarded as REST
        }
      }
      const request: ProxyRequest = { index: counts.requests++, path, calls };
      counts.calls += calls?.length ?? 0;
      const fault = takeTransportFault(request);
      if (fault) count(fault.kind);
      void (async () => {
        if (fault?.kind === 'hang') return; // closeAllConnections on close() ends it
        if (fault?.kind === 'reset') return void req.socket.destroy();
        if (fault?.kind === 'status') {
          const headers = { 'Content-Type': calls ? 'application/json' : 'text/plain', ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}) };
          const text = calls ? JSON.stringify({ jsonrpc: '2.0', id: calls[0]?.id ?? null, error: { code: fault.status === 429 ? 429 : -32603, message: `HTTP ${fault.status} from the fault proxy` } }) : `HTTP ${fault.status} from the fault proxy`;
          res.writeHead(fault.status, headers);
          return void res.end(text);
        }
        if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
        try {
          const reply = calls ? { ...(await answerRpc(request, single, body)), retryAfter: null } : await answerRest(req, path, body);
          if (res.destroyed) return;
          if (fault?.kind === 'truncate') {
            // No Content-Length: a chunked body that ends cleanly, so only the parser can tell.
            res.writeHead(reply.status, { 'Content-Type': reply.contentType });
            return void res.end(reply.text.slice(0, fault.keep ?? Math.floor(reply.text.length / 2)));
          }
          res.writeHead(reply.status, { 'Content-Type': reply.contentType, ...(reply.retryAfter ? { 'Retry-After': reply.retryAfter } : {}) });
          res.end(reply.text);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    get requests() {
      return counts.requests;
    },
    get calls() {
      return counts.calls;
    },
    applied,
    inject: (fault, { times, match } = {}) => void rules.push({ fault, left: times ?? (TRANSPORT_KINDS.has(fault.kind) ? 1 : Number.POSITIVE_INFINITY), match }),
    rewriteResult: (method, fn, times = Number.POSITIVE_INFINITY) => void rules.push({ fault: { kind: 'rewrite', method, fn }, left: times }),
    clear: () => void (rules = []),
    close,
  };
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
