/**
 * Shared pieces of the fuzz tests (test/integration/fuzz-*.test.ts): hostile values as
 * fast-check arbitraries, a content hash of every table of a database, and what a clear
 * error message a person can act on looks like.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import fc from 'fast-check';

/** One seed for every property of a run; FUZZ_SEED=<n> replays a failure (fast-check prints seed and path). */
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? 0x5eed12 : Number(process.env.FUZZ_SEED);
/** FUZZ_RUNS_FACTOR=10 for a deeper run than the suite's bounded one. */
const RUNS_FACTOR = Number(process.env.FUZZ_RUNS_FACTOR) || 1;
export const fuzzParams = (numRuns: number): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns: Math.ceil(numRuns * RUNS_FACTOR), endOnFailure: true });

const statements = new WeakMap<Database.Database, { schema: string; reads: Database.Statement[] }>();

/** A digest of every row of every table (ordered by all columns), the schema and user_version. */
export function contentHash(db: Database.Database): string {
  const hash = createHash('sha256');
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`);
  const objects = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").raw().all() as [string, string, string | null][];
  const schema = JSON.stringify(objects);
  hash.update(schema);
  let cached = statements.get(db);
  if (cached?.schema !== schema) {
    // Prepared once per schema: preparing ~30 statements per call would dominate the fuzz run.
    const reads = objects
      .filter(([type]) => type === 'table')
      .map(([, name]) => {
        const columns = (db.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(name) as { n: number }).n;
        const order = Array.from({ length: columns }, (_, index) => index + 1).join(', ');
        return db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY ${order}`).raw();
      });
    cached = { schema, reads };
    statements.set(db, cached);
  }
  for (const read of cached.reads) {
    hash.update(JSON.stringify(read.all(), (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : Buffer.isBuffer(value) ? value.toString('hex') : value)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** Why a message is not one a person can act on, or null when it is fine. */
export function unclearMessage(message: unknown, maxLength = 2_100): string | null {
  if (typeof message !== 'string') return `not a string: ${typeof message}`;
  if (message.trim() === '') return 'empty';
  if (message.length > maxLength) return `too long (${message.length} characters)`;
  if (/\n\s+at |\bat [^\s]+ \(?[^\s()]+:\d+:\d+\)?/.test(message)) return 'a stack trace';
  if (/\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|Cannot read propert|is not a function|is not iterable|undefined is not|\[object Object\]|Maximum call stack/i.test(message)) return 'a JavaScript internal error';
  // Node's own wording: "ENAMETOOLONG: name too long, lstat '/x'", ERR_INVALID_ARG_VALUE, "must be a string, Uint8Array".
  if (/\bE[A-Z]{3,}: [a-z ]+, [a-z]+ '|\bERR_[A-Z_]{3,}|must be a string, Uint8Array/.test(message)) return 'a raw Node.js error';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(message)) return 'raw control characters (terminal escape injection)';
  return null;
}

const CONTROL = [...Array(32).keys(), 127].map((code) => String.fromCharCode(code));

/** Strings chosen to break parsers, paths, terminals, SQL and spreadsheets. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    '\0',
    'a\0b',
    '\x1b[31mred\x1b[0m',
    '\x1b]0;owned\x07',
    '\r\nslashboard: fake',
    '\u202eevil',
    '\ud800',
    '\ufeff',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🦄',
    "'; DROP TABLE wallets; --",
    '" OR 1=1 --',
    '$(touch /tmp/pwned)',
    '`id`',
    '| cat /etc/passwd',
    '../../../../etc/passwd',
    '..\\..\\windows\\system32',
    '%2e%2e%2f%2e%2e%2f',
    '<script>alert(1)</script>',
    '=SUM(1,2)',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    '9007199254740993',
    '0x',
    '0x' + 'f'.repeat(40),
    '0x' + 'g'.repeat(40),
    'null',
    'undefined',
    '{}',
    '[]',
    'vitalik.eth',
    '.eth',
    'a'.repeat(64) + '.eth',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CONTROL, 'a', '/', '.', '-'), maxLength: 20 }),
  fc.constantFrom(33, 256, 1_025, 4_097, 70_000).map((length) => 'x'.repeat(length)),
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0, 0.5, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 2 ** 64, Number.MAX_VALUE, Number.MIN_VALUE, -(2 ** 53)),
  fc.double(),
  fc.integer(),
);

const deep = fc.integer({ min: 50, max: 3_000 }).chain((depth) =>
  fc.constantFrom('object', 'array').map((kind) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
    return value;
  }),
);

/** Keys that poison a prototype when code merges objects carelessly (JSON.parse makes them own properties). */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>,
  () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as Record<string, unknown>,
  () => Object.create(null) as Record<string, unknown>,
  () => ({ toString: 'x', valueOf: 1, hasOwnProperty: null }),
).map((make) => make());

/** Anything a client could send (JSON, structured clone): wrong types, deep nesting, huge strings, big ints… */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'path', 'input')),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
  }),
  nastyString,
  nastyNumber,
  fc.bigInt(),
  fc.bigInt({ min: 2n ** 64n }).map(String),
  pollutingObject,
  deep,
  fc.constantFrom(null, undefined, true, false, [], {}, [[]], [{}], new Date(Number.NaN)),
);

/** A value to put in one field: of the wrong type, out of range, or hostile. */
export const badField: fc.Arbitrary<unknown> = fc.oneof(nastyString, nastyNumber, fc.bigInt(), pollutingObject, fc.constantFrom(null, undefined, true, [], {}, ['a']), garbage);

/** Invalid variants of a valid object input: a field replaced or removed, the whole wrapped, stringified or nulled. */
export function mutationsOf(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: badField }).map(({ key, value }) => ({ ...example, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(example).filter(([name]) => name !== key))),
    fc.constantFrom([example], JSON.stringify(example), Object.values(example), null, 0),
    // valid fields plus prototype-polluting or null-prototype extras
    pollutingObject.map((extra) => Object.assign(extra, example)),
  );
}

/** Resolves with the promise's value, or rejects when it takes longer than `ms` (a hang is a failure too). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Object.prototype must never gain a property from an input. */
export function prototypeIsClean(): boolean {
  return !('polluted' in ({} as Record<string, unknown>)) && !('polluted' in Object.prototype);
}
