/**
 * A loopback HTTP proxy in front of an RPC node that lets a test act between requests,
 * e.g. kill the node while a refresh is half done. Counts the requests it sees.
 */
import http from 'node:http';
import { listenLoopback } from './loopback';

export type ProxyDecision = 'forward' | 'drop';

export interface RpcProxy {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export async function startRpcProxy(target: string, decide: (index: number, body: string) => ProxyDecision | Promise<ProxyDecision> = () => 'forward'): Promise<RpcProxy> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = state.requests++;
      void Promise.resolve(decide(index, body)).then(async (decision) => {
        if (decision === 'drop') return void res.socket?.destroy();
        try {
          const upstream = await fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
          res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
          res.end(await upstream.text());
        } catch {
          res.socket?.destroy();
        }
      });
    });
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    get requests() {
      return state.requests;
    },
    close,
  };
}
