/** Security settings shared by the Electron window and the browser-mode server. */

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
      EXTERNAL_LINK_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
    );
  } catch {
    return false;
  }
}
