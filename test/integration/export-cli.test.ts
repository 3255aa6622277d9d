/** `export` as a script would use it: a child process over a data dir seeded with two refreshes' snapshots. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, openTempApp } from '../support/temp-app';
import { EVM_WALLET, seedHistory } from '../support/history-fixture';

let dataDir: string;

beforeAll(() => {
  dataDir = makeTempDir('slashboard-export-cli-');
  const app = openTempApp({ dataDir });
  seedHistory(app.services);
  app.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/main/cli/index.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli export', () => {
  it('prints the timeline between two dates as CSV (a date alone as --to is the end of that UTC day)', () => {
    const result = cli('export', '--format', 'csv', '--what', 'history', '--from', '2026-01-05', '--to', '2026-02-04');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('time,snapshots,usd,unvalued,eth,btc,sol,slashableEth,slashableUsd,yieldSincePrevious,yieldMissing,yieldSeconds');
    expect(lines.slice(1, 3).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      '2026-01-05T12:00:00.000Z,ethereum:2@21000000;solana:1@300000000,75000.00,0',
      '2026-02-04T12:00:00.000Z,ethereum:4@21216000;solana:3@306480000,75333.19,1',
    ]);
    expect(lines).toHaveLength(4);
    const later = cli('export', '--format', 'csv', '--what', 'history', '--from', '2026-01-06T00:00:00Z');
    expect(later.stdout.split('\r\n')).toHaveLength(3);
  });

  it('writes positions at a time to --out as JSON', () => {
    const file = path.join(dataDir, 'positions.json');
    const result = cli('export', '--format', 'json', '--to', '2026-01-05T12:00:00+00:00', '--out', file);
    expect(result).toMatchObject({ code: 0, stdout: `Wrote 4 row(s) of positions as json to ${file}\n` });
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(document.rows.find((row: { symbol: string }) => row.symbol === 'weETH')).toMatchObject({ wallet: EVM_WALLET, walletLabel: '=SUM(1,2) "main"', amount: '5', usd: '15750.00', premiumToNav: expect.any(Number) });
  });

  it('refuses bad options with a usage error (exit code 2); the rules are in test/unit/export-args.test.ts', () => {
    expect(cli('export', '--format', 'csv', '--from', '2026-02-30')).toMatchObject({ code: 2, stderr: 'slashboard: --from: "2026-02-30" is not a valid date\n' });
    expect(cli('export', '--format', 'csv', '--what', 'exposure', '--to', '2026-01-01')).toMatchObject({ code: 2, stderr: 'slashboard: export --what exposure is of the latest snapshot: --from and --to do not apply\n' });
    expect(cli('help').stdout).toContain('export --format csv|json [--what positions|history|exposure] [--from DATE] [--to DATE] [--out FILE]');
  });
});
