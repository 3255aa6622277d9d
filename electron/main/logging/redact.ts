/**
 * What a log line may say. A log file is meant to be attached to a public bug report, so every
 * value is passed through here before it is written:
 * - known secrets (the browser-mode launch token) are replaced wherever they appear;
 * - http(s)/ws(s) URLs keep only scheme and host: providers put API keys in paths and queries;
 * - fields named like credentials (token, apiKey, password, authorization, cookie…) are dropped;
 * - `token=` / `Bearer …` fragments outside URLs are cut;
 * - wallet addresses are shortened to their first 6 and last 4 characters (EVM, padded EVM
 *   words, Bitcoin bech32 and base58, Solana base58), ENS names to their first letter, and hex
 *   blobs longer than a hash (calldata, which embeds addresses) to their length;
 *   unless the user opted in to full addresses (Settings → Logs);
 * - the home folder becomes `~`.
 */
export interface RedactOptions {
  /** The user's opt-in (setting `logging.fullAddresses`): addresses are kept whole. */
  fullAddresses?: boolean;
  /** Exact strings that must never be written (tokens); replaced even with fullAddresses. */
  secrets?: Iterable<string>;
  /** The user's home folder, written as `~`. */
  home?: string;
}

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;
// Names that end like a credential (launchToken, apiKey, authorization); not tokenAddress or tokens.
const SECRET_KEY = /(token|secret|passw(or)?d|authorization|cookie|api[-_]?key|private[-_]?key|mnemonic|seed|credentials?)$/i;

const URL_PATTERN = /\b(https?|wss?):\/\/[^\s"'`<>()[\]{}\\|^]+/gi;
const TOKEN_PARAM = /\b((?:access_|api_|auth_)?token|key|apikey|api-key|secret)=([^\s&"'`]+)/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const HEX_BLOB = /\b0x[0-9a-fA-F]{65,}\b/g;
const PADDED_ADDRESS = /\b0x0{24}([0-9a-fA-F]{40})\b/g;
const EVM_ADDRESS = /\b0x[0-9a-fA-F]{40}\b/g;
const BECH32 = /\b(?:bc|tb|bcrt)1[02-9ac-hj-np-z]{8,87}\b/gi;
const BASE58 = /\b[1-9A-HJ-NP-Za-km-z]{25,44}\b/g;
const ENS = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.eth\b/gi;

/** `0xd8dA6BF2…6045` → `0xd8dA…6045`. */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** Scheme and host only; `/…` says there was more. */
export function reduceUrl(url: string): string {
  // A sentence's full stop or comma is not part of the URL.
  const trail = /[.,;:!?]+$/.exec(url)?.[0] ?? '';
  const bare = url.slice(0, url.length - trail.length);
  try {
    const parsed = new URL(bare);
    const more = parsed.pathname.replace(/\/+$/, '') !== '' || parsed.search !== '' || parsed.hash !== '';
    return `${parsed.protocol}//${parsed.host}${more ? '/…' : ''}${trail}`;
  } catch {
    return `${bare.slice(0, bare.indexOf(':'))}://[url]${trail}`;
  }
}

export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text.replace(URL_PATTERN, (url) => reduceUrl(url));
  for (const secret of options.secrets ?? []) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(TOKEN_PARAM, (_match, name: string) => `${name}=${REDACTED}`);
  out = out.replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`);
  if (!options.fullAddresses) {
    out = out.replace(HEX_BLOB, (blob) => `0x[${(blob.length - 2) / 2} bytes]`);
    out = out.replace(PADDED_ADDRESS, (_match, address: string) => shortAddress(`0x${address}`));
    out = out.replace(EVM_ADDRESS, shortAddress);
    out = out.replace(BECH32, shortAddress);
    // Base58 runs with a digit and a letter: addresses, not ordinary words.
    out = out.replace(BASE58, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? shortAddress(run) : run));
    out = out.replace(ENS, (name) => `${name[0]}….eth`);
  }
  if (options.home && options.home.length > 1) out = out.split(options.home).join('~');
  return out;
}

/** A JSON-safe, redacted copy of any value (errors keep name, message, code, stack and cause). */
export function redactValue(value: unknown, options: RedactOptions = {}): unknown {
  return walk(value, options, 0, new WeakSet());
}

function walk(value: unknown, options: RedactOptions, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value, options);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value !== 'object') return redactText(String(value), options);
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const error: Record<string, unknown> = { name: value.name, message: walk(value.message, options, depth + 1, seen) };
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') error.code = code;
    if (value.stack) error.stack = walk(value.stack, options, depth + 1, seen);
    if (value.cause !== undefined) error.cause = walk(value.cause, options, depth + 1, seen);
    return error;
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, options, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactText(key, options)] = SECRET_KEY.test(key) ? REDACTED : walk(item, options, depth + 1, seen);
  }
  return out;
}
