/**
 * Security settings shared by the Electron window and the browser-mode server, as pure values
 * and functions so they can be tested without the Electron binary (test/unit/electron-security.test.ts).
 * No runtime import of 'electron' here: window.ts and index.ts wire these into Electron.
 */
import { err, type Result } from '../../shared/result';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://slashboard`;

/** No inline script, no remote code, no framing; the renderer talks only to its own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Links the app may open in the user's browser: https only, these hosts only. */
export const EXTERNAL_LINK_HOSTS = ['etherscan.io', 'arbiscan.io', 'basescan.org', 'github.com'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      (url.port === '' || url.port === '443') &&
      EXTERNAL_LINK_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
    );
  } catch {
    return false;
  }
}

/** Where the window's content comes from: the app:// protocol, or the Vite dev server in development. */
export interface RendererSource {
  /** ELECTRON_RENDERER_URL (set by electron-vite in `dev` only). */
  devServerUrl: string | undefined;
  /** app.isPackaged: a packaged app never loads the dev server, whatever the environment says. */
  packaged: boolean;
}

export function isDevelopment(source: RendererSource): boolean {
  return Boolean(source.devServerUrl) && !source.packaged;
}

export function rendererEntryUrl(source: RendererSource): string {
  return isDevelopment(source) ? source.devServerUrl! : `${APP_ORIGIN}/index.html`;
}

/** Origins whose frames may call IPC: the app protocol, or also the dev server in development. */
export function trustedOrigins(source: RendererSource): string[] {
  return isDevelopment(source) ? [APP_ORIGIN, new URL(source.devServerUrl!).origin] : [APP_ORIGIN];
}

/**
 * scheme://host[:port] of a URL. Node's URL gives a custom scheme such as app:// the opaque
 * origin "null" (only http, https, ws, wss, ftp and file are "special" to WHATWG URL), so
 * comparing `new URL(url).origin` with APP_ORIGIN would refuse the app itself; Chromium treats
 * app:// as a standard scheme (registerSchemesAsPrivileged) with a real origin, as here.
 */
export function originOf(raw: string): string {
  const url = new URL(raw);
  if (url.origin !== 'null') return url.origin;
  return url.protocol === `${APP_SCHEME}:` && url.host !== '' ? `${url.protocol}//${url.host}` : 'null';
}

/** The frame URL an IPC message came from must be on one of the trusted origins (never about:blank, data: or an opaque origin). */
export function isTrustedSenderUrl(url: string | undefined | null, origins: readonly string[]): boolean {
  if (!url) return false;
  try {
    const origin = originOf(url);
    return origin !== 'null' && origins.includes(origin);
  } catch {
    return false;
  }
}

/** The part of IpcMainInvokeEvent the sender check reads. */
export interface IpcSenderEvent {
  senderFrame?: { url: string } | null;
}

/**
 * The ipcMain.handle listener for the one invoke channel: refuses a message whose sending frame
 * is not on a trusted origin before the channel name or input is looked at.
 */
export function guardedInvokeHandler(
  dispatch: (channel: string, input: unknown) => Promise<Result<unknown>>,
  origins: () => readonly string[],
): (event: IpcSenderEvent, channel: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, channel, input) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url, origins())) return err('UNAUTHORIZED', 'IPC from an untrusted frame');
    if (typeof channel !== 'string') return err('UNKNOWN_CHANNEL', 'The channel must be a string');
    return dispatch(channel, input);
  };
}

/** The window open handler's answer: always deny; an allowlisted https link goes to the user's browser instead. */
export function decideWindowOpen(url: string, openExternal: (url: string) => unknown): { action: 'deny' } {
  if (isAllowedExternalUrl(url)) void openExternal(url);
  return { action: 'deny' };
}

/** will-navigate: the page never navigates away from itself; an allowlisted https link opens in the user's browser. */
export function denyNavigation(event: { preventDefault(): void }, url: string, openExternal: (url: string) => unknown): void {
  event.preventDefault();
  if (isAllowedExternalUrl(url)) void openExternal(url);
}

/** Every permission request (camera, notifications, geolocation, clipboard-read, …) is refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Every synchronous permission check answers "not granted". */
export function denyPermissionCheck(): boolean {
  return false;
}
