/**
 * The BrowserWindow and every Electron security setting in one place (DESIGN.md baseline):
 * sandboxed, context-isolated renderer with no Node; content from the app:// protocol (or
 * the dev server) under a strict CSP; navigation, new windows and permissions denied;
 * external links only to allowlisted https hosts. The decisions themselves are pure
 * functions in security.ts; test/unit/electron-security.test.ts drives this module with a
 * stand-in for 'electron'.
 */
import { BrowserWindow, app, net, protocol, session, shell, type Session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  decideWindowOpen,
  denyNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  isDevelopment,
  rendererEntryUrl,
  trustedOrigins as trustedOriginsFor,
  type RendererSource,
} from './security';
import { resolveInside } from './server/static-files';

export { APP_ORIGIN, APP_SCHEME };

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://slashboard/, never outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'slashboard' ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function rendererSource(): RendererSource {
  return { devServerUrl: process.env.ELECTRON_RENDERER_URL, packaged: app.isPackaged };
}

/** Origins whose frames may call IPC: the app protocol, or the dev server in development. */
export function trustedOrigins(): string[] {
  return trustedOriginsFor(rendererSource());
}

/** Permission requests and checks refused for every origin, device access too. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(() => false);
}

const hardened = new WeakSet<WebContents>();

/** No navigation away, no new windows, no webviews, no subframe navigation; idempotent. */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const openExternal = (url: string) => shell.openExternal(url);
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, openExternal));
  contents.on('will-navigate', (event, url) => denyNavigation(event, url, openExternal));
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the hardening to every web contents the app ever creates, not only the main window's. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  hardenSession(session.defaultSession);
  const source = rendererSource();

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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: isDevelopment(source),
    },
  });

  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl(source));
  return window;
}
