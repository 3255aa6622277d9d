/**
 * Why a position's USD value changed between two times, in bigint cents, exactly:
 *
 *   V = q · nav · p   (q token amount, nav underlying per token, p USD per underlying)
 *   balance = (q1 − q0) · nav0 · p0
 *   rate    =  q1 · (nav1 − nav0) · p0
 *   price   =  q1 · nav1 · (p1 − p0)
 *
 * The three exact terms sum to q1·nav1·p1 − q0·nav0·p0. Each is truncated toward zero to the
 * cent; the total is the difference of the two values as the portfolio shows them (floored
 * to the underlying's raw unit, then to the cent), and what truncation leaves over (a few
 * cents at most) is added to the term of largest magnitude (first of balance, rate, price on
 * a tie), so the terms always sum exactly to the total. A term needs only the figures it
 * multiplies: one whose quantity factor is zero is exactly zero (a sold position has no rate
 * or price effect); one that needs a missing figure is null with the reason, never zero.
 */
import { convert, type Fixed } from './valuation';
import { annualizedYield, measured, notMeasured, rescale, type YieldFigure } from './yield';

export type Figure = { ok: true; rate: Fixed } | { ok: false; reason: string };
export type Effect = { ok: true; cents: bigint } | { ok: false; reason: string };
export const EFFECTS = ['balance', 'rate', 'price'] as const;
export type EffectName = (typeof EFFECTS)[number];

export interface CompareSide {
  /** Token raw units; null when the balance could not be read (`error` says why). */
  amount: bigint | null;
  error?: string | null;
  decimals: number;
  /** Underlying per token (1 for a native coin). */
  nav: Figure;
  /** USD per unit of the underlying. */
  usd: Figure;
  /** Decimals of the underlying's raw unit (wei, sat, lamport). */
  unitDecimals: number;
}

export interface Attribution {
  total: Effect;
  balance: Effect;
  rate: Effect;
  price: Effect;
  /** Cents added to `remainderTo` so the terms sum to the total; 0 when not every term is known. */
  remainder: bigint;
  remainderTo: EffectName | null;
}

const pow10 = (decimals: number) => 10n ** BigInt(decimals);
const missing = (reason: string): Effect => ({ ok: false, reason });
const cents = (value: bigint): Effect => ({ ok: true, cents: value });

/** The side's USD value in cents as the portfolio computes it; 0 when nothing is held, null when a figure is missing. */
export function sideCents(side: CompareSide): bigint | null {
  if (side.amount === null) return null;
  if (side.amount === 0n) return 0n;
  if (!side.nav.ok || !side.usd.ok) return null;
  const underlying = convert(side.amount, side.decimals, side.nav.rate, side.unitDecimals);
  return convert(underlying, side.unitDecimals, side.usd.rate, 2);
}

/** q · nav · p in cents, truncated toward zero; q may be negative, rates may be differences. */
function centsOf(q: bigint, qDecimals: number, nav: Fixed, usd: Fixed): bigint {
  return (q * nav.value * usd.value * 100n) / pow10(qDecimals + nav.decimals + usd.decimals);
}

/** Two rates at one scale, and their difference (after − before). */
function difference(before: Fixed, after: Fixed): Fixed {
  const decimals = Math.max(before.decimals, after.decimals);
  return { value: rescale(after.value, after.decimals, decimals) - rescale(before.value, before.decimals, decimals), decimals };
}

function need(figures: [string, Figure][]): string | null {
  const absent = figures.find(([, figure]) => !figure.ok);
  return absent ? `${absent[0]}: ${(absent[1] as { reason: string }).reason}` : null;
}

export function attributeChange(before: CompareSide, after: CompareSide): Attribution {
  if (before.amount === null || after.amount === null) {
    const which = before.amount === null ? `start: ${before.error ?? 'not read'}` : `end: ${after.error ?? 'not read'}`;
    const reason = `balance could not be read at the ${which}`;
    return { total: missing(reason), balance: missing(reason), rate: missing(reason), price: missing(reason), remainder: 0n, remainderTo: null };
  }
  // One token, so one decimals; rescaled all the same should a token ever change them.
  const decimals = Math.max(before.decimals, after.decimals);
  const q0 = rescale(before.amount, before.decimals, decimals);
  const q1 = rescale(after.amount, after.decimals, decimals);
  const [nav0, nav1, p0, p1] = [before.nav, after.nav, before.usd, after.usd];
  const labels = { nav0: 'NAV at the start', nav1: 'NAV at the end', p0: 'USD price at the start', p1: 'USD price at the end' };

  const term = (zero: boolean, figures: [string, Figure][], compute: () => bigint): Effect => {
    if (zero) return cents(0n);
    const reason = need(figures);
    return reason ? missing(reason) : cents(compute());
  };
  const rate = (figure: Figure) => (figure as { rate: Fixed }).rate;
  const balance = term(q1 === q0, [[labels.nav0, nav0], [labels.p0, p0]], () => centsOf(q1 - q0, decimals, rate(nav0), rate(p0)));
  const navEffect = term(q1 === 0n, [[labels.nav0, nav0], [labels.nav1, nav1], [labels.p0, p0]], () => centsOf(q1, decimals, difference(rate(nav0), rate(nav1)), rate(p0)));
  const price = term(q1 === 0n, [[labels.nav1, nav1], [labels.p0, p0], [labels.p1, p1]], () => centsOf(q1, decimals, rate(nav1), difference(rate(p0), rate(p1))));

  const v0 = sideCents(before);
  const v1 = sideCents(after);
  const total: Effect = v0 !== null && v1 !== null ? cents(v1 - v0) : missing(v0 === null ? `value at the start: ${need([[labels.nav0, nav0], [labels.p0, p0]])}` : `value at the end: ${need([[labels.nav1, nav1], [labels.p1, p1]])}`);
  const terms = { balance, rate: navEffect, price };
  return { total, ...assignRemainder(total, terms) };
}

/** Adds what truncation left over to the largest known term, when the total and every term are known. */
export function assignRemainder(total: Effect, terms: Record<EffectName, Effect>): Omit<Attribution, 'total'> {
  const known = EFFECTS.map((name) => terms[name]);
  if (!total.ok || !known.every((effect) => effect.ok)) return { ...terms, remainder: 0n, remainderTo: null };
  const values = known.map((effect) => (effect as { cents: bigint }).cents);
  const remainder = total.cents - values.reduce((sum, value) => sum + value, 0n);
  const abs = (value: bigint) => (value < 0n ? -value : value);
  let largest = 0;
  values.forEach((value, index) => {
    if (abs(value) > abs(values[largest]!)) largest = index;
  });
  const name = EFFECTS[largest]!;
  return { ...terms, [name]: cents(values[largest]! + remainder), remainder, remainderTo: name } as Omit<Attribution, 'total'>;
}

/** Annualized yield of a rate from its growth between two reads `seconds` apart (the NAV's own times). */
export function navYield(nav0: Figure, nav1: Figure, seconds: number): YieldFigure {
  if (!nav0.ok) return notMeasured(`no NAV at the start: ${nav0.reason}`);
  if (!nav1.ok) return notMeasured(`no NAV at the end: ${nav1.reason}`);
  if (!(seconds > 0)) return notMeasured('both NAVs come from the same refresh');
  const decimals = Math.max(nav0.rate.decimals, nav1.rate.decimals);
  const then = rescale(nav0.rate.value, nav0.rate.decimals, decimals);
  const now = rescale(nav1.rate.value, nav1.rate.decimals, decimals);
  if (then <= 0n || now <= 0n) return notMeasured('a NAV is zero');
  return measured(annualizedYield(then, now, seconds));
}

export interface GrowthItem {
  amount: bigint;
  decimals: number;
  nav0: Fixed;
  nav1: Fixed;
  usd0: Fixed;
}

/** USD with 18 decimals: fine enough that a day of NAV growth on a small position keeps its digits. */
const FINE = 18;
const fineUsd = (item: GrowthItem, nav: Fixed) => (item.amount * nav.value * item.usd0.value * pow10(FINE)) / pow10(item.decimals + nav.decimals + item.usd0.decimals);

/**
 * The portfolio's realized yield over `seconds`: the growth of the start holdings' value at the
 * start USD prices when only the NAVs move (a native coin's NAV stays 1, so idle coins dilute
 * it), annualized. Deposits, withdrawals and price moves are not yield and are left out.
 */
export function portfolioRateYield(items: readonly GrowthItem[], seconds: number): { figure: YieldFigure; startFineUsd: bigint } {
  const start = items.reduce((sum, item) => sum + fineUsd(item, item.nav0), 0n);
  const grown = items.reduce((sum, item) => sum + fineUsd(item, item.nav1), 0n);
  if (!(seconds > 0)) return { figure: notMeasured('no time between the two points'), startFineUsd: start };
  if (start <= 0n || grown <= 0n) return { figure: notMeasured('no holding with a NAV and a USD price at the start'), startFineUsd: start };
  return { figure: measured(annualizedYield(start, grown, seconds)), startFineUsd: start };
}

/** Sums of one term over positions: the known ones, and how many were missing. */
export function sumEffects(effects: readonly Effect[]): { cents: bigint; missing: number } {
  return effects.reduce((acc, effect) => (effect.ok ? { ...acc, cents: acc.cents + effect.cents } : { ...acc, missing: acc.missing + 1 }), { cents: 0n, missing: 0 });
}
