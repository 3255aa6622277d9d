/**
 * The CLI fuzzed with generated invalid command lines, in-process through runCli (a process
 * per case would take minutes); a handful are spawned for the real exit code and stderr.
 * Property: runCli resolves (never throws, never hangs) with a non-zero exit code, one clear
 * "slashboard: …" line on stderr (no stack, no JS internals, no raw control characters), and
 * the database and the data folder are unchanged. FUZZ_SEED=<n> replays a run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/main/cli';
import { parseExportDate } from '../../electron/main/cli/export-command';
import { NETWORK_IDS, isNetworkId } from '../../shared/registry/networks';
import { parseWalletInput } from '../../shared/domain/wallet/wallet-input';
import { makeTempDir, openTempApp } from '../support/temp-app';
import { EVM_WALLET, SOL_WALLET, seedHistory } from '../support/history-fixture';
import { writeForeignFile } from '../support/db-files';
import { contentHash, fuzzParams, nastyString, prototypeIsClean, unclearMessage, withTimeout } from '../support/fuzz';

const DEAD = 'http://127.0.0.1:9';
const RUNS = 150;
const NEW_EVM = '0x2222222222222222222222222222222222222222';

let dataDir: string;
let outside: string;
let globals: string[];

beforeAll(async () => {
  dataDir = makeTempDir('slashboard-fuzz-cli-');
  outside = makeTempDir('slashboard-fuzz-cli-outside-');
  const app = openTempApp({ dataDir });
  seedHistory(app.services);
  expect(await app.dispatch('settings.setOffline', { enabled: true })).toMatchObject({ ok: true });
  expect(await app.dispatch('backup.create', { path: 'good.sqlite' })).toMatchObject({ ok: true });
  app.close();
  fs.writeFileSync(path.join(outside, 'junk.sqlite'), 'not a database');
  fs.writeFileSync(path.join(outside, 'binary.csv'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b, 0x5b, 0x33, 0x31, 0x6d]));
  writeForeignFile(path.join(outside, 'foreign.sqlite'));
  globals = ['--data-dir', dataDir, '--price-api', DEAD, '--candles-api', DEAD, '--jito-api', DEAD, '--babylon-api', DEAD, ...NETWORK_IDS.flatMap((network) => ['--rpc', `${network}=${DEAD}`])];
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function databaseHash(): string {
  const db = new Database(path.join(dataDir, 'slashboard.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return contentHash(db);
  } finally {
    db.close();
  }
}

function listing(dir: string): string[] {
  // The log files record refusals too; the -wal and -shm come and go with the connection.
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => !/slashboard\.sqlite-(wal|shm)$|^logs\b/.test(name)).sort();
}

async function cli(args: readonly string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await withTimeout(runCli([...globals, ...args], { out: (line) => stdout.push(line), err: (line) => stderr.push(line), write: (text) => stdout.push(text) }), 10_000, `slashboard ${JSON.stringify(args)}`);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Every property of one refused command line. */
async function refused(args: readonly string[]) {
  const before = databaseHash();
  const files = [listing(dataDir), listing(outside)];
  const result = await cli(args);
  const context = `slashboard ${JSON.stringify(args).slice(0, 300)} → ${result.code} ${JSON.stringify(result.stderr).slice(0, 300)}`;
  expect(result.code, context).not.toBe(0);
  // An import of a text file that is no CSV reports its lines on stdout instead (docs: "line N: reason").
  const reported = args[0] === 'wallets' && args[1] === 'import' && result.stderr === '' && /^line \d+: /m.test(result.stdout);
  if (!reported) {
    expect(result.stderr, context).toMatch(/^slashboard: \S/);
    expect(result.stderr.split('\n'), context).toHaveLength(1);
    expect(unclearMessage(result.stderr), context).toBeNull();
  }
  for (const line of result.stdout.split('\n')) expect(unclearMessage(line || '-', 20_000), context).toBeNull();
  expect(databaseHash(), `${context} changed the database`).toBe(before);
  expect([listing(dataDir), listing(outside)], `${context} changed files`).toEqual(files);
  expect(prototypeIsClean()).toBe(true);
  return result;
}

const COMMANDS = ['wallets', 'refresh', 'report', 'export', 'backup', 'restore', 'thin', 'help', '--help'];
/** Any flag of the CLI (a generated one must not be a real one that changes what runs). */
const KNOWN_FLAG = /^--(data-dir|port|rpc|price-api|candles-api|jito-api|babylon-api|label|json|chain|format|what|from|to|out|keep-days|vacuum|help)(=|$)/;
const junk = fc.oneof(nastyString, nastyString.map((text) => `--${text}`), fc.constantFrom('--bogus', '-x', '--', '-', '--JSON', '—json', '--label2')).filter((arg) => !KNOWN_FLAG.test(arg));
const notAWallet = fc
  .oneof(
    nastyString,
    fc.constantFrom(
      '0x' + '1'.repeat(39),
      '0x' + '1'.repeat(41),
      '0xCa4010000000000000000000000000000000ca40',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5',
      '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
      'O0Il' + SOL_WALLET.slice(4),
      EVM_WALLET + ' ',
      `${EVM_WALLET};rm -rf ~`,
    ),
  )
  .filter((text) => !parseWalletInput(text).ok);
const badDays = fc.oneof(fc.constantFrom('0', '-1', '1.5', '1e3', '36501', '99999999999999999999', ' 5', '0x10', '', '+5', '٣', 'Infinity', 'NaN'), nastyString).filter((text) => !(/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 36_500));
const badPort = fc.oneof(fc.constantFrom('', ' ', '0x50', '1e3', '65536', '-1', '80.5', 'abc', '١٢', '99999999999'), nastyString).filter((text) => !(/^\d{1,5}$/.test(text) && Number(text) <= 65_535));
const dateIsBad = (text: string) => {
  try {
    parseExportDate('--from', text);
    return false;
  } catch {
    return true;
  }
};
const badDate = fc
  .oneof(
    fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-1', '9999999999999', '-1', '2026-01-01T25:00Z', '2026-01-01T00:00', '2026-01-01T00:00:00+25:00', '0000-01-01', '2026-02-30T00:00Z', '2026-04-31T12:00+02:00', '2026-01-01 00:00Z', 'yesterday', '1e9'),
    nastyString,
  )
  .filter(dateIsBad);
const badUrl = fc.oneof(fc.constantFrom('ftp://x', 'javascript:alert(1)', 'file:///etc/passwd', 'http://', 'http://[::1', '127.0.0.1:9', '//x', 'x'), nastyString).filter((text) => {
  try {
    return !['http:', 'https:'].includes(new URL(text.trim()).protocol);
  } catch {
    return true;
  }
});
/** Files that do not exist, are folders, or are not what the command needs; never a path a backup or export could be written to. */
const badInputFile = fc.constantFrom(() => path.join(outside, 'missing.csv'), () => outside, () => path.join(outside, 'junk.sqlite'), () => path.join(outside, 'foreign.sqlite'), () => path.join(outside, 'no', 'such', 'dir.sqlite'), () => '/etc/passwd', () => '', () => path.join(outside, 'a\0b.csv'), () => path.join(outside, `${'x'.repeat(300)}.sqlite`), () => `${outside}/${'d'.repeat(300)}/x.csv`).map((make) => make());
/** Where neither a backup nor an export may be written: a folder, a missing folder, the database itself, a NUL in the name. */
const badOutput = fc.constantFrom(() => outside, () => path.join(outside, 'no', 'such', 'dir', 'x.out'), () => path.join(dataDir, 'slashboard.sqlite'), () => path.join(dataDir, 'slashboard.sqlite-wal'), () => path.join(outside, 'a\0b'), () => path.join(outside, `${'x'.repeat(300)}.out`)).map((make) => make());

const invalidCommandLine: fc.Arbitrary<readonly string[]> = fc.oneof(
  junk.filter((arg) => !COMMANDS.includes(arg)).map((arg) => [arg]),
  junk.filter((arg) => !['add', 'import', 'list', 'rename', 'remove'].includes(arg)).map((arg) => ['wallets', arg]),
  fc
    .tuple(fc.constantFrom(['wallets', 'list'], ['wallets', 'list', '--json'], ['report'], ['report', '--json'], ['refresh'], ['refresh', '--chain', 'ethereum'], ['thin'], ['thin', '--vacuum'], ['backup'], ['export', '--format', 'csv'], ['wallets', 'add', NEW_EVM], ['wallets', 'remove', NEW_EVM], ['wallets', 'rename', NEW_EVM, 'x']), junk)
    .map(([base, extra]) => [...base, extra]),
  fc.constantFrom(
    ['wallets', 'add'],
    ['wallets', 'add', NEW_EVM, '--label'],
    ['wallets', 'import'],
    ['wallets', 'rename'],
    ['wallets', 'remove'],
    ['wallets'],
    ['refresh', '--chain'],
    ['refresh', '--chain', '--json'],
    ['export'],
    ['export', '--format'],
    ['export', '--format', 'csv', '--from'],
    ['export', '--format', 'csv', '--to'],
    ['export', '--format', 'csv', '--out'],
    ['export', '--format', 'csv', '--what'],
    ['thin', '--keep-days'],
    ['backup', '--to'],
    ['restore'],
    ['--rpc'],
    ['--port'],
    ['--price-api'],
    ['wallets', 'list', '--data-dir'],
    ['--data-dir', '', 'wallets', 'list'],
    ['--port', '', 'wallets', 'list'],
  ),
  fc.tuple(fc.constantFrom('add', 'remove', 'rename'), notAWallet).map(([sub, address]) => (sub === 'rename' ? ['wallets', sub, address, 'label'] : ['wallets', sub, address])),
  badDays.map((days) => ['thin', '--keep-days', days]),
  badPort.map((port) => ['--port', port, 'wallets', 'list']),
  fc.tuple(fc.constantFrom('--from', '--to'), badDate, fc.constantFrom('history', 'positions')).map(([flag, date, what]) => ['export', '--format', 'csv', '--what', what, `${flag}=${date}`]),
  junk.map((format) => ['export', `--format=${format}`]),
  junk.map((what) => ['export', '--format', 'json', `--what=${what}`]),
  fc.constantFrom(['export', '--format', 'csv', '--what', 'history', '--from', '2026-02-01', '--to', '2026-01-01'], ['export', '--format', 'csv', '--from', '2026-01-01'], ['export', '--format', 'csv', '--what', 'exposure', '--to', '2026-01-01']),
  fc.tuple(fc.constantFrom('--rpc', '--price-api', '--candles-api', '--jito-api', '--babylon-api'), badUrl).map(([flag, url]) => (flag === '--rpc' ? [`--rpc=ethereum=${url}`, 'wallets', 'list'] : [`${flag}=${url}`, 'wallets', 'list'])),
  junk.map((spec) => [`--rpc=${spec}`, 'wallets', 'list']),
  junk.filter((chain) => !isNetworkId(chain)).map((chain) => ['refresh', `--chain=${chain}`]),
  badInputFile.chain((file) => fc.constantFrom(['wallets', 'import', file], ['restore', file])),
  badOutput.chain((file) => fc.constantFrom(['backup', '--to', file], ['export', '--format', 'json', '--out', file])),
  fc.constant(['backup', '--to']).map((args) => [...args, path.join(outside, 'junk.sqlite')]),
  fc.constantFrom(['wallets', 'add', 'vitalik.eth'], ['wallets', 'add', 'nobody-here.eth', '--label', 'x']),
);

describe('fuzz the CLI', () => {
  it('refuses generated invalid command lines clearly, with a non-zero exit code, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(invalidCommandLine, async (args) => {
        await refused(args);
      }),
      fuzzParams(RUNS),
    );
  });

  it('regressions: lines it once took, or answered unclearly', async () => {
    // Extra arguments and unknown flags were silently ignored (a typo like --jsno ran the command).
    expect(await refused(['wallets', 'list', '--jsno'])).toMatchObject({ code: 2, stderr: 'slashboard: wallets list: unexpected "--jsno"' });
    expect(await refused(['report', '--bogus'])).toMatchObject({ code: 2, stderr: 'slashboard: report: unexpected "--bogus"' });
    expect(await refused(['refresh', 'ethereum'])).toMatchObject({ code: 2, stderr: 'slashboard: refresh: unexpected "ethereum"' });
    expect(await refused(['wallets', 'add', NEW_EVM, 'Cold'])).toMatchObject({ code: 2, stderr: 'slashboard: wallets add: unexpected "Cold"' });
    expect(await refused(['wallets', 'remove', EVM_WALLET, 'now'])).toMatchObject({ code: 2, stderr: 'slashboard: wallets remove: unexpected "now"' });
    expect(await refused(['wallets', 'rename', EVM_WALLET, 'a', 'b'])).toMatchObject({ code: 2, stderr: 'slashboard: wallets rename: unexpected "b"' });
    // An ISO time on a day that does not exist rolled over into the next month.
    expect(await refused(['export', '--format', 'csv', '--what', 'history', '--from', '2026-02-30T00:00Z'])).toMatchObject({ code: 2, stderr: 'slashboard: --from: "2026-02-30T00:00Z" is not a valid date' });
    // --port took "", "0x50" and "1e3" as numbers; --data-dir "" meant the current folder.
    expect(await refused(['--port', '0x50', 'wallets', 'list'])).toMatchObject({ code: 2, stderr: 'slashboard: --port must be 0-65535, got "0x50"' });
    expect(await refused(['--port=', 'wallets', 'list'])).toMatchObject({ code: 2, stderr: 'slashboard: --port needs a value' });
    expect(await refused(['--data-dir=', 'wallets', 'list'])).toMatchObject({ code: 2, stderr: 'slashboard: --data-dir needs a value' });
    // A quoted argument with terminal escapes reached stderr raw.
    expect(await refused(['\x1b]0;owned\x07'])).toMatchObject({ code: 2, stderr: 'slashboard: Unknown command "\\u001b]0;owned\\u0007"' });
    expect(await refused(['wallets', 'remove', '\x1b[2J\r\nslashboard: ok'])).toMatchObject({ code: 1, stderr: 'slashboard: No wallet \\u001b[2J slashboard: ok in the list' });
    // A binary file was imported "line by line", echoing its bytes (escapes included) to the terminal.
    expect(await refused(['wallets', 'import', path.join(outside, 'binary.csv')])).toMatchObject({ code: 1, stderr: `slashboard: ${path.join(outside, 'binary.csv')} is not a text file; import takes a CSV of address,label lines` });
    // Node's own errors (ERR_INVALID_ARG_VALUE, ENAMETOOLONG) for a NUL or an over-long name.
    expect(await refused(['backup', '--to', path.join(outside, 'a\0b.sqlite')])).toMatchObject({ code: 1, stderr: 'slashboard: A file path cannot contain a NUL character' });
    expect(await refused(['backup', '--to', path.join(outside, `${'x'.repeat(250)}.sqlite`)])).toMatchObject({ code: 1, stderr: 'slashboard: A file or folder name in the path is too long (at most 247 bytes)' });
    expect(await refused(['restore', `${outside}/${'d'.repeat(300)}/x.sqlite`])).toMatchObject({ code: 1, stderr: 'slashboard: A file or folder name in the path is too long (at most 255 bytes)' });
    expect(await refused(['wallets', 'import', path.join(outside, 'a\0b.csv')])).toMatchObject({ code: 1, stderr: `slashboard: Cannot read ${path.join(outside, 'a\\u0000b.csv')}: not a valid path` });
    // export --out the database file overwrote the database with the export.
    const database = path.join(dataDir, 'slashboard.sqlite');
    expect(await refused(['export', '--format', 'json', '--out', database])).toMatchObject({ code: 2, stderr: `slashboard: --out ${database} is Slashboard's database; choose another file` });
  });

  it('still runs valid command lines', async () => {
    expect(await cli(['wallets', 'list', '--json'])).toMatchObject({ code: 0, stderr: '' });
    expect(await cli(['help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: slashboard') });
  });

  it('as a process: the same exit codes and one stderr line', () => {
    const run = (...args: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/main/cli/index.ts', ...globals, ...args], { encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const before = databaseHash();
    expect(run('bogus')).toMatchObject({ code: 2, stderr: 'slashboard: Unknown command "bogus"\n' });
    expect(run('wallets', 'add', '0x' + '1'.repeat(39))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^slashboard: [^\n]+\n$/) });
    expect(run('wallets', 'list')).toMatchObject({ code: 0, stderr: '' });
    expect(databaseHash()).toBe(before);
  }, 120_000); // three tsx start-ups: slow on a busy machine
});
