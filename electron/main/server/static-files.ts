/** Serves the built renderer's files, never anything outside its folder. */
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * The file a URL path names inside `root`, or null when it would leave the folder or is not a
 * plain path: percent-decoded once (a double-encoded `%252e` stays a literal name), refused if it
 * holds a NUL, a backslash or a `..` segment, and checked again after resolving (shared by the
 * browser-mode server and Electron's app:// protocol).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, decoded.replace(/^\/+/, '') || 'index.html');
  return file.startsWith(base + path.sep) ? file : null;
}

export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  try {
    // Resolve links too: a symlink inside the folder must not lead out of it.
    const real = fs.realpathSync(file);
    const realRoot = fs.realpathSync(path.resolve(root));
    if (!real.startsWith(realRoot + path.sep) || !fs.statSync(real).isFile()) return null;
    return { body: fs.readFileSync(real), contentType: CONTENT_TYPES[path.extname(real)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
