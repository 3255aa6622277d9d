/** History, compare and export over a real SQLite file with two refreshes' snapshots (test/support/history-fixture.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compare, ComparePosition, Timeline } from '../../shared/ipc/history-schemas';
import { annualizedYield } from '../../shared/domain/yield';
import { openTempApp, type TempApp } from '../support/temp-app';
import { DAY, E18, EVM_WALLET, LABEL, RATES, SOLANA_LEAD, T0, T1, TOKENS, seedHistory } from '../support/history-fixture';

let app: TempApp;

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await app.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeAll(() => {
  app = openTempApp();
  seedHistory(app.services);
});
afterAll(() => app.close());

const change = (position: ComparePosition) => Object.fromEntries((['total', 'balance', 'rate', 'price'] as const).map((name) => [name, position.change[name].ok ? (position.change[name] as { usdCents: string }).usdCents : null]));

describe('history.timeline', () => {
  it('has one point per Ethereum refresh with value, underlyings, slashable and the yield between them', async () => {
    const { points } = await call<Timeline>('history.timeline');
    expect(points.map((point) => point.time)).toEqual([T0, T1]);
    expect(points[0]!.snapshots.map((ref) => [ref.network, ref.blockTime])).toEqual([['ethereum', T0], ['solana', T0 - SOLANA_LEAD]]);
    expect(points.map((point) => [point.usdCents, point.unvalued])).toEqual([['7500000', 0], ['7533319', 1]]);
    // ETH: 2 + 10 × 1.2 + 5 × 1.05 at the first point; SOL: 100 JitoSOL × 1.15.
    expect(points[0]!.byUnderlying).toEqual([
      { underlying: 'ETH', decimals: 18, value: (19_250n * E18 / 1_000n).toString(), positions: 3, unvalued: 0 },
      { underlying: 'SOL', decimals: 9, value: '115000000000', positions: 1, unvalued: 0 },
    ]);
    // Half of the 32 ETH pod is allocated to the one operator set, at both refreshes.
    expect(points.map((point) => point.slashable)).toEqual([{ amount: (16n * E18).toString(), usdCents: '4800000' }, { amount: (16n * E18).toString(), usdCents: '5280000' }]);
    expect(points[0]!.yieldSincePrevious).toBeNull();
    // Start holdings at start prices: $75,000, of which NAV growth adds 90 (wstETH) + 15.5 (weETH) + 150 (JitoSOL) = $286.50 in 30 days.
    expect(points[1]!.yieldSincePrevious).toEqual({ figure: { value: annualizedYield(75_000_00n, 75_286_50n, 30 * DAY), reason: null }, seconds: 30 * DAY, positions: 4, excluded: 0 });
  });
});

describe('history.compare', () => {
  let compare: Compare;
  beforeAll(async () => {
    compare = await call<Compare>('history.compare', { from: T0, to: T1 });
  });
  const bySymbol = (symbol: string) => compare.positions.find((position) => position.symbol === symbol)!;

  it('takes each network at or before the time and sums to the portfolio change', () => {
    expect(compare.from).toMatchObject({ time: T0, usdCents: '7500000', unvalued: 0 });
    expect(compare.to).toMatchObject({ time: T1, usdCents: '7533319', unvalued: 1 });
    expect(compare.positions.map((position) => [position.symbol, position.status])).toEqual([
      ['cbETH', 'unread'], ['ETH', 'held'], ['rETH', 'appeared'], ['weETH', 'disappeared'], ['wstETH', 'held'], ['JitoSOL', 'held'],
    ]);
    expect(compare.totals).toEqual({ total: { usdCents: '33319', missing: 1 }, balance: { usdCents: String(-150_000 + 1_100_001 - 1_575_000), missing: 1 }, rate: { usdCents: String(9_000 + 2_199 + 15_000), missing: 1 }, price: { usdCents: String(45_000 + 110_219 + 360_900 + 116_000), missing: 1 } });
  });

  it('splits each position exactly into balance, rate and price', () => {
    expect(change(bySymbol('wstETH'))).toEqual({ total: '369900', balance: '0', rate: '9000', price: '360900' });
    expect(change(bySymbol('ETH'))).toEqual({ total: '-105000', balance: '-150000', rate: '0', price: '45000' });
    expect(change(bySymbol('weETH'))).toEqual({ total: '-1575000', balance: '-1575000', rate: '0', price: '0' });
    expect(change(bySymbol('JitoSOL'))).toEqual({ total: '131000', balance: '0', rate: '15000', price: '116000' });
    expect(change(bySymbol('rETH'))).toEqual({ total: '1212419', balance: '1100001', rate: '2199', price: '110219' });
    expect(bySymbol('rETH').change).toMatchObject({ remainderCents: '2', remainderTo: 'balance' });
    expect(bySymbol('cbETH').change.total).toEqual({ ok: false, reason: 'balance could not be read at the end: execution reverted' });
  });

  it('shows both sides with their rates, premium, realized yield and slashable amount', () => {
    const wsteth = bySymbol('wstETH');
    expect(wsteth).toMatchObject({ walletAddress: EVM_WALLET, walletLabel: LABEL, network: 'ethereum', tokenAddress: TOKENS.wstETH, kind: 'lst', underlying: 'ETH' });
    expect(wsteth.before).toMatchObject({ rawAmount: (10n * E18).toString(), underlyingValue: (12n * E18).toString(), usdCents: '3600000', ratesTime: T0, nav: { ok: true, value: RATES.t0.wstETH.toString() } });
    expect(wsteth.after).toMatchObject({ usdCents: '3969900', ratesTime: T1, slashable: null });
    expect(wsteth.realizedYield).toEqual({ value: annualizedYield(RATES.t0.wstETH, RATES.t1.wstETH, 30 * DAY), reason: null });
    // Solana NAVs come from the Solana snapshots, two minutes before each Ethereum one.
    const jito = bySymbol('JitoSOL');
    expect([jito.before.ratesTime, jito.after.ratesTime]).toEqual([T0 - SOLANA_LEAD, T1 - SOLANA_LEAD]);
    expect(jito.realizedYield.value).toBe(annualizedYield(RATES.t0.JitoSOL, RATES.t1.JitoSOL, 30 * DAY));
    const weeth = bySymbol('weETH');
    expect(weeth.before.premium).toBeCloseTo(1.04 / 1.05 - 1, 11);
    expect([weeth.before.slashable, weeth.after.slashable]).toEqual(['0', '0']);
    expect(weeth.after).toMatchObject({ rawAmount: '0', usdCents: '0', nav: { ok: true, value: RATES.t1.weETH.toString() } });
    expect(bySymbol('ETH').realizedYield).toEqual({ value: null, reason: 'no NAV rate: native is held as the coin itself' });
  });

  it('a time before any snapshot compares against an empty portfolio', async () => {
    const early = await call<Compare>('history.compare', { from: T0 - 10 * DAY, to: T0 });
    expect(early.from).toMatchObject({ snapshots: [], usdCents: '0' });
    expect(early.positions.find((position) => position.symbol === 'wstETH')!.before).toMatchObject({ rawAmount: '0', snapshot: null, nav: { ok: false } });
    expect(early.positions.find((position) => position.symbol === 'wstETH')!.change.balance).toEqual({ ok: false, reason: 'NAV at the start: not read yet (refresh Ethereum)' });
    expect((await app.dispatch('history.compare', { from: T1, to: T0 })).ok).toBe(false);
  });
});

describe('export.build', () => {
  it('exports positions at a time as CSV with protected labels and exact amounts', async () => {
    const result = await call<{ filename: string; mime: string; text: string; rows: number }>('export.build', { what: 'positions', format: 'csv', to: T1 });
    expect(result).toMatchObject({ filename: 'slashboard-positions-2026-02-04.csv', mime: 'text/csv;charset=utf-8', rows: 5 });
    const lines = result.text.split('\r\n');
    expect(lines[0]).toBe('wallet,walletLabel,network,tokenAddress,symbol,kind,protocol,decimals,rawAmount,amount,error,block,blockTime,underlying,nav,navMissing,marketPrice,usdPrice,usdPriceMissing,underlyingValue,usd,premiumToNav,slashableEth,ratesBlock,ratesTime');
    const reth = lines.find((line) => line.includes(',rETH,'))!;
    expect(reth).toBe(`${EVM_WALLET},"'=SUM(1,2) ""main""",ethereum,${TOKENS.rETH},rETH,lst,Rocket Pool,18,3333333333333333333,3.333333333333333333,,21216000,2026-02-04T12:00:00.000Z,ETH,1.1022,,,3300,,3.673999999999999999,12124.19,,,21216000,2026-02-04T12:00:00.000Z`);
    expect(lines.find((line) => line.includes(',cbETH,'))).toContain(',,execution reverted,21216000,');
    expect(lines.at(-1)).toBe('');
  });

  it('exports the timeline between two times as JSON with the CSV columns', async () => {
    const result = await call<{ filename: string; text: string }>('export.build', { what: 'history', format: 'json', from: T0, to: T1 });
    expect(result.filename).toBe('slashboard-history-2026-01-05_2026-02-04.json');
    const document = JSON.parse(result.text);
    expect(document).toMatchObject({ format: 'slashboard-export', version: 1, what: 'history', from: '2026-01-05T12:00:00.000Z', to: '2026-02-04T12:00:00.000Z' });
    expect(document.rows).toHaveLength(2);
    expect(document.rows[1]).toMatchObject({ time: '2026-02-04T12:00:00.000Z', usd: '75333.19', unvalued: 1, eth: '17.203999999999999999', sol: '116', slashableEth: '16', slashableUsd: '52800.00', yieldSeconds: 30 * DAY, yieldMissing: null });
    expect(document.rows[0].yieldSincePrevious).toBeNull();
    const only = JSON.parse((await call<{ text: string }>('export.build', { what: 'history', format: 'json', from: T0 + 1 })).text);
    expect(only.rows.map((row: { time: string }) => row.time)).toEqual(['2026-02-04T12:00:00.000Z']);
  });

  it('exports the exposure and refuses options that do not apply', async () => {
    const csv = await call<{ text: string; rows: number }>('export.build', { what: 'exposure', format: 'csv' });
    expect(csv.rows).toBeGreaterThan(0);
    const pod = csv.text.split('\r\n').find((line) => line.startsWith('21216000,'))!;
    expect(pod).toContain(',EigenPod (beacon ETH),eigenlayer,32,16,');
    expect(pod).toContain(',16,52800.00,');
    const refused = await app.dispatch('export.build', { what: 'exposure', format: 'csv', to: T1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
