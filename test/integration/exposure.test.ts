/**
 * Slashing exposure through the production refresh on anvil (scenario in
 * test/support/exposure-fixture.ts). Expected amounts are computed here with bigint from the
 * scenario's inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExposureReport } from '../../shared/ipc/exposure-schemas';
import { mainnetToken } from '../../shared/registry/evm-tokens';
import { reportExposure } from '../../electron/main/services/report-exposure';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { AVS1, AVS2, AVS3, BEACON, E18, installExposureScenario, OP_B, STETH_STRATEGY, USER } from '../support/exposure-fixture';
import { openTempApp, type TempApp } from '../support/temp-app';

let nodes: EvmNodes;
let app: TempApp;
let report: ExposureReport;

beforeAll(async () => {
  nodes = await startEvmChains();
  await installExposureScenario(nodes.ethereum);
  app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
  await app.services.wallets.add(USER);
  const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
  if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
  report = app.services.exposure.get();
}, 120_000);
afterAll(async () => {
  app?.close();
  await stopEvmChains(nodes);
});

const NATIVE = `el:1:${STETH_STRATEGY.toLowerCase()}`;
const EZETH = `token:1:ethereum:${mainnetToken('ezETH')!.address.toLowerCase()}`;
const RSETH = `token:1:ethereum:${mainnetToken('rsETH')!.address.toLowerCase()}`;
/** A position's exposure rows as [avs, set, strategy, amount], in a fixed order. */
const amounts = (positionId: string) =>
  report.exposures
    .filter((row) => row.positionId === positionId)
    .map((row) => [row.avs, row.setId, row.strategy.toLowerCase(), row.amount])
    .sort((a, b) => `${a[2]}${a[0]}`.localeCompare(`${b[2]}${b[0]}`));

describe('exposure look-through', () => {
  it('gives the native position its operator\'s sets: stake × magnitude / max magnitude', () => {
    expect(amounts(NATIVE)).toEqual([
      [AVS1, 0, STETH_STRATEGY.toLowerCase(), ((10n * E18 * 3n) / 10n).toString()],
      [AVS2, 1, STETH_STRATEGY.toLowerCase(), ((10n * E18 * 5n) / 10n).toString()],
    ]);
  });

  it('attributes 1 % of Renzo\'s stakes to the ezETH holder, with the already-slashed operator scaled by its max magnitude', () => {
    const share = (amount: bigint) => (amount * 20n * E18) / (2_000n * E18);
    expect(amounts(EZETH)).toEqual([
      [AVS1, 0, STETH_STRATEGY.toLowerCase(), ((share(1_000n * E18) * 3n * 10n ** 17n) / E18).toString()],
      [AVS2, 1, STETH_STRATEGY.toLowerCase(), ((share(1_000n * E18) * 5n * 10n ** 17n) / E18).toString()],
      [AVS1, 0, BEACON.toLowerCase(), ((share(500n * E18) * 4n * 10n ** 17n) / (9n * 10n ** 17n)).toString()],
    ].sort((a, b) => `${a[2]}${a[0]}`.localeCompare(`${b[2]}${b[0]}`)));
    const pending = report.exposures.find((row) => row.positionId === EZETH && row.strategy.toLowerCase() === BEACON.toLowerCase())!;
    expect(pending).toMatchObject({ pendingAmount: ((share(500n * E18) * 3n * 10n ** 17n) / (9n * 10n ** 17n)).toString(), effectBlock: 999_999 });
    expect(report.positions.find((position) => position.id === EZETH)!.note).toMatch(/^Renzo: 75\.00 % of its backing is restaked through 2 staker contract\(s\)/);
  });

  it('leaves a set that is no longer slashable out (Kelp via C) and keeps B\'s stETH set', () => {
    expect(amounts(RSETH)).toEqual([[AVS3, 5, STETH_STRATEGY.toLowerCase(), ((30n * E18 * 2n) / 10n).toString()]]);
    expect(report.positions.find((position) => position.id === RSETH)).toMatchObject({ restaked: (50n * E18).toString(), slashable: (6n * E18).toString() });
  });

  it('builds the shared-exposure matrix and the pairs with no common operator', () => {
    const index = (id: string) => report.matrix.ids.indexOf(id);
    expect(report.matrix.shared[index(NATIVE)]![index(EZETH)]).toBe(1);
    expect(report.matrix.shared[index(NATIVE)]![index(RSETH)]).toBe(0);
    expect(report.matrix.shared[index(EZETH)]![index(NATIVE)]).toBe(1);
    expect(report.disjointPairs).toContainEqual([NATIVE, RSETH]);
    expect(report.disjointPairs).not.toContainEqual([EZETH, RSETH]); // both through B
  });

  it('totals per AVS and operator, finds B slashed before, and raises the OperatorSlashed alert', () => {
    const avs1 = 3n * E18 + 3n * E18 + (5n * E18 * 4n) / 9n;
    expect(report.byAvs.find((total) => total.key.toLowerCase() === AVS1.toLowerCase())!.amount).toBe(avs1.toString());
    expect(report.concentration.largestAvs?.key.toLowerCase()).toBe(AVS2.toLowerCase()); // 5 + 5 ETH
    expect(report.slashedBefore).toEqual([{ operator: OP_B, strategy: BEACON, maxMagnitude: (9n * 10n ** 17n).toString() }]);
    const alert = report.alerts.find((item) => item.kind === 'slashed')!;
    expect(alert).toMatchObject({ operator: OP_B, avs: AVS1, setId: 0, strategies: [BEACON], amounts: [(10n ** 17n).toString()], description: 'missed attestations' });
    expect(report.scan?.error).toBeNull();
  });

  it('stresses "AVS1 slashed 50 %" per position, and saves the scenario', () => {
    const result = app.services.exposure.stress({ kind: 'avs', target: AVS1, bps: 5_000 });
    const loss = (id: string) => result.losses.find((item) => item.positionId === id)?.amount;
    expect(loss(NATIVE)).toBe((15n * 10n ** 17n).toString());
    expect(loss(EZETH)).toBe(((3n * E18) / 2n + (5n * E18 * 4n) / 9n / 2n).toString());
    expect(loss(RSETH)).toBeUndefined();
    expect(result.totalUsdCents).toBe(((BigInt(result.total) * 3_000n * 100n) / E18).toString());
    expect(app.services.exposure.saveScenario({ kind: 'avs', target: AVS1, bps: 5_000 })).toHaveLength(1);
    expect(app.services.exposure.get().scenarios).toEqual([{ kind: 'avs', target: AVS1, bps: 5_000 }]);
  });

  it('puts the graph in report --json with exact ETH decimal strings', () => {
    const section = reportExposure(report);
    expect(section.graph.find((row) => row.position === NATIVE && row.avs === AVS2)).toMatchObject({ slashableEth: '5', usd: '15000', operatorSet: 1 });
    expect(section.positions.find((position) => position.id === RSETH)).toMatchObject({ restakedEth: '50', slashableEth: '6' });
  });
});
