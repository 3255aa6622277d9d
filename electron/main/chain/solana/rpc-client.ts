/**
 * Solana JSON-RPC 2.0 over HTTP POST (solana.com/docs/rpc), with the endpoint list from
 * Settings: the first URL is primary, the rest are fallbacks tried in order when one fails
 * (unreachable, rate limited, 5xx, JSON-RPC error, or an answer of the wrong shape).
 * Requests are counted; big integers are kept exact (json-exact.ts).
 */
import { z } from 'zod';
import { fetchJson, type HttpOptions } from '../http/fetch-json';
import { parseJsonExact } from './json-exact';

export class SolanaRpcError extends Error {}

export interface SolanaClientOptions extends Omit<HttpOptions, 'onRequest'> {
  /** Most requests in flight at once (the public endpoint allows 40 connections per IP). */
  concurrency?: number;
}

const envelope = z.union([
  z.object({ jsonrpc: z.literal('2.0'), result: z.unknown(), id: z.unknown() }).refine((value) => 'result' in value, 'no result'),
  z.object({ jsonrpc: z.literal('2.0'), error: z.object({ code: z.number(), message: z.string() }), id: z.unknown() }),
]);

export function createSolanaClient(urls: readonly string[], options: SolanaClientOptions = {}) {
  if (urls.length === 0) throw new SolanaRpcError('No Solana RPC URL configured');
  const stats = { httpRequests: 0, lastUrl: null as string | null };
  let inFlight = 0;
  const queue: (() => void)[] = [];
  const limit = options.concurrency ?? 8;
  const acquire = () => (inFlight < limit ? (inFlight++, Promise.resolve()) : new Promise<void>((resolve) => queue.push(() => (inFlight++, resolve()))));
  const release = () => {
    inFlight--;
    queue.shift()?.();
  };

  async function callOne<T>(url: string, method: string, params: unknown[], schema: z.ZodType<T>): Promise<T> {
    const { body } = await fetchJson(
      { service: `Solana RPC ${method}`, url, method: 'POST', body: { jsonrpc: '2.0', id: 1, method, params }, parse: parseJsonExact },
      { ...options, onRequest: () => (stats.httpRequests += 1) },
    );
    const parsed = envelope.safeParse(body);
    if (!parsed.success) throw new SolanaRpcError(`Solana RPC ${method} at ${new URL(url).host}: not a JSON-RPC 2.0 answer`);
    if ('error' in parsed.data) throw new SolanaRpcError(`Solana RPC ${method} at ${new URL(url).host}: error ${parsed.data.error.code} ${parsed.data.error.message}`);
    const result = schema.safeParse(parsed.data.result);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new SolanaRpcError(`Solana RPC ${method} at ${new URL(url).host}: unexpected answer shape (${issue?.path.join('.') || 'result'}: ${issue?.message ?? 'invalid'})`);
    }
    return result.data;
  }

  return {
    stats,
    /** One method call, tried on each endpoint in order until one answers in the expected shape. */
    async call<T>(method: string, params: unknown[], schema: z.ZodType<T>): Promise<T> {
      await acquire();
      try {
        const failures: string[] = [];
        for (const url of urls) {
          try {
            const value = await callOne(url, method, params, schema);
            stats.lastUrl = url;
            return value;
          } catch (cause) {
            failures.push(cause instanceof Error ? cause.message : String(cause));
          }
        }
        throw new SolanaRpcError(failures.length === 1 ? failures[0]! : `every Solana RPC endpoint failed: ${failures.join('; ')}`);
      } finally {
        release();
      }
    },
  };
}

export type SolanaClient = ReturnType<typeof createSolanaClient>;
