/**
 * Browser mode under attack: every bypass of the token, Host, Origin, CORS, content-type, static
 * file and resource-limit checks we could think of, tried against a real running server over
 * raw HTTP (fetch would normalise or forbid most of these requests). docs/security.md lists them.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEADERS_TIMEOUT_MS,
  MAX_BODY_BYTES,
  REQUEST_TIMEOUT_MS,
  startServer,
  type RunningServer,
} from '../../electron/main/server/server';
import { resolveInside } from '../../electron/main/server/static-files';
import { makeTempDir, openTempApp, type TempApp } from '../support/temp-app';

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
const INDEX = '<!doctype html><title>Slashboard attack test</title>';
const WALLET = '0x2222222222222222222222222222222222222222';

let app: TempApp;
let server: RunningServer;
let other: RunningServer;
let root: string;
let staticDir: string;
let otherCookie: string;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
/** Every reply of this file, to check that none ever carried a CORS header. */
const replies: Reply[] = [];

beforeAll(async () => {
  app = openTempApp();
  root = makeTempDir('slashboard-attacks-');
  staticDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(staticDir, 'link-to-secret.txt'));
  server = await startServer({ dispatch: app.dispatch, events: app.services.ctx.events, staticDir });
  // A second launch (as if started earlier or by another user): its token and cookie must not open the first.
  other = await startServer({ dispatch: app.dispatch, events: app.services.ctx.events, staticDir });
  const launch = await request({ path: `/?token=${other.token}`, port: other.port, headers: { Host: `127.0.0.1:${other.port}` } });
  otherCookie = launch.headers['set-cookie']![0]!.split(';')[0]!;
});
afterAll(async () => {
  await server?.close();
  await other?.close();
  app?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Raw HTTP so Host, Origin and the method can be anything (fetch forbids or rewrites them). */
function request(options: {
  path: string;
  method?: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
  port?: number;
}): Promise<Reply> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ Host: `127.0.0.1:${server.port}`, ...options.headers })) {
    if (value !== undefined) headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: options.port ?? server.port, path: options.path, method: options.method ?? 'GET', headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body };
          replies.push(reply);
          resolve(reply);
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes raw bytes and collects whatever comes back until the server closes (or `waitMs` passes). */
function raw(bytes: string, waitMs = 5_000): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(server.port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, ms: Date.now() - started });
    }, waitMs);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true, ms: Date.now() - started });
    });
    socket.write(bytes);
  });
}

const json = { 'Content-Type': 'application/json' };
const bearer = () => ({ Authorization: `Bearer ${server.token}` });
const api = (channel: string, headers: Record<string, string | undefined>, body = '{}') =>
  request({ path: `/api/${channel}`, method: 'POST', headers: { ...json, ...headers }, body });
const walletCount = async () => (JSON.parse((await api('wallets.list', bearer())).body) as { value: unknown[] }).value.length;
/** The token with its last character changed: same length, one character off. */
const nearMiss = () => server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
const cookieName = () => `sb_token_${server.port}`;

describe('token on every route', () => {
  const routes: Array<{ method: string; path: string }> = [
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/index.html' },
    { method: 'GET', path: '/assets/app.js' },
    { method: 'GET', path: '/no-such-page' },
    { method: 'GET', path: '/events' },
    { method: 'POST', path: '/api/wallets.list' },
    { method: 'POST', path: '/api/wallets.add' },
    { method: 'HEAD', path: '/' },
    { method: 'OPTIONS', path: '/api/wallets.list' },
    { method: 'PUT', path: '/api/wallets.add' },
    { method: 'DELETE', path: '/api/wallets.remove' },
    { method: 'PATCH', path: '/index.html' },
  ];
  const credentials: Array<[string, () => Record<string, string>]> = [
    ['none', () => ({})],
    ['blank bearer', () => ({ Authorization: 'Bearer ' })],
    ['bare scheme', () => ({ Authorization: 'Bearer' })],
    ['wrong bearer', () => ({ Authorization: 'Bearer wrong' })],
    ['short bearer (token minus one character)', () => ({ Authorization: `Bearer ${server.token.slice(0, -1)}` })],
    ['long bearer (token plus one character)', () => ({ Authorization: `Bearer ${server.token}x` })],
    ['near-miss bearer (one character changed)', () => ({ Authorization: `Bearer ${nearMiss()}` })],
    ['token without scheme', () => ({ Authorization: server.token })],
    ['Basic scheme', () => ({ Authorization: `Basic ${Buffer.from(`x:${server.token}`).toString('base64')}` })],
    ['double space', () => ({ Authorization: `Bearer  ${server.token}` })],
    ['other launch bearer', () => ({ Authorization: `Bearer ${other.token}` })],
    ['blank cookie', () => ({ Cookie: `${cookieName()}=` })],
    ['wrong cookie', () => ({ Cookie: `${cookieName()}=wrong` })],
    ['near-miss cookie', () => ({ Cookie: `${cookieName()}=${nearMiss()}` })],
    ['cookie with the token and a suffix', () => ({ Cookie: `${cookieName()}=${server.token}=x` })],
    ['cookie under an unscoped name', () => ({ Cookie: `sb_token=${server.token}` })],
    ['cookie from another launch', () => ({ Cookie: otherCookie })],
    ['wrong bearer with a valid cookie', () => ({ Authorization: 'Bearer wrong', Cookie: `${cookieName()}=${server.token}` })],
  ];

  for (const [label, credential] of credentials) {
    it(`refuses ${label} on every route and method`, async () => {
      for (const route of routes) {
        const res = await request({ ...route, headers: { ...json, ...credential() }, body: route.method === 'POST' ? `{"input":{"input":"${WALLET}"}}` : undefined });
        expect(res.status, `${route.method} ${route.path} with ${label}`).toBe(401);
        expect(res.headers['content-type']).not.toMatch(/event-stream/);
        expect(res.body).not.toContain('Slashboard attack test');
      }
      expect(await walletCount()).toBe(0);
    });
  }

  it('does not take the token from the query string on any route but the launch URL', async () => {
    for (const target of ['/api/wallets.list', '/api/wallets.add']) {
      expect((await api(`${target.slice(5)}?token=${server.token}`, {})).status).toBe(401);
    }
    for (const target of ['/events', '/index.html', '/assets/app.js', '/other']) {
      expect((await request({ path: `${target}?token=${server.token}` })).status, target).toBe(401);
    }
    expect((await request({ path: `/?token=${server.token}`, method: 'HEAD' })).status).toBe(401);
    expect((await request({ path: `/?token=${nearMiss()}` })).status).toBe(401);
    expect((await request({ path: '/?token=' })).status).toBe(401);
    expect((await request({ path: `/?token=${other.token}` })).status).toBe(401);
  });

  it('accepts the right token, by header or by the launch cookie', async () => {
    expect((await api('wallets.list', bearer())).status).toBe(200);
    const launch = await request({ path: `/?token=${server.token}` });
    expect(launch.status).toBe(303);
    const cookie = launch.headers['set-cookie']![0]!;
    expect(cookie.startsWith(`${cookieName()}=`)).toBe(true);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const page = await request({ path: '/', headers: { Cookie: `a=b; ${cookie.split(';')[0]}; c=d` } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
  });

  it('compares tokens in constant time and refuses a weak token', async () => {
    const source = fs.readFileSync(path.resolve('electron/main/server/server.ts'), 'utf8');
    expect(source).toMatch(/crypto\.timingSafeEqual\(/);
    // Every comparison goes through sameToken (hashes first, so not even the length leaks).
    expect(source).not.toMatch(/[!=]==?\s*token\b|\btoken\s*[!=]==?/);
    expect(server.token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    expect(server.token).not.toBe(other.token);
    await expect(startServer({ dispatch: app.dispatch, events: app.services.ctx.events, staticDir, token: 'short' })).rejects.toThrow(/at least/);
  });
});

describe('Host header (DNS rebinding)', () => {
  it('refuses every Host that is not exactly this server, even with the token', async () => {
    const port = server.port;
    const hosts = [
      'evil.com',
      `evil.com:${port}`,
      `127.0.0.1.evil.com:${port}`,
      `localhost.evil:${port}`,
      `[::1]:${port}`,
      `0.0.0.0:${port}`,
      `127.0.0.2:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost:${other.port}`,
      '127.0.0.1',
      'localhost',
      `LOCALHOST:${port}`,
      `Localhost:${port}`,
      `127.0.0.1.:${port}`,
      `localhost.:${port}`,
      `127.0.0.1:${port}@evil.com`,
      `evil.com@127.0.0.1:${port}`,
      `127.0.0.1:0${port}`,
    ];
    for (const host of hosts) {
      const res = await api('wallets.add', { ...bearer(), Host: host }, `{"input":{"input":"${WALLET}"}}`);
      expect(res.status, `Host: ${host}`).toBe(421);
      expect((await request({ path: '/events', headers: { ...bearer(), Host: host } })).status, `events, Host: ${host}`).toBe(421);
      expect((await request({ path: `/?token=${server.token}`, headers: { Host: host } })).status, `launch, Host: ${host}`).toBe(421);
    }
    expect(await walletCount()).toBe(0);
  });

  it('refuses a request with no Host at all', async () => {
    // HTTP/1.1 requires Host: Node answers 400 before the handler runs.
    const http11 = await raw(`GET /index.html HTTP/1.1\r\nAuthorization: Bearer ${server.token}\r\n\r\n`);
    expect(http11.text).toMatch(/^HTTP\/1\.1 400/);
    // HTTP/1.0 may omit it: the handler refuses it.
    const http10 = await raw(`GET /index.html HTTP/1.0\r\nAuthorization: Bearer ${server.token}\r\n\r\n`);
    expect(http10.text).toMatch(/^HTTP\/1\.1 421/);
    expect(http10.text).not.toContain('Slashboard attack test');
    // An empty Host (http.request would replace it with its own, so raw).
    const empty = await raw(`GET /index.html HTTP/1.1\r\nHost: \r\nAuthorization: Bearer ${server.token}\r\nConnection: close\r\n\r\n`);
    expect(empty.text).toMatch(/^HTTP\/1\.1 4(00|21)/);
    expect(empty.text).not.toContain('Slashboard attack test');
  });

  it('answers the two names of this server', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      expect((await request({ path: '/', headers: { ...bearer(), Host: host } })).status).toBe(200);
    }
  });
});

describe('Origin (cross-site requests)', () => {
  it('refuses a foreign Origin on state-changing requests and on the event stream', async () => {
    const port = server.port;
    const origins = [
      'null',
      'http://evil.com',
      `http://evil.com:${port}`,
      `http://127.0.0.1:${port + 1}`,
      `http://localhost:${other.port}`,
      'file://',
      'file:///home/user/page.html',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1.:${port}`,
      `http://localhost.:${port}`,
      `http://127.0.0.1:${port}.evil.com`,
      `http://127.0.0.1:${port}/`,
      `HTTP://127.0.0.1:${port}`,
      `http://[::1]:${port}`,
      'app://slashboard',
      'chrome-extension://abcdefghijklmnop',
      '',
    ];
    for (const origin of origins) {
      const add = await api('wallets.add', { ...bearer(), Origin: origin }, `{"input":{"input":"${WALLET}"}}`);
      expect(add.status, `Origin: ${origin}`).toBe(403);
      const cookie = await api('wallets.add', { Cookie: `${cookieName()}=${server.token}`, Origin: origin }, `{"input":{"input":"${WALLET}"}}`);
      expect(cookie.status, `cookie, Origin: ${origin}`).toBe(403);
      expect((await request({ path: '/events', headers: { ...bearer(), Origin: origin } })).status).toBe(403);
    }
    expect(await walletCount()).toBe(0);
  });

  it('accepts its own origin (what the browser sends for the app itself)', async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      expect((await api('wallets.list', { ...bearer(), Origin: origin })).status).toBe(200);
    }
  });
});

describe('CORS', () => {
  it('answers a preflight without any Access-Control-* header, so the browser blocks the real request', async () => {
    for (const origin of ['http://evil.com', `http://127.0.0.1:${server.port}`]) {
      for (const headers of [{}, bearer()]) {
        const res = await request({
          path: '/api/wallets.add',
          method: 'OPTIONS',
          headers: { ...headers, Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, authorization' },
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      }
    }
  });
});

describe('content type (simple cross-site requests)', () => {
  it('refuses API POSTs that are not application/json, with the token or the cookie', async () => {
    const refused = [undefined, 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'text/json', 'text/plain; application/json', 'application/jsonx'];
    for (const type of refused) {
      for (const credential of [bearer(), { Cookie: `${cookieName()}=${server.token}` }]) {
        const res = await api('wallets.add', { ...credential, 'Content-Type': type }, `{"input":{"input":"${WALLET}"}}`);
        expect(res.status, `Content-Type: ${type}`).toBe(415);
      }
    }
    expect(await walletCount()).toBe(0);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      expect((await api('wallets.list', { ...bearer(), 'Content-Type': type })).status, type).toBe(200);
    }
  });

  it('refuses other methods on the API and on assets', async () => {
    expect((await request({ path: '/api/wallets.list', headers: bearer() })).status).toBe(405);
    for (const method of ['HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      expect((await request({ path: '/api/wallets.list', method, headers: bearer() })).status, method).toBe(405);
      expect((await request({ path: '/index.html', method, headers: bearer() })).status, method).toBe(405);
    }
    expect((await request({ path: '/events', method: 'POST', headers: { ...bearer(), ...json }, body: '{}' })).status).toBe(405);
    const connect = await raw(`CONNECT evil.com:443 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\n\r\n`, 3_000);
    expect(connect.text).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('answers odd channel names and bodies with a Result, never a crash', async () => {
    // `/api/%2e%2e` is `/` to the URL parser: a POST there is refused with 405.
    expect((await api('%2e%2e', bearer())).status).toBe(405);
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'wallets.list%00', 'wallets.list/extra', '..%2fwallets.add']) {
      const res = await api(channel, bearer());
      expect(res.status, channel).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    for (const body of ['null', '[]', '"text"', '42', '{"input":{"__proto__":{"polluted":true},"input":"x"}}', '{"__proto__":{"input":1}}']) {
      const res = await api('wallets.add', bearer(), body);
      expect([200, 400], body).toContain(res.status);
      if (res.status === 200) expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((await api('wallets.add', bearer(), '{')).status).toBe(400);
  });
});

describe('static files', () => {
  const traversals = () => [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets/..\\..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/....//secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/%',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    `/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
    `/%2e%2e/${path.basename(root)}/secret.txt`,
    '/%00',
    '/index.html%00.js',
    '/secret.txt%00',
    '/link-to-secret.txt',
  ];

  it('never serves anything outside the renderer folder', async () => {
    for (const target of traversals()) {
      const res = await request({ path: target, headers: bearer() });
      expect(res.body, target).not.toContain(SECRET);
      expect(res.body, target).not.toMatch(/root:.*:0:0:/);
      // Either refused or the app's own index page (unknown paths fall back to it).
      if (res.status === 200) expect(res.body, target).toBe(INDEX);
    }
    // The absolute form of the request target does not change which file is read.
    const absolute = await raw(`GET http://127.0.0.1:${server.port}/../secret.txt HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nConnection: close\r\n\r\n`);
    expect(absolute.text).not.toContain(SECRET);
  });

  it('refuses escaping paths before touching the disk', () => {
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/a\\b', '/%00', '/x%00.js', '/%c0%ae%c0%ae/', '/%']) {
      expect(resolveInside(staticDir, target), target).toBeNull();
    }
    expect(resolveInside(staticDir, '/%252e%252e/secret.txt')).toBe(path.join(staticDir, '%2e%2e', 'secret.txt'));
    expect(resolveInside(staticDir, '/')).toBe(path.join(staticDir, 'index.html'));
  });

  it('serves the renderer files with their types', async () => {
    const js = await request({ path: '/assets/app.js', headers: bearer() });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toContain('console.log');
  });
});

describe('resource limits', () => {
  it('refuses a declared oversize body without reading it', async () => {
    const res = await api('wallets.add', { ...bearer(), 'Content-Length': String(MAX_BODY_BYTES + 1) }, '{}').catch((cause: Error) => cause);
    // Either the 413 arrives or the server has already closed the connection; it never waits for 4 MiB.
    if (!(res instanceof Error)) expect(res.status).toBe(413);
  });

  it('stops reading a streamed body at the limit and keeps serving', async () => {
    const status = await new Promise<number | string>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/wallets.add', method: 'POST', agent: false, headers: { Host: `127.0.0.1:${server.port}`, ...bearer(), ...json, 'Transfer-Encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (cause: NodeJS.ErrnoException) => resolve(cause.code ?? 'error'));
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 6 * MAX_BODY_BYTES) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(status);
    expect((await api('wallets.list', bearer())).status).toBe(200);
  });

  it('keeps the incomplete-request limits short by default', () => {
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('cuts off slowloris requests (headers or body never finished) but not event streams', async () => {
    const slow = await startServer({ dispatch: app.dispatch, events: app.services.ctx.events, staticDir, timeouts: { headersMs: 500, requestMs: 1_000 } });
    const open = (bytes: string, waitMs: number) =>
      new Promise<{ closed: boolean; ms: number; text: string }>((resolve) => {
        const started = Date.now();
        const socket = net.connect(slow.port, '127.0.0.1');
        let text = '';
        const timer = setTimeout(() => {
          socket.destroy();
          resolve({ closed: false, ms: Date.now() - started, text });
        }, waitMs);
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearTimeout(timer);
          resolve({ closed: true, ms: Date.now() - started, text });
        });
        socket.write(bytes);
      });
    try {
      const host = `Host: 127.0.0.1:${slow.port}\r\n`;
      const [headers, body, events] = await Promise.all([
        open(`GET / HTTP/1.1\r\n${host}X-Slow: 1\r\n`, 6_000),
        open(`POST /api/wallets.list HTTP/1.1\r\n${host}Authorization: Bearer ${slow.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"in`, 6_000),
        open(`GET /events HTTP/1.1\r\n${host}Authorization: Bearer ${slow.token}\r\n\r\n`, 3_500),
      ]);
      expect(headers.closed).toBe(true);
      expect(headers.ms).toBeLessThan(4_000);
      expect(body.closed).toBe(true);
      expect(body.ms).toBeLessThan(5_000);
      // A finished request that streams events is not an incomplete request: it stays open.
      expect(events.closed).toBe(false);
      expect(events.text).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      await slow.close();
    }
  });
});

describe('listening socket', () => {
  it('is bound to 127.0.0.1 only (not ::, not 0.0.0.0)', async () => {
    expect(server.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const tryConnect = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host, port: server.port, timeout: 2_000 });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.on('error', (cause: NodeJS.ErrnoException) => resolve(cause.code ?? 'error'));
      });
    expect(await tryConnect('127.0.0.1')).toBe('connected');
    const elsewhere = ['127.0.0.2', '::1', ...Object.values(os.networkInterfaces()).flat().filter((i) => i && !i.internal).map((i) => i!.address)];
    for (const host of elsewhere) expect(await tryConnect(host), host).not.toBe('connected');
  });
});

describe('security headers', () => {
  it('are on every kind of response', async () => {
    const responses = [
      await request({ path: '/', headers: bearer() }),
      await request({ path: '/assets/app.js', headers: bearer() }),
      await request({ path: `/?token=${server.token}` }),
      await request({ path: '/' }),
      await request({ path: '/', headers: { Host: 'evil.com' } }),
      await api('wallets.list', { ...bearer(), Origin: 'http://evil.com' }),
      await api('wallets.list', { ...bearer(), 'Content-Type': 'text/plain' }),
      await request({ path: '/', method: 'PUT', headers: bearer() }),
      await api('wallets.list', bearer()),
    ];
    for (const res of responses) {
      expect(res.headers['content-security-policy'], String(res.status)).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['content-security-policy']).toMatch(/object-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const stream = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/events', agent: false, headers: { Host: `127.0.0.1:${server.port}`, ...bearer() } }, (res) => {
        resolve(res.headers);
        req.destroy();
      });
      req.on('error', reject);
    });
    expect(stream['content-type']).toBe('text/event-stream');
    expect(stream['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(stream['x-content-type-options']).toBe('nosniff');
  });

  it('never sent a CORS header in any reply of this file', () => {
    expect(replies.length).toBeGreaterThan(100);
    const withCors = replies.filter((reply) => Object.keys(reply.headers).some((name) => name.startsWith('access-control-')));
    expect(withCors).toEqual([]);
  });

  it('still does the real work when every check passes', async () => {
    const added = await api('wallets.add', { ...bearer(), Origin: `http://127.0.0.1:${server.port}` }, `{"input":{"input":"${WALLET}"}}`);
    expect(JSON.parse(added.body)).toMatchObject({ ok: true });
    expect(await walletCount()).toBe(1);
  });
});
