/**
 * Risk cards, exit paths, pending withdrawals and upgrade alerts through the production refresh
 * on anvil (scenario and expected figures in test/support/risk-fixture.ts): the reads land in
 * the database at refresh, risk.get builds everything from it, and an upgrade between two
 * refreshes raises one alert that can be dismissed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskReport } from '../../shared/ipc/risk-schemas';
import { mainnetToken } from '../../shared/registry/evm-tokens';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { buildReport } from '../../electron/main/services/report';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { E18, STETH_STRATEGY, USER } from '../support/exposure-fixture';
import { installRiskScenario, RISK_ACTORS, RISK_EXPECTED, upgradeBetweenRefreshes } from '../support/risk-fixture';
import { openTempApp, type TempApp } from '../support/temp-app';

let nodes: EvmNodes;
let app: TempApp;
let report: RiskReport;
let firstBlock: bigint;

const EZETH = mainnetToken('ezETH')!;
const RSETH = mainnetToken('rsETH')!;
const EZETH_ID = `token:1:ethereum:${EZETH.address.toLowerCase()}`;
const RSETH_ID = `token:1:ethereum:${RSETH.address.toLowerCase()}`;
const NATIVE_ID = `el:1:${STETH_STRATEGY.toLowerCase()}`;

async function refresh(): Promise<bigint> {
  const outcome = (await app.services.refresh.run(['ethereum'])).chains[0]!;
  if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
  return BigInt(outcome.blockNumber);
}

beforeAll(async () => {
  nodes = await startEvmChains();
  await installRiskScenario(nodes.ethereum);
  app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
  await app.services.wallets.add(USER);
  firstBlock = await refresh();
  report = app.services.risk.get();
}, 180_000);
afterAll(async () => {
  app?.close();
  await stopEvmChains(nodes);
});

const card = (protocol: string) => report.cards.find((item) => item.protocol === protocol)!;
const exit = (id: string) => report.exits.find((item) => item.positionId === id)!;

describe('risk cards from chain reads', () => {
  it('reads who controls each held protocol\'s contracts at the snapshot block', () => {
    expect(report.asOf?.blockNumber).toBe(firstBlock.toString());
    expect(report.cards.map((item) => item.protocol)).toEqual(['EigenLayer', 'Kelp', 'Lido', 'Renzo']);
    const ezeth = card('Renzo').contracts.find((contract) => contract.address === EZETH.address)!;
    expect(ezeth.read).toMatchObject({ blockNumber: firstBlock.toString(), proxy: 'eip1967', implementation: RISK_ACTORS.implA, error: null });
    expect(ezeth.read!.control).toMatchObject({ control: RISK_EXPECTED.controls.ezETH.control, line: RISK_EXPECTED.controls.ezETH.line });
    for (const protocol of ['Renzo', 'Kelp', 'EigenLayer'] as const) {
      expect(card(protocol).weakest, protocol).toMatchObject({ control: RISK_EXPECTED.controls[protocol].control, line: RISK_EXPECTED.controls[protocol].line });
    }
    expect(card('Renzo').weakest?.path.at(-1)).toContain(RISK_ACTORS.renzoEoa);
    expect(card('EigenLayer').contracts.find((contract) => contract.address === EIGENLAYER.delegationManager)!.read!.control.control).toBe('multisig');
    // Contracts the fixture gave plain code: read, not upgradeable.
    expect(card('Lido').weakest?.control).toBe('immutable');
  });

  it('joins the registry\'s audits and the portfolio share', () => {
    expect(card('Renzo').covered).toBe(true);
    expect(card('Renzo').audits.length).toBeGreaterThan(0);
    const total = BigInt(report.portfolioUsdCents!);
    const renzo = BigInt(card('Renzo').usdCents!);
    expect(renzo).toBe((20n * E18 * 3_000n * 100n) / E18); // 20 ezETH at NAV 1.0 and 3,000 USD
    expect(card('Renzo').sharePpm).toBe(Number((renzo * 1_000_000n) / total));
    expect(card('EigenLayer').positionIds.sort()).toEqual([EZETH_ID, RSETH_ID, NATIVE_ID].sort());
  });

  it('summarises each position: the weakest control of its protocols and its slashing exposure', () => {
    const ezeth = report.positions.find((position) => position.id === EZETH_ID)!;
    expect(ezeth.protocols).toEqual(['Renzo', 'EigenLayer']);
    expect(ezeth.weakest?.control).toBe('eoa');
    expect(ezeth.flags[0]).toBe(ezeth.weakest!.line);
    expect(BigInt(ezeth.slashable!)).toBeGreaterThan(0n);
    expect(ezeth.sharesRiskWith).toContain(NATIVE_ID);
    expect(ezeth.flags.some((flag) => flag.startsWith('Slashable '))).toBe(true);
  });
});

describe('exit paths', () => {
  it('quotes the actual ezETH size on Uniswap v3 and prices exiting now against redeeming', () => {
    const ezeth = exit(EZETH_ID);
    const expected = RISK_EXPECTED.ezETH;
    expect(ezeth.rawAmount).toBe(expected.amount.toString());
    expect(ezeth.redeem.receive).toBe(expected.navValue.toString());
    expect(ezeth.dex).toMatchObject({ venue: 'Uniswap v3', feeTier: expected.dex.feeTier, receive: expected.dex.amountOut.toString(), priceImpactPpm: expected.dex.priceImpactPpm, error: null });
    expect(ezeth.costNow).toEqual({ underlying: expected.costNow.toString(), usdCents: expected.costNowUsdCents.toString(), basis: 'dex' });
  });

  it('says when no pool exists', () => {
    expect(exit(RSETH_ID).dex?.error).toContain(RISK_EXPECTED.rsETH.dexError);
    expect(exit(RSETH_ID).dex?.receive).toBeNull();
  });

  it('reads the EigenLayer withdrawal delay from chain for a native restake', () => {
    const native = exit(NATIVE_ID);
    expect(native.redeem.wait.basis).toBe('chain');
    expect(native.redeem.wait.minSeconds).toBeGreaterThanOrEqual(RISK_EXPECTED.queuedWithdrawal.delayBlocks * 12);
    expect(native.redeem.wait.minSeconds).toBeLessThanOrEqual((RISK_EXPECTED.queuedWithdrawal.delayBlocks + 1) * 12);
    expect(native.redeem.wait.text).toContain(String(RISK_EXPECTED.queuedWithdrawal.delayBlocks));
  });

  it('reads the protocols\' own delays: Renzo\'s cooldown and Kelp\'s delay blocks', () => {
    expect(exit(EZETH_ID).redeem.wait).toMatchObject({ basis: 'chain', minSeconds: RISK_EXPECTED.ezETHRedeemMinSeconds });
    expect(exit(RSETH_ID).redeem.wait).toMatchObject({ basis: 'chain', minSeconds: RISK_EXPECTED.rsETH.redeemMinSeconds });
  });

  it('puts the queued withdrawal on the timeline with its completion block', () => {
    const [queued] = report.pendingWithdrawals;
    const row = app.services.portfolio.get().eigenlayer.find((item) => item.kind === 'withdrawal')!;
    expect(queued).toMatchObject({ source: 'eigenlayer', amount: RISK_EXPECTED.queuedWithdrawal.shares.toString(), status: 'waiting' });
    const completable = BigInt(queued!.completableAt!);
    // Completable once block.number > start + delay.
    expect(completable - BigInt(row.startBlock!)).toBe(BigInt(RISK_EXPECTED.queuedWithdrawal.delayBlocks) + 1n);
    expect(queued!.completesAt).toBe(report.asOf!.blockTime + Number(completable - firstBlock) * 12);
  });
});

describe('upgrade alerts', () => {
  it('raises no alert on the first refresh, one for a new implementation on the next, and dismisses it', async () => {
    expect(report.alerts).toEqual([]);
    await refresh();
    expect(app.services.risk.get().alerts).toEqual([]); // nothing changed
    await upgradeBetweenRefreshes(nodes.ethereum);
    await refresh();
    const alerts = app.services.risk.get().alerts;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: RISK_EXPECTED.alert.kind, contract: RISK_EXPECTED.alert.contract, protocol: 'Renzo', dismissed: false });
    expect(alerts[0]!.message).toContain(RISK_EXPECTED.alert.after);
    const ezeth = app.services.risk.get().positions.find((position) => position.id === EZETH_ID)!;
    expect(ezeth.flags[0]).toBe(`Upgrade alert: ${alerts[0]!.contractName}`);

    app.services.risk.dismissAlert(alerts[0]!.id);
    expect(app.services.risk.get().alerts[0]!.dismissed).toBe(true);
    expect(() => app.services.risk.dismissAlert(alerts[0]!.id)).toThrow(/No open risk alert/);
  });

  it('puts the risk section into report --json', () => {
    const services = app.services;
    const json = buildReport(services.portfolio.get(), services.yield.get(), services.exposure.get(), services.risk.get(), Date.now());
    const ezeth = json.risk.exits.find((item) => item.positionId === EZETH_ID)!;
    expect(ezeth.sellOnDex?.receive).toBe(`${RISK_EXPECTED.ezETH.dex.amountOut / E18}.${(RISK_EXPECTED.ezETH.dex.amountOut % E18).toString().padStart(18, '0').replace(/0+$/, '')}`);
    expect(json.risk.protocols.find((item) => item.protocol === 'Renzo')!.weakestControl?.control).toBe('eoa');
    expect(json.risk.alerts[0]!.dismissed).toBe(true);
  });
});
