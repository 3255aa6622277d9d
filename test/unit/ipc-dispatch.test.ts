import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp;
beforeEach(() => {
  // An unreachable RPC: these tests must never touch a network.
  app = openTempApp({ rpcOverrides: { ethereum: ['http://127.0.0.1:9'] }, evmClientOptions: { retryCount: 0, timeoutMs: 500 } });
});
afterEach(() => app.close());

describe('IPC dispatcher', () => {
  it('has a handler for every channel in the contract', async () => {
    for (const channel of CHANNELS) {
      const result = await app.dispatch(channel, undefined);
      if (!result.ok) expect(result.error.code).not.toBe('UNKNOWN_CHANNEL');
    }
  });

  it('refuses unknown channels', async () => {
    expect(await app.dispatch('wallets.drop', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel "wallets.drop"' } });
    expect(await app.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('validates input against the contract before any handler runs', async () => {
    const bad = await app.dispatch('wallets.add', { input: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^input:/) } });
    const badId = await app.dispatch('wallets.remove', { id: -1 });
    expect(badId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badUrl = await app.dispatch('settings.setRpc', { chain: 'ethereum', urls: ['file:///etc/passwd'] });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/http\(s\) URL/) } });
    const badChain = await app.dispatch('refresh.run', { chains: ['dogecoin'] });
    expect(badChain).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(app.services.wallets.list()).toEqual([]);
  });

  it('returns service failures as error Results with a code and a message', async () => {
    const added = await app.dispatch('wallets.add', { input: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', label: 'Main' });
    expect(added).toMatchObject({ ok: true, value: { kind: 'evm', label: 'Main' } });
    const again = await app.dispatch('wallets.add', { input: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'DUPLICATE', message: 'Already in your wallets as "Main" (0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045)' },
    });
    expect(await app.dispatch('wallets.rename', { id: 999, label: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No wallet with id 999' } });
  });

  it('reports an unreachable ENS resolver as a network error and adds nothing', async () => {
    const result = await app.dispatch('wallets.add', { input: 'vitalik.eth' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NETWORK', message: expect.stringMatching(/^Could not resolve ENS name vitalik\.eth/) } });
    expect(app.services.wallets.list()).toEqual([]);
  });
});

describe('wallets service on a real SQLite file', () => {
  it('imports good lines together and reports each bad one with its line number', async () => {
    await app.services.wallets.add('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'Existing');
    const csv = [
      'address,label',
      '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045,Vitalik',
      '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046,Typo',
      'So11111111111111111111111111111111111111112,"Sol, main"',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4,Again',
      '0xd8da6bf26964af9d7eed9e03e53415d37aa96045,Same',
      'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx,Test',
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy,bad\u202elabel',
    ].join('\n');
    const result = await app.services.wallets.importText(csv);
    expect(result.added.map((wallet) => [wallet.address, wallet.label])).toEqual([
      ['0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', 'Vitalik'],
      ['So11111111111111111111111111111111111111112', 'Sol, main'],
    ]);
    expect(result.errors.map((error) => [error.line, error.reason])).toEqual([
      [3, expect.stringMatching(/checksum/)],
      [5, 'Already in your wallets as "Existing" (bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4)'],
      [6, 'Same address as line 2'],
      [7, expect.stringMatching(/testnet/)],
      [8, expect.stringMatching(/bidirectional/)],
    ]);
    expect(app.services.wallets.list()).toHaveLength(3);
  });

  it('renames with the same label rules and removes a wallet', async () => {
    const wallet = await app.services.wallets.add('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045');
    expect(app.services.wallets.rename(wallet.id, '  Cafe\u0301 ').label).toBe('Caf\u00e9');
    expect(() => app.services.wallets.rename(wallet.id, 'x'.repeat(65))).toThrow(/at most 64/);
    expect(app.services.wallets.remove(wallet.id)).toEqual({ id: wallet.id });
    expect(app.services.wallets.list()).toEqual([]);
  });
});
