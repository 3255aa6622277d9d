/**
 * The BrowserWindow and every Electron security setting in one place (DESIGN.md baseline):
 * sandboxed, context-isolated renderer with no Node; content from the app:// protocol (or
 * the dev server) under a strict CSP; navigation, new windows and permissions denied;
 * external links only to allowlisted https hosts.
 */
import path from 'node:path';
import { BrowserWindow, app, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl } from './security';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://slashboard`;

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://slashboard/, never outside its folder. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(root, decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html');
    if (url.host !== 'slashboard' || (file !== root && !file.startsWith(root + path.sep))) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** Origins whose frames may call IPC: the app protocol, or the dev server in development. */
export function trustedOrigins(): string[] {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return dev && !app.isPackaged ? [APP_ORIGIN, new URL(dev).origin] : [APP_ORIGIN];
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Slashboard',
    backgroundColor: '#0f1218',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  const dev = process.env.ELECTRON_RENDERER_URL;
  void window.loadURL(dev && !app.isPackaged ? dev : `${APP_ORIGIN}/index.html`);
  return window;
}
