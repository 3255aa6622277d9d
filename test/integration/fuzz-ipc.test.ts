/**
 * Every IPC channel fuzzed through the real dispatcher of a seeded temp app (offline, every
 * RPC and API at a dead loopback port). For any input: the call resolves to a Result within
 * a time bound; an input the contract refuses is INVALID_INPUT; an error carries a message a
 * person can act on (no stack, no JS internals, never INTERNAL); an ok value matches the
 * contract's output schema; and the database is unchanged unless the channel writes and the
 * input was valid. Seeded: FUZZ_SEED=<n> replays a run (fast-check prints seed and path).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { ERROR_CODES, type Result } from '../../shared/result';
import { NETWORK_IDS } from '../../shared/registry/networks';
import { openTempApp, type TempApp } from '../support/temp-app';
import { seedHistory, AVS, OPERATOR, T0, T1 } from '../support/history-fixture';
import { damageMiddle, writeForeignFile, writeNewerFile } from '../support/db-files';
import { contentHash, fuzzParams, garbage, mutationsOf, nastyString, prototypeIsClean, unclearMessage, withTimeout } from '../support/fuzz';

const DEAD = 'http://127.0.0.1:9';
const INVALID_RUNS = 60;
const HOSTILE_RUNS = 40;
const CALL_MS = 5_000;

let app: TempApp;
let backups: string;

beforeAll(async () => {
  app = openTempApp({ rpcOverrides: Object.fromEntries(NETWORK_IDS.map((network) => [network, [DEAD]])), httpOptions: { retries: 0, timeoutMs: 500 } });
  seedHistory(app.services);
  for (const [channel, input] of [
    ['settings.setOffline', { enabled: true }],
    ['settings.setTheme', { theme: 'dark' }],
    ['settings.setRpc', { chain: 'ethereum', urls: [DEAD] }],
    ['exposure.saveScenario', { kind: 'operator', target: OPERATOR, bps: 5_000 }],
    ['retention.set', { keepAllDays: 30 }],
  ] as const) expect(await app.dispatch(channel, input)).toMatchObject({ ok: true });
  backups = app.services.backup.dir();
  expect(await app.dispatch('backup.create', { path: 'good.sqlite' })).toMatchObject({ ok: true });
  fs.writeFileSync(path.join(backups, 'junk.sqlite'), 'this is not a database');
  fs.writeFileSync(path.join(backups, 'empty.sqlite'), '');
  fs.mkdirSync(path.join(backups, 'folder.sqlite'));
  writeForeignFile(path.join(backups, 'foreign.sqlite'));
  writeNewerFile(path.join(backups, 'newer.sqlite'));
  fs.copyFileSync(path.join(backups, 'good.sqlite'), path.join(backups, 'damaged.sqlite'));
  fs.appendFileSync(path.join(backups, 'damaged.sqlite'), Buffer.alloc(16 * 4096, 1));
  damageMiddle(path.join(backups, 'damaged.sqlite'));
  fs.writeFileSync(path.join(path.dirname(app.dataDir), `outside-${path.basename(app.dataDir)}.sqlite`), 'outside');
});
afterAll(() => {
  fs.rmSync(path.join(path.dirname(app.dataDir), `outside-${path.basename(app.dataDir)}.sqlite`), { force: true });
  app.close();
});

interface ChannelFuzz {
  /** A valid input whose mutations give invalid ones (absent for channels without input). */
  example?: Record<string, unknown>;
  /** Inputs of the right shape with hostile values (nonexistent ids, outside paths, absurd dates…). */
  hostile?: fc.Arbitrary<unknown>;
  /** The channel writes to the database when its input is valid. */
  writes?: boolean;
  /** Put back what a valid call changed that the rest of the run depends on. */
  after?: () => void;
}

const address = fc.oneof(fc.constantFrom(OPERATOR, AVS, '0x0000000000000000000000000000000000000000', '0xffffffffffffffffffffffffffffffffffffffff'), fc.stringMatching(/^0x[0-9a-fA-F]{40}$/));
const missingId = fc.oneof(fc.integer({ min: 1_000, max: 2 ** 31 }), fc.constant(Number.MAX_SAFE_INTEGER));
const seconds = fc.oneof(fc.constantFrom(0, 1, T0, T1, 253_402_300_799, Math.floor(Date.now() / 1000)), fc.integer({ min: 0, max: 253_402_300_799 }));
const label = fc.option(nastyString, { nil: undefined }).chain((value) => fc.constantFrom(value, null));
const backupName = fc.oneof(
  fc.constantFrom('junk.sqlite', 'empty.sqlite', 'folder.sqlite', 'foreign.sqlite', 'newer.sqlite', 'damaged.sqlite', 'missing.sqlite', 'good.sqlite.partial', '../good.sqlite', '../../outside.sqlite', '/etc/passwd', '/etc/hostname.sqlite', '.', '..', 'backups/../good.sqlite', 'a\0b.sqlite', `${'x'.repeat(300)}.sqlite`, 'sub/dir.sqlite', '~/x.sqlite', 'C:\\x.sqlite', '\\\\server\\share\\x.sqlite', 'file:///etc/passwd'),
  nastyString.filter((text) => text.length > 0 && text.length <= 4096),
  fc.constant(`outside`).map(() => path.join(path.dirname(app.dataDir), `outside-${path.basename(app.dataDir)}.sqlite`)),
);
const market = fc.oneof(fc.constantFrom('ETH-USD', 'BTC-USD', 'SOL-USD', 'eth-usd', 'DOGE-USD', 'ETH-USD ', ''), nastyString.filter((text) => text.length <= 32));
const interval = fc.constantFrom('1h', '4h', '1d', '1w');
const symbol = fc.oneof(fc.constantFrom('weETH', 'wstETH', 'rETH', 'ezETH', 'JitoSOL', 'WEETH', 'ETH', ''), nastyString.filter((text) => text.length <= 32));
const restoreOffline = () => void app.services.settings.setOffline(true);

const FUZZ: Record<Channel, ChannelFuzz> = {
  'app.info': {},
  'wallets.list': {},
  'wallets.add': {
    example: { input: OPERATOR, label: 'x' },
    hostile: fc.record({ input: nastyString.filter((text) => text.length <= 255), label }),
    writes: true,
  },
  'wallets.import': {
    example: { text: 'address,label\n' },
    hostile: fc
      .tuple(fc.array(fc.tuple(nastyString, nastyString), { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([lines, newline]) => ['address,label', ...lines.map(([a, b]) => `${a},${b}`)].join(newline)),
    writes: true,
  },
  'wallets.rename': { example: { id: 1, label: 'x' }, hostile: fc.record({ id: missingId, label }) },
  'wallets.remove': { example: { id: 1 }, hostile: fc.record({ id: missingId }) },
  'portfolio.get': {},
  'refresh.run': { example: { chains: ['ethereum'] }, hostile: fc.option(fc.record({ chains: fc.option(fc.uniqueArray(fc.constantFrom(...NETWORK_IDS), { minLength: 1 }), { nil: undefined }) }), { nil: undefined }), writes: true },
  'settings.get': {},
  'settings.setRpc': {
    example: { chain: 'ethereum', urls: [DEAD] },
    hostile: fc.record({ chain: fc.constantFrom(...NETWORK_IDS), urls: fc.array(fc.oneof(fc.constantFrom(DEAD, 'http://[::1]:9', 'https://user:pass@127.0.0.1:9/x?y#z', 'http://0.0.0.0:9'), nastyString.map((text) => `http://127.0.0.1:9/${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')).slice(0, 64)}`)), { maxLength: 8 }) }),
    writes: true,
  },
  'settings.setTheme': { example: { theme: 'light' }, writes: true },
  'settings.setOffline': { example: { enabled: true }, writes: true, after: restoreOffline },
  'settings.setLogFullAddresses': { example: { enabled: false }, writes: true },
  'settings.setPriceApi': { example: { url: '' }, hostile: fc.record({ url: fc.constantFrom('', DEAD, `${DEAD}/api/v3/`, 'http://127.0.0.1:9/?a=%00') }), writes: true },
  'settings.setYieldReference': { example: { reference: 'rETH' }, writes: true },
  'settings.setCandleSource': { example: { source: 'kraken' }, writes: true },
  'yield.get': {},
  'yield.series': { example: { rateSymbol: 'weETH', windowDays: 7 }, hostile: fc.record({ rateSymbol: symbol, windowDays: fc.constantFrom(7, 30, 90) }) },
  'exposure.get': {},
  'exposure.stress': { example: { kind: 'avs', target: AVS, bps: 100 }, hostile: fc.record({ kind: fc.constantFrom('avs', 'operator'), target: address, bps: fc.integer({ min: 0, max: 10_000 }) }) },
  'exposure.saveScenario': { example: { kind: 'avs', target: AVS, bps: 100 }, hostile: fc.record({ kind: fc.constantFrom('avs', 'operator'), target: address, bps: fc.integer({ min: 0, max: 10_000 }) }), writes: true },
  'exposure.resolveNames': { writes: true },
  'charts.get': { example: { market: 'ETH-USD', interval: '1d', limit: 100 }, hostile: fc.record({ market, interval, limit: fc.option(fc.integer({ min: 10, max: 5_000 }), { nil: undefined }) }) },
  'charts.refresh': { example: { market: 'ETH-USD', interval: '1d' }, hostile: fc.record({ market, interval }), writes: true },
  'charts.premium': { example: { symbol: 'weETH' }, hostile: fc.record({ symbol }) },
  'charts.portfolioValue': {},
  'history.timeline': {},
  'history.compare': { example: { from: T0, to: T1 }, hostile: fc.tuple(seconds, seconds).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })) },
  'export.build': {
    example: { what: 'history', format: 'csv', from: T0, to: T1 },
    hostile: fc.record({ what: fc.constantFrom('positions', 'history', 'exposure'), format: fc.constantFrom('csv', 'json'), range: fc.tuple(seconds, seconds), keep: fc.constantFrom('both', 'from', 'to', 'none') }).map(({ what, format, range: [a, b], keep }) => ({
      what,
      format,
      ...(keep === 'both' || keep === 'from' ? { from: Math.min(a, b) } : {}),
      ...(keep === 'both' || keep === 'to' ? { to: Math.max(a, b) } : {}),
    })),
  },
  'risk.get': {},
  'risk.dismissAlert': { example: { id: 1 }, hostile: fc.record({ id: missingId }) },
  'backup.create': { example: { path: 'made.sqlite' }, hostile: fc.record({ path: backupName.filter((name) => !['missing.sqlite', 'sub/dir.sqlite'].includes(name)) }) },
  'backup.list': {},
  'backup.restore': { example: { path: 'good.sqlite' }, hostile: fc.record({ path: backupName.filter((name) => !/(^|\/)good\.sqlite$/.test(name)) }) },
  'retention.get': {},
  'retention.set': { example: { keepAllDays: 30 }, writes: true },
  'retention.run': { example: { vacuum: false }, hostile: fc.option(fc.record({ vacuum: fc.option(fc.boolean(), { nil: undefined }) }), { nil: undefined }), writes: true },
  'recovery.status': {},
  'recovery.restore': { example: { path: 'good.sqlite' }, hostile: fc.record({ path: backupName }) },
};

function assertAppError(channel: string, input: unknown, result: Result<unknown>): void {
  if (result.ok) return;
  const context = `${channel} ${show(input)} → ${result.error.code}: ${result.error.message.slice(0, 300)}`;
  expect(ERROR_CODES, context).toContain(result.error.code);
  expect(result.error.code, context).not.toBe('INTERNAL');
  expect(unclearMessage(result.error.message), context).toBeNull();
}

function show(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return text === undefined ? String(input) : text.slice(0, 200);
  } catch {
    return String(input).slice(0, 200);
  }
}

/** The data folder's entries but the log files, which record refusals too. */
const dataFiles = () => fs.readdirSync(app.dataDir).filter((name) => name !== 'logs').sort();

/** One call and every property of it; returns the result for extra checks. */
async function check(channel: Channel, input: unknown): Promise<Result<unknown>> {
  const fuzz = FUZZ[channel] ?? {};
  const valid = contract[channel].input.safeParse(input).success;
  const before = contentHash(app.services.ctx.db);
  const files = dataFiles();
  const result = await withTimeout(app.dispatch(channel, input), CALL_MS, `${channel} ${show(input)}`);
  expect(typeof result === 'object' && result !== null && typeof result.ok === 'boolean').toBe(true);
  assertAppError(channel, input, result);
  if (!valid) expect(result, `${channel} accepted the invalid ${show(input)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  if (result.ok) expect(contract[channel].output.safeParse(result.value).success, `${channel} output`).toBe(true);
  // A refused call changes nothing, whatever the channel.
  if (!valid || !fuzz.writes || !result.ok) expect(contentHash(app.services.ctx.db), `${channel} ${show(input)} changed the database`).toBe(before);
  expect(dataFiles(), `${channel} left files in the data folder`).toEqual(files);
  expect(prototypeIsClean(), `${channel} polluted Object.prototype`).toBe(true);
  if (valid) fuzz.after?.();
  return result;
}

describe('fuzz every IPC channel', () => {
  it('has a generator for every channel of the contract', () => {
    expect(Object.keys(FUZZ).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s: invalid inputs are refused with INVALID_INPUT and change nothing', async (channel) => {
    const { example } = FUZZ[channel] ?? {};
    const schema = contract[channel].input;
    const inputs = (example ? fc.oneof(garbage, mutationsOf(example)) : garbage).filter((input) => !schema.safeParse(input).success);
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        await check(channel, input);
      }),
      fuzzParams(INVALID_RUNS),
    );
  });

  it.each(CHANNELS.filter((channel) => FUZZ[channel]?.hostile))('%s: hostile inputs of the right shape answer a clear Result', async (channel) => {
    await fc.assert(
      fc.asyncProperty(FUZZ[channel].hostile!, async (input) => {
        await check(channel, input);
      }),
      fuzzParams(HOSTILE_RUNS),
    );
  });

  it('regressions: inputs that once crashed or answered unclearly', async () => {
    // Node's ENAMETOOLONG and ERR_INVALID_ARG_VALUE came back as INTERNAL errors.
    expect(await check('backup.create', { path: `${'x'.repeat(300)}.sqlite` })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'A file or folder name in the path is too long (at most 247 bytes)' } });
    expect(await check('backup.create', { path: 'a\0b.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'A file path cannot contain a NUL character' } });
    // Messages quoted the input with its control characters raw (a terminal escape in the CLI, a fake second line).
    expect(await check('charts.get', { market: '\u0000\u0006', interval: '4h', limit: 10 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown market \\u0000\\u0006' } });
    const unknown = await app.dispatch(`\x1b]0;owned\x07${'y'.repeat(10_000)}`, undefined);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(unknown.ok ? null : unclearMessage(unknown.error.message)).toBeNull();
  });

  it('calls with the right shape but nothing to act on are refused clearly and change nothing', async () => {
    expect(await check('wallets.remove', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await check('wallets.rename', { id: 999_999, label: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await check('risk.dismissAlert', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await check('backup.restore', { path: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await check('backup.restore', { path: 'junk.sqlite' })).toMatchObject({ ok: false });
    expect(await check('recovery.restore', { path: 'good.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await check('charts.get', { market: 'DOGE-USD', interval: '1d' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await check('history.compare', { from: 253_402_300_799, to: 253_402_300_799 })).toMatchObject({ ok: true });
    expect(await check('export.build', { what: 'positions', format: 'csv', to: 0 })).toMatchObject({ ok: true });
  });
});
