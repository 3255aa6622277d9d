/**
 * Browser mode: the same handlers as the Electron IPC, served over HTTP on 127.0.0.1 only.
 * Every request needs the per-launch token (Authorization header, or the HttpOnly cookie set
 * when the launch URL `/?token=…` is opened); Host and Origin must name this server, which
 * defeats DNS rebinding and cross-site requests. No CORS headers are ever sent.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/handle';
import type { EventBus } from '../services/event-bus';
import { CONTENT_SECURITY_POLICY } from '../security';
import { readStaticFile } from './static-files';

export interface ServerOptions {
  /** Called per request, so a host can switch it (recovery mode → the app once a backup is restored). */
  dispatch: Dispatch;
  events: Pick<EventBus, 'subscribe'>;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'sb_token';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, 'text/plain', 'Internal error'));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'Wrong Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return send(res, 403, 'text/plain', 'Cross-origin requests are refused');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!sameToken(queryToken, token)) return send(res, 401, 'text/plain', 'Invalid token');
      // Move the token from the URL into an HttpOnly cookie so it is not left in history.
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    if (!isAuthorized(req, token)) return send(res, 401, 'text/plain', 'Missing or invalid token');

    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const channel = url.pathname.slice('/api/'.length);
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'Request too large');
      let input: unknown;
      try {
        input = body.length ? (JSON.parse(body) as { input?: unknown }).input : undefined;
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Body is not JSON' } }));
      }
      const result = await options.dispatch(channel, input);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    if (req.method === 'GET' && url.pathname === '/events') return openEventStream(res);
    if (req.method === 'GET') {
      const file = readStaticFile(staticDir, url.pathname) ?? readStaticFile(staticDir, '/index.html');
      if (!file) return send(res, 404, 'text/plain', 'Renderer not built: run `npm run build`');
      return send(res, 200, file.contentType, file.body);
    }
    return send(res, 405, 'text/plain', 'Method not allowed');
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.events.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    launchUrl: `${base}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isAuthorized(req: http.IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && sameToken(header.slice(7), token)) return true;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE);
  return cookie?.[1] !== undefined && sameToken(cookie[1], token);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
