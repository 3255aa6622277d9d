/**
 * Offline mode over a real SQLite file: with the switch on nothing reaches the loopback
 * servers (refresh skips every network, candles, names and ENS are refused, and the fetch the
 * adapters are given refuses too), the stored data stays readable; without it, a refresh that
 * reaches no network is recorded as "offline detected" and a later good one clears it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { openTempApp, type TempApp } from '../support/temp-app';
import { startEsploraServer, type EsploraServer } from '../support/esplora-server';
import { startBabylonServer, type BabylonServer } from '../support/babylon-server';
import { FIXTURES, PRIMARY_TX, STAKER_WALLET, seedBitcoinWorld } from '../support/bitcoin-fixture';
import { createEsploraClient } from '../../electron/main/chain/bitcoin/esplora';

const haveFixtures = fs.existsSync(FIXTURES);

describe.skipIf(!haveFixtures)('offline mode', () => {
  let esplora: EsploraServer;
  let babylon: BabylonServer;
  let app: TempApp;
  const requests = () => esplora.requests.length + babylon.requests.length;

  beforeEach(async () => {
    [esplora, babylon] = await Promise.all([startEsploraServer(), startBabylonServer()]);
    seedBitcoinWorld(esplora, babylon);
    app = openTempApp({ rpcOverrides: { bitcoin: [esplora.url] }, babylonApiOverride: babylon.url, httpOptions: { retries: 0, baseDelayMs: 5 } });
    await app.services.wallets.add(STAKER_WALLET, null);
    expect((await app.services.refresh.run(['bitcoin'])).chains[0]).toMatchObject({ status: 'ok' });
  });
  afterEach(async () => {
    app.close();
    await Promise.all([esplora.close(), babylon.close()]);
  });

  it('makes no request at all while the switch is on, and keeps showing the stored data', async () => {
    const before = app.services.portfolio.get();
    const sent = requests();
    expect(app.services.settings.setOffline(true).offline).toEqual({ enabled: true, detected: null });

    const summary = await app.services.refresh.run();
    expect(summary.chains.map((outcome) => outcome.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(summary.chains[0]).toMatchObject({ reason: expect.stringMatching(/^Offline mode is on: a refresh needs the network/) });
    for (const [channel, input] of [
      ['charts.refresh', { market: 'BTC-USD', interval: '1d' }],
      ['exposure.resolveNames', undefined],
      ['wallets.add', { input: 'vitalik.eth' }],
    ] as const) {
      expect(await app.dispatch(channel, input)).toMatchObject({ ok: false, error: { code: 'OFFLINE', message: expect.stringMatching(/^Offline mode is on: /) } });
    }
    // The second line: the fetch every adapter is handed refuses too.
    await expect(createEsploraClient({ ...app.services.ctx.httpOptions, baseUrl: esplora.url }).tipHeight()).rejects.toThrow(/offline mode is on: request not sent/);
    expect(requests()).toBe(sent);

    const after = app.services.portfolio.get();
    expect(after.chains).toEqual(before.chains);
    expect(after.positions.find((position) => position.tokenAddress === `babylon:${PRIMARY_TX}`)?.rawAmount).toBe('30000400000');
    expect(app.services.wallets.list()).toHaveLength(1);

    app.services.settings.setOffline(false);
    expect((await app.services.refresh.run(['bitcoin'])).chains[0]).toMatchObject({ status: 'ok' });
    expect(requests()).toBeGreaterThan(sent);
  });

  it('records "offline detected" when every network it tried was unreachable, and clears it on the next good refresh', async () => {
    // A second app on the same database whose Esplora is a dead port.
    const down = openTempApp({ dataDir: app.dataDir, rpcOverrides: { bitcoin: ['http://127.0.0.1:9'] }, babylonApiOverride: babylon.url, httpOptions: { retries: 0 } });
    try {
      const failed = await down.services.refresh.run(['bitcoin']);
      expect(failed.chains[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/unreachable/) });
    } finally {
      down.close();
    }
    expect(app.services.settings.get().offline).toMatchObject({ enabled: false, detected: { detail: expect.stringMatching(/^Esplora \/blocks\/tip\/height: unreachable/) } });
    // A detection does not block a refresh (only the switch does), and a good one clears it.
    expect((await app.services.refresh.run(['bitcoin'])).chains[0]).toMatchObject({ status: 'ok' });
    expect(app.services.settings.get().offline.detected).toBeNull();
  });
});
