/**
 * The process the kill -9 test kills: opens Slashboard on a data folder and refreshes Bitcoin
 * in a loop against loopback Esplora and Babylon servers, printing each phase as it starts
 * (`phase <name>`), so the parent knows where its SIGKILL landed. Its clock moves six hours per
 * refresh, so refreshes also thin old snapshots and, once a day, take the automatic backup.
 *
 * argv: <dataDir> <esploraUrl> <babylonUrl> <startMs>
 */
import { openApp } from '../../electron/main/services';

const [dataDir, esplora, babylon, startMs] = process.argv.slice(2);
if (!dataDir || !esplora || !babylon || !startMs) throw new Error('usage: refresh-child <dataDir> <esploraUrl> <babylonUrl> <startMs>');
const STEP_MS = 6 * 3_600_000;
let clock = Number(startMs);
let last = '';
const phase = (name: string) => {
  if (name === last) return;
  last = name;
  process.stdout.write(`phase ${name}\n`);
};

phase('open');
const services = openApp({
  dataDir,
  mode: 'browser',
  rpcOverrides: { bitcoin: [esplora] },
  babylonApiOverride: babylon,
  priceApiOverride: 'http://127.0.0.1:9',
  httpOptions: { retries: 0, baseDelayMs: 1, maxWaitMs: 5 },
  now: () => clock,
});
services.ctx.events.subscribe((event) => {
  if (event.name === 'refresh.progress') {
    const { phase: step, done, total } = event.payload;
    // The last 'calls' step comes after the Babylon reads: then APR and price, then the one write transaction.
    phase(step === 'calls' ? (done === total - 1 ? 'refresh:writing' : 'refresh:reading') : `refresh:${step}`);
  }
  if (event.name === 'backup.progress') phase(`backup:${event.payload.phase}`);
});
phase('ready');

for (;;) {
  clock += STEP_MS;
  const summary = await services.refresh.run(['bitcoin']);
  const outcome = summary.chains[0];
  if (outcome?.status !== 'ok') throw new Error(`refresh failed: ${JSON.stringify(outcome)}`);
  // Everything of this refresh is committed (snapshot, thinning, backup): the parent checks it survives the kill.
  process.stdout.write(`committed ${clock}\n`);
  phase('refresh:returned');
}
