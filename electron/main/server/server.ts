/**
 * Browser mode: the same handlers as the Electron IPC, served over HTTP on 127.0.0.1 only.
 * Every request needs the per-launch token (Authorization header, or the HttpOnly cookie set
 * when the launch URL `/?token=…` is opened); Host and Origin must name this server, which
 * defeats DNS rebinding and cross-site requests; API calls must be `application/json` POSTs,
 * which a browser never sends cross-site without a preflight. No CORS headers are ever sent.
 * Each check has an attack test in test/integration/server-attacks.test.ts; docs/security.md
 * lists them.
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
  /** Tests only; at least MIN_TOKEN_LENGTH characters. A random 256-bit token otherwise. */
  token?: string;
  /** Tests only: shorter limits for incomplete requests. */
  timeouts?: { headersMs?: number; requestMs?: number };
}

export interface RunningServer {
  url: string;
  launchUrl: string;
  port: number;
  token: string;
  /** What the socket is bound to (always 127.0.0.1, IPv4). */
  address: AddressInfo;
  close(): Promise<void>;
}

export const LOOPBACK_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MIN_TOKEN_LENGTH = 32;
/** An incomplete request (slowloris) is cut off after these. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** Sent on every response, errors and redirects included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`The browser-mode token must be at least ${MIN_TOKEN_LENGTH} characters`);
  const staticDir = path.resolve(options.staticDir);
  const streams = new Set<http.ServerResponse>();
  let port = 0;
  // The cookie is named per port: cookies are not port-scoped, so two launches must not overwrite each other's.
  let cookieName = '';

  const headersTimeout = options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
  const server = http.createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS, headersTimeout),
      // How often Node enforces the two timeouts above (default 30 s).
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
    },
    (req, res) => {
      void handle(req, res).catch(() => send(req, res, 500, 'Internal error'));
    },
  );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Exact, as browsers send it: DNS rebinding (evil.example resolving to 127.0.0.1) names another host.
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(req, res, 421, 'Wrong Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return send(req, res, 403, 'Cross-origin requests are refused');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!sameToken(queryToken, token)) return send(req, res, 401, 'Invalid token');
      // Move the token from the URL into an HttpOnly cookie so it is not left in history.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return void res.end();
    }
    // Only the launch URL takes the token from the query: anywhere else it would end up in logs and history.
    if (!isAuthorized(req, token, cookieName)) return send(req, res, 401, 'Missing or invalid token');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(req, res, 405, 'Method not allowed', { Allow: 'POST' });
      // text/plain, form and typeless bodies are what a page elsewhere can send without a preflight.
      if (mediaType(req.headers['content-type']) !== 'application/json') {
        return send(req, res, 415, 'API requests must be application/json');
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY_BYTES) return send(req, res, 413, 'Request too large');
      const body = await readBody(req);
      if (body === null) return send(req, res, 413, 'Request too large');
      let input: unknown;
      try {
        input = body.length ? (JSON.parse(body) as { input?: unknown } | null)?.input : undefined;
      } catch {
        return send(req, res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Body is not JSON' } }), {
          'Content-Type': 'application/json',
        });
      }
      const result = await options.dispatch(url.pathname.slice('/api/'.length), input);
      return send(req, res, 200, JSON.stringify(result), { 'Content-Type': 'application/json' });
    }
    if (req.method !== 'GET') return send(req, res, 405, 'Method not allowed', { Allow: 'GET' });
    if (url.pathname === '/events') return openEventStream(res);
    const file = readStaticFile(staticDir, url.pathname) ?? readStaticFile(staticDir, '/index.html');
    if (!file) return send(req, res, 404, 'Renderer not built: run `npm run build`');
    return send(req, res, 200, file.body, { 'Content-Type': file.contentType });
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
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
    // IPv4 loopback only: never '::' or '0.0.0.0', so nothing off this machine can connect.
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  cookieName = `sb_token_${port}`;
  const base = `http://${LOOPBACK_HOST}:${port}`;
  return {
    url: base,
    launchUrl: `${base}/?token=${token}`,
    port,
    token,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isAuthorized(req: http.IncomingMessage, token: string, cookieName: string): boolean {
  const header = req.headers.authorization;
  if (header !== undefined) return header.startsWith('Bearer ') && sameToken(header.slice('Bearer '.length), token);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === cookieName) return sameToken(part.slice(at + 1).trim(), token);
  }
  return false;
}

/** Constant time whatever the given value's length: both sides are hashed to 32 bytes first. */
function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering; the 413 closes the connection (send sets Connection: close while the body is unread).
        req.off('data', onData);
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return void res.end();
  // Refused before its body was read: close the connection rather than read on (or keep alive) for the sender.
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const unread = hasBody && !req.complete;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
    ...(unread ? { Connection: 'close' } : {}),
  });
  res.end(body);
}
