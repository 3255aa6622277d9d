/**
 * The log file on a real disk: rotation at the size limit with 5 older files kept, every line
 * valid JSON, and, after a refresh of a real app with wallets and keyed RPC URLs, nothing secret
 * in any file (no full address, no API key, no launch token) unless full addresses are opted in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addLogSecret, log, startLogging } from '../../electron/main/logging';
import { makeTempDir, openTempApp, type TempApp } from '../support/temp-app';

const EVM = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const BTC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const SOLANA = '7EYnhQoR9YM3N7UoaKRoA44Uy8JeaZV3qyouov87awMs';
const API_KEY = 'k3yInThePath0123456789';
const QUERY_KEY = 'QueryKey9876543210';
const TOKEN = 'launch-token-Zx81Yw72Vu63Ts54Rq45Po36';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const logFiles = (dir: string) => fs.readdirSync(path.join(dir, 'logs')).sort();
const readAll = (dir: string) => logFiles(dir).map((name) => fs.readFileSync(path.join(dir, 'logs', name), 'utf8')).join('');
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('rotating log file', () => {
  it('rotates at the size limit, keeps 5 older files, and every line is valid JSON', () => {
    const dataDir = makeTempDir('slashboard-logs-');
    const logging = startLogging(dataDir, { maxBytes: 4096 });
    cleanups.push(() => {
      logging.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const total = 600;
    for (let i = 0; i < total; i++) log.info('test.line', { i, padding: 'x'.repeat(40) });

    expect(logFiles(dataDir)).toEqual(['slashboard.log', 'slashboard.log.1', 'slashboard.log.2', 'slashboard.log.3', 'slashboard.log.4', 'slashboard.log.5']);
    const order = ['slashboard.log.5', 'slashboard.log.4', 'slashboard.log.3', 'slashboard.log.2', 'slashboard.log.1', 'slashboard.log'];
    const numbers: number[] = [];
    for (const name of order) {
      const file = path.join(dataDir, 'logs', name);
      expect(fs.statSync(file).size).toBeLessThanOrEqual(4096);
      for (const line of lines(fs.readFileSync(file, 'utf8'))) {
        const parsed = JSON.parse(line) as { level: string; event: string; time: string; i: number };
        expect(parsed).toMatchObject({ level: 'info', event: 'test.line' });
        expect(Number.isNaN(Date.parse(parsed.time))).toBe(false);
        numbers.push(parsed.i);
      }
    }
    // Oldest lines were dropped, the rest are consecutive and end with the last one written.
    expect(numbers.at(-1)).toBe(total - 1);
    expect(numbers).toEqual(numbers.map((_, k) => numbers[0]! + k));
    expect(numbers[0]).toBeGreaterThan(0);

    // A restart appends to the live file instead of truncating it.
    logging.stop();
    const before = fs.statSync(path.join(dataDir, 'logs', 'slashboard.log')).size;
    const again = startLogging(dataDir, { maxBytes: 4096 });
    cleanups.push(() => again.stop());
    log.info('test.restart');
    expect(fs.statSync(path.join(dataDir, 'logs', 'slashboard.log')).size).toBeGreaterThan(before);
  });

  it('a refresh with wallets and keyed RPC URLs leaves no address, key or token in any file', async () => {
    const dataDir = makeTempDir('slashboard-logs-');
    let app: TempApp | null = null;
    const logging = startLogging(dataDir, { maxBytes: 2048, fullAddresses: () => app?.services.settings.logFullAddresses() ?? false });
    cleanups.push(() => {
      logging.stop();
      app?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    // Dead loopback ports: every network fails, and the errors name the URLs they tried.
    app = openTempApp({
      dataDir,
      rpcOverrides: {
        ethereum: [`http://127.0.0.1:9/v3/${API_KEY}`],
        arbitrum: [`http://127.0.0.1:9/rpc?apikey=${QUERY_KEY}`],
        base: [`http://user:${API_KEY}@127.0.0.1:9/`],
        solana: [`http://127.0.0.1:9/${API_KEY}`],
        bitcoin: [`http://127.0.0.1:9/api/${API_KEY}`],
      },
      evmClientOptions: { retryCount: 0, timeoutMs: 2_000 },
      httpOptions: { retries: 0, baseDelayMs: 5 },
    });
    await app.services.wallets.add(EVM, 'Main');
    await app.services.wallets.add(BTC, 'Cold');
    await app.services.wallets.add(SOLANA, 'Sol');
    addLogSecret(TOKEN);
    log.info('server.listening', { launchUrl: `http://127.0.0.1:5173/?token=${TOKEN}`, note: `cookie sb_token_5173=${TOKEN}` });
    log.error('test.error', { error: new Error(`balanceOf(${EVM}) failed at http://127.0.0.1:9/v3/${API_KEY}`), wallets: [{ address: EVM }, { address: BTC }] });

    const summary = await app.services.refresh.run();
    expect(summary.chains.map((outcome) => outcome.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);

    const text = readAll(dataDir);
    const parsed = lines(text).map((line) => JSON.parse(line) as { event: string; chain?: string; error?: string });
    const refreshLines = parsed.filter((line) => line.event === 'refresh.network');
    expect(refreshLines.map((line) => line.chain).sort()).toEqual(['arbitrum', 'base', 'bitcoin', 'ethereum', 'solana']);
    for (const secret of [EVM, EVM.toLowerCase(), EVM.slice(2).toLowerCase(), BTC, SOLANA, API_KEY, QUERY_KEY, TOKEN]) expect(text).not.toContain(secret);
    expect(text).toContain('0xd8dA…6045');
    expect(text).toContain('http://127.0.0.1:9');

    // The opt-in keeps addresses whole; keys and tokens stay out.
    app.services.settings.setLogFullAddresses(true);
    log.info('test.opt-in', { wallet: EVM, url: `http://127.0.0.1:9/v3/${API_KEY}`, token: TOKEN });
    const after = readAll(dataDir);
    expect(after).toContain(EVM);
    for (const secret of [API_KEY, TOKEN]) expect(after).not.toContain(secret);
    expect(app.services.settings.get().logFullAddresses).toBe(true);
  });
});
