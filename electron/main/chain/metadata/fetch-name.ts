/**
 * The `name` from an operator's or AVS's metadata JSON (shape: shared api-shapes
 * eigenlayer-metadata.md; keys name, website, description, logo, twitter). The URI comes from
 * chain data anyone can write, so: https only (http only where a test allows it), no
 * redirects (EigenLayer's docs forbid them), 10 s, at most 64 KB, and the name is cleaned
 * to plain text of at most 80 characters.
 */
const MAX_BYTES = 64 * 1024;
const TIMEOUT_MS = 10_000;

export type NameResult = { ok: true; name: string } | { ok: false; error: string };

export async function fetchMetadataName(uri: string, options: { allowHttp?: boolean } = {}): Promise<NameResult> {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return { ok: false, error: uri.trim() === '' ? 'empty metadata URI' : 'metadata URI is not a URL' };
  }
  if (url.protocol !== 'https:' && !(options.allowHttp && url.protocol === 'http:')) return { ok: false, error: `metadata URI must be https, not ${url.protocol}` };
  try {
    const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { Accept: 'application/json' } });
    if (!response.ok) return { ok: false, error: `metadata URI answered HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BYTES) return { ok: false, error: `metadata is larger than ${MAX_BYTES} bytes` };
    const text = await readCapped(response);
    if (text === null) return { ok: false, error: `metadata is larger than ${MAX_BYTES} bytes` };
    const body = JSON.parse(text) as unknown;
    const name = typeof body === 'object' && body !== null ? (body as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') return { ok: false, error: 'metadata has no "name" string' };
    const clean = [...name].filter(isPrintable).join('').trim().slice(0, 80);
    return clean ? { ok: true, name: clean } : { ok: false, error: 'metadata "name" is empty' };
  } catch (cause) {
    if (cause instanceof SyntaxError) return { ok: false, error: 'metadata is not JSON' };
    return { ok: false, error: `metadata could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

async function readCapped(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** No control characters and no bidirectional overrides (which could disguise a name). */
function isPrintable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return !(code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069));
}
