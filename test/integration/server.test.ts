import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/main/server/server';
import { makeTempDir, openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp;
let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  app = openTempApp();
  staticDir = makeTempDir('slashboard-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Slashboard</title>');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'outside');
  server = await startServer({ dispatch: app.dispatch, events: app.services.ctx.events, staticDir });
});
afterAll(async () => {
  await server.close();
  app.close();
});

/** Raw HTTP so Host and Origin can be set freely (fetch forbids changing Host). */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
const bearer = () => ({ Authorization: `Bearer ${server.token}` });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 401 to every request without the token', async () => {
    for (const target of ['/', '/index.html', '/events', '/api/wallets.list']) {
      expect((await request({ path: target })).status).toBe(401);
    }
    expect((await request({ path: '/api/wallets.list', method: 'POST', body: '{}' })).status).toBe(401);
    expect((await request({ path: '/api/wallets.list', method: 'POST', headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
  });

  it('trades the launch token for an HttpOnly SameSite cookie and strips it from the URL', async () => {
    const launch = await request({ path: `/?token=${server.token}` });
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    const cookie = launch.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request({ path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.body).toContain('<title>Slashboard</title>');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const res = await request({ path: '/api/wallets.list', method: 'POST', headers: { ...bearer(), Host: `evil.example:${server.port}` } });
    expect(res.status).toBe(421);
  });

  it('refuses cross-origin requests and never sends CORS headers', async () => {
    const res = await request({ path: '/api/wallets.list', method: 'POST', headers: { ...bearer(), Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    // More bypass attempts (every route, Host and Origin variant, content types, traversal, limits): server-attacks.test.ts.
  });

  it('serves the contract: Result values for good and bad input', async () => {
    const headers = { ...bearer(), 'Content-Type': 'application/json' };
    const list = await request({ path: '/api/wallets.list', method: 'POST', headers, body: '{}' });
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
    const bad = await request({ path: '/api/wallets.add', method: 'POST', headers, body: '{"input":{"input":"nope"}}' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notJson = await request({ path: '/api/wallets.add', method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await request({ path: '/../secret.txt', headers: bearer() });
    expect(res.body).not.toContain('outside');
    const encoded = await request({ path: '/%2e%2e/secret.txt', headers: bearer() });
    expect(encoded.body).not.toContain('outside');
  });

  it('pushes events over the authenticated event stream', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/events', headers: { ...bearer(), Host: `127.0.0.1:${server.port}` } }, (res) => {
        let buffer = '';
        res.on('data', (chunk) => {
          buffer += chunk;
          if (buffer.includes('data: ')) {
            req.destroy();
            resolve(buffer);
          } else app.services.ctx.events.emit('data.changed', { what: 'wallets' });
        });
      });
      req.on('error', reject);
    });
    expect(received).toContain('"name":"data.changed"');
  });
});
