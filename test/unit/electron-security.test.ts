/**
 * The Electron security baseline (DESIGN.md), checked without the Electron binary: the pure
 * decisions in electron/main/security.ts, and window.ts / the preload driven through a stand-in
 * for the 'electron' module so the settings actually passed to Electron are the ones asserted.
 * test/e2e/electron.spec.ts checks the same in a real window where the binary exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_LINK_HOSTS,
  decideWindowOpen,
  denyNavigation,
  guardedInvokeHandler,
  isAllowedExternalUrl,
  isDevelopment,
  isTrustedSenderUrl,
  originOf,
  rendererEntryUrl,
  trustedOrigins,
} from '../../electron/main/security';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/preload/channels';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; contents: FakeContents; loaded: string[] }>,
    openExternal: [] as string[],
    appListeners: {} as Record<string, Listener[]>,
    protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
    privileged: [] as unknown[],
    fetched: [] as string[],
    exposed: {} as Record<string, unknown>,
    invoked: [] as unknown[][],
    rendererListeners: {} as Record<string, Listener[]>,
    permission: {} as Record<string, Listener>,
    isPackaged: false,
  };
  class FakeContents {
    listeners: Record<string, Listener[]> = {};
    windowOpenHandler: Listener | undefined;
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener) {
      (this.listeners[event] ??= []).push(listener);
      return this;
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options, contents: this.webContents, loaded: this.loaded });
    }
    loaded: string[] = [];
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once() {
      return this;
    }
  }
  const module = {
    BrowserWindow,
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      on(event: string, listener: Listener) {
        (state.appListeners[event] ??= []).push(listener);
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.openExternal.push(url);
        return Promise.resolve();
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permission.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permission.check = handler),
        setDevicePermissionHandler: (handler: Listener) => (state.permission.device = handler),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => (state.protocolHandler = handler),
    },
    net: {
      fetch: (url: string) => {
        state.fetched.push(url);
        return Promise.resolve(new Response('file body', { status: 200, headers: { 'Content-Type': 'text/html' } }));
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (state.exposed[key] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        state.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'sent' });
      },
      on: (channel: string, listener: Listener) => (state.rendererListeners[channel] ??= []).push(listener),
      removeListener: (channel: string, listener: Listener) => {
        state.rendererListeners[channel] = (state.rendererListeners[channel] ?? []).filter((l) => l !== listener);
      },
    },
  };
  return { state, module, FakeContents };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const window = await import('../../electron/main/window');
const { state } = electron;
const PRODUCTION = { devServerUrl: undefined, packaged: true };
const DEV = { devServerUrl: 'http://localhost:5173', packaged: false };

beforeEach(() => {
  state.windows.length = 0;
  state.openExternal.length = 0;
  state.isPackaged = false;
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values.join(' ')];
  }));

  it('allows only the app itself: no inline or eval script, no remote sources, no plugins, no framing', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|blob:|wasm/);
  });

  it('is sent with every file of the app:// protocol, which serves nothing outside the renderer folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slashboard-protocol-'));
    try {
      window.registerAppScheme();
      expect(state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
      window.serveRenderer(dir);
      const served = await state.protocolHandler!({ url: `${APP_ORIGIN}/index.html` });
      expect(served.status).toBe(200);
      expect(served.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(state.fetched.at(-1)).toBe(`file://${path.join(dir, 'index.html')}`);
      state.fetched.length = 0;
      for (const url of ['app://slashboard/..%2f..%2fetc%2fpasswd', 'app://slashboard/%2e%2e%5c%2e%2e%5csecret', 'app://slashboard/x%00.js', 'app://other/index.html']) {
        expect((await state.protocolHandler!({ url })).status, url).toBe(404);
      }
      expect(state.fetched).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('BrowserWindow web preferences', () => {
  it('sandboxed, context-isolated, no Node, web security on, no insecure content or experiments, no DevTools in production', () => {
    state.isPackaged = true;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'; // ignored: a packaged app never loads the dev server
    window.createMainWindow('/app/preload/index.cjs');
    const [created] = state.windows;
    const prefs = created!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'enableRemoteModule', 'plugins', 'javascript']) {
      expect(prefs, risky).not.toHaveProperty(risky);
    }
    expect(created!.loaded).toEqual([`${APP_ORIGIN}/index.html`]);
  });

  it('opens DevTools and the dev server only in development (unpackaged, with electron-vite dev)', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    window.createMainWindow('/p.cjs');
    expect((state.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
    expect(state.windows[0]!.loaded).toEqual(['http://localhost:5173']);
    delete process.env.ELECTRON_RENDERER_URL;
    window.createMainWindow('/p.cjs');
    expect((state.windows[1]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    expect(isDevelopment(PRODUCTION)).toBe(false);
    expect(isDevelopment({ devServerUrl: 'http://localhost:5173', packaged: true })).toBe(false);
    expect(isDevelopment(DEV)).toBe(true);
    expect(rendererEntryUrl(PRODUCTION)).toBe('app://slashboard/index.html');
  });
});

describe('navigation and new windows', () => {
  const allowed = ['https://etherscan.io/address/0x2222222222222222222222222222222222222222', 'https://sepolia.etherscan.io/tx/0x1', 'https://github.com/slashboard'];
  const refused = [
    'http://etherscan.io/',
    'https://etherscan.io.evil.com/',
    'https://evil.com/etherscan.io',
    'https://evil-etherscan.io/',
    'https://user:pass@etherscan.io/',
    'https://etherscan.io:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://slashboard/index.html',
    'http://localhost:5173/',
    'smb://etherscan.io/share',
    'not a url',
    '',
  ];

  it('allows only https links to the listed hosts out to the browser', () => {
    expect(EXTERNAL_LINK_HOSTS.length).toBeGreaterThan(0);
    for (const url of allowed) expect(isAllowedExternalUrl(url), url).toBe(true);
    for (const url of refused) expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('denies every new window; an allowlisted https link goes to shell.openExternal instead', () => {
    window.createMainWindow('/p.cjs');
    const contents = state.windows[0]!.contents;
    for (const url of [...allowed, ...refused]) expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    expect(state.openExternal).toEqual(allowed);
    const opened: string[] = [];
    expect(decideWindowOpen('https://evil.com/', (url) => opened.push(url))).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('prevents every navigation away from the app (will-navigate), subframe navigations and webviews', () => {
    window.createMainWindow('/p.cjs');
    const contents = state.windows[0]!.contents;
    expect(contents.listeners['will-navigate']).toHaveLength(1);
    for (const url of [...allowed, ...refused, 'app://slashboard/other.html']) {
      const event = { preventDefault: vi.fn() };
      contents.listeners['will-navigate']![0]!(event, url);
      expect(event.preventDefault, url).toHaveBeenCalledOnce();
    }
    expect(state.openExternal).toEqual(allowed);
    const sub = { isMainFrame: false, url: 'https://evil.com/', preventDefault: vi.fn() };
    contents.listeners['will-frame-navigate']![0]!(sub);
    expect(sub.preventDefault).toHaveBeenCalledOnce();
    const webview = { preventDefault: vi.fn() };
    contents.listeners['will-attach-webview']![0]!(webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalledOnce();
    const event = { preventDefault: vi.fn() };
    denyNavigation(event, 'https://evil.com/', () => expect.unreachable());
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('hardens every web contents the app creates, once each', () => {
    window.hardenApp();
    const created = state.appListeners['web-contents-created']!;
    expect(created).toHaveLength(1);
    const contents = new electron.FakeContents();
    created[0]!({}, contents);
    created[0]!({}, contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect(contents.listeners['will-navigate']).toHaveLength(1);
    expect(contents.listeners['will-attach-webview']).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check, and device access', () => {
    window.createMainWindow('/p.cjs');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'pointerLock', 'midi', 'hid', 'serial', 'usb']) {
      const callback = vi.fn();
      state.permission.request!({}, permission, callback, { requestingUrl: APP_ORIGIN });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(state.permission.check!({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(state.permission.device!({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts the app:// origin only, and the dev server only in development', () => {
    expect(trustedOrigins(PRODUCTION)).toEqual([APP_ORIGIN]);
    expect(trustedOrigins({ devServerUrl: 'http://localhost:5173', packaged: true })).toEqual([APP_ORIGIN]);
    expect(trustedOrigins(DEV)).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    const prod = trustedOrigins(PRODUCTION);
    // Node's URL gives app:// an opaque origin: comparing new URL(url).origin would refuse the app itself.
    expect(new URL('app://slashboard/index.html').origin).toBe('null');
    expect(originOf('app://slashboard/index.html')).toBe(APP_ORIGIN);
    expect(originOf('data:text/html,x')).toBe('null');
    expect(isTrustedSenderUrl('app://slashboard/index.html', prod)).toBe(true);
    expect(isTrustedSenderUrl('app://slashboard/index.html#/wallets', prod)).toBe(true);
    for (const url of ['http://localhost:5173/', 'https://evil.com/', 'app://evil/index.html', 'app://slashboard.evil/', 'about:blank', 'about:srcdoc', 'file:///app/index.html', 'data:text/html,x', 'null', '', undefined, null]) {
      expect(isTrustedSenderUrl(url, prod), String(url)).toBe(false);
    }
    expect(isTrustedSenderUrl('http://localhost:5173/', trustedOrigins(DEV))).toBe(true);
  });

  it('refuses IPC from a foreign frame before the channel or input is looked at', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'ran' }));
    const handler = guardedInvokeHandler(dispatch, () => [APP_ORIGIN]);
    for (const senderFrame of [{ url: 'https://evil.com/' }, { url: 'about:blank' }, { url: '' }, null, undefined]) {
      expect(await handler({ senderFrame }, 'wallets.remove', { id: 1 })).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC from an untrusted frame' } });
    }
    expect(await handler({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, { toString: () => 'wallets.list' }, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, 'wallets.list', undefined)).toEqual({ ok: true, value: 'ran' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('wallets.list', undefined);
  });

  it('is the handler the app registers, and the only IPC entry point', () => {
    const source = fs.readFileSync(path.resolve('electron/main/index.ts'), 'utf8');
    expect(source).toMatch(/ipcMain\.handle\(INVOKE_CHANNEL, guardedInvokeHandler\(host\.dispatch, trustedOrigins\)\)/);
    expect(source).toMatch(/hardenApp\(\);/);
    const everywhere = fs.readdirSync(path.resolve('electron'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => (fs.readFileSync(path.resolve('electron', file), 'utf8').match(/ipcMain\.(handle|handleOnce|on|once)\(/g) ?? []).map((call) => `${file}: ${call}`));
    expect(everywhere).toEqual(['main/index.ts: ipcMain.handle(']);
  });
});

describe('preload bridge', () => {
  it('exposes only invoke and onEvent, never ipcRenderer or the IPC event', async () => {
    await import('../../electron/preload/index');
    const bridge = state.exposed.slashboard as { invoke(c: string, i: unknown): Promise<unknown>; onEvent(l: (e: unknown) => void): () => void };
    expect(Object.keys(state.exposed)).toEqual(['slashboard']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    await bridge.invoke('wallets.list', { a: 1 });
    expect(state.invoked).toEqual([[INVOKE_CHANNEL, 'wallets.list', { a: 1 }]]);
    const received: unknown[] = [];
    const stop = bridge.onEvent((payload) => received.push(payload));
    state.rendererListeners[EVENT_CHANNEL]![0]!({ sender: 'the IpcRendererEvent' }, { name: 'data.changed' });
    expect(received).toEqual([{ name: 'data.changed' }]);
    stop();
    expect(state.rendererListeners[EVENT_CHANNEL]).toEqual([]);
  });
});
