/**
 * Slashing exposure graph math, pure and integer: a stake (a position's shares of one
 * strategy, delegated to one operator, valued in the underlying) is slashable by each
 * operator set the operator allocates that strategy to, in proportion
 * currentMagnitude / maxMagnitude. An operator's magnitudes for a strategy sum to at most
 * its max magnitude, so the sets never count the same stake twice.
 */

export const WAD = 10n ** 18n;
export const BPS = 10_000n;

export interface Stake {
  positionId: string;
  operator: string;
  strategy: string;
  /** Underlying raw units (wei for ETH) the position has in this strategy with this operator. */
  amount: bigint;
}

export interface AllocationLike {
  operator: string;
  avs: string;
  setId: number;
  strategy: string;
  currentMagnitude: bigint;
  pendingDiff: bigint;
  effectBlock: number;
  maxMagnitude: bigint;
  slashable: boolean;
}

export interface Exposure {
  positionId: string;
  operator: string;
  avs: string;
  setId: number;
  strategy: string;
  /** Slashable now, underlying raw units (floored). */
  amount: bigint;
  /** After the pending allocation change takes effect at `effectBlock`, when there is one. */
  pendingAmount: bigint | null;
  effectBlock: number | null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
export const setKey = (avs: string, setId: number) => `${avs.toLowerCase()}:${setId}`;

export function exposuresOf(stakes: readonly Stake[], allocations: readonly AllocationLike[]): Exposure[] {
  const out: Exposure[] = [];
  for (const stake of stakes) {
    if (stake.amount <= 0n) continue;
    for (const allocation of allocations) {
      if (!allocation.slashable || allocation.maxMagnitude <= 0n || !same(allocation.operator, stake.operator) || !same(allocation.strategy, stake.strategy)) continue;
      const amount = (stake.amount * allocation.currentMagnitude) / allocation.maxMagnitude;
      const pending = allocation.pendingDiff === 0n ? null : allocation.currentMagnitude + allocation.pendingDiff;
      if (amount === 0n && pending === null) continue;
      out.push({
        positionId: stake.positionId,
        operator: allocation.operator,
        avs: allocation.avs,
        setId: allocation.setId,
        strategy: allocation.strategy,
        amount,
        pendingAmount: pending === null ? null : (stake.amount * (pending > 0n ? pending : 0n)) / allocation.maxMagnitude,
        effectBlock: pending === null ? null : allocation.effectBlock,
      });
    }
  }
  return out;
}

/** Totals by AVS (all its sets), by operator set, or by operator. */
export function totalsBy(exposures: readonly Exposure[], by: 'avs' | 'set' | 'operator'): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const exposure of exposures) {
    const key = by === 'avs' ? exposure.avs.toLowerCase() : by === 'operator' ? exposure.operator.toLowerCase() : setKey(exposure.avs, exposure.setId);
    totals.set(key, (totals.get(key) ?? 0n) + exposure.amount);
  }
  return totals;
}

/**
 * shared[a][b]: the share of position a's slashable amount that sits in operator sets
 * position b is also exposed to (1 = every set that can slash a can also slash b).
 * Not symmetric. A position with no exposure has a row of zeros.
 */
export function sharedExposure(exposures: readonly Exposure[], positionIds: readonly string[]): number[][] {
  const bySet = new Map<string, Map<string, bigint>>();
  for (const id of positionIds) bySet.set(id, new Map());
  for (const exposure of exposures) {
    const sets = bySet.get(exposure.positionId);
    if (!sets) continue;
    const key = setKey(exposure.avs, exposure.setId);
    sets.set(key, (sets.get(key) ?? 0n) + exposure.amount);
  }
  return positionIds.map((a) => {
    const mine = bySet.get(a)!;
    const total = [...mine.values()].reduce((sum, value) => sum + value, 0n);
    return positionIds.map((b) => {
      if (total === 0n) return 0;
      const theirs = bySet.get(b)!;
      let shared = 0n;
      for (const [key, value] of mine) if (theirs.has(key)) shared += value;
      return Number((shared * 1_000_000n) / total) / 1_000_000;
    });
  });
}

/** Pairs of positions that share no operator (the diversification the seed note advises). */
export function disjointPairs(exposures: readonly Exposure[], positionIds: readonly string[]): [string, string][] {
  const operators = new Map(positionIds.map((id) => [id, new Set<string>()]));
  for (const exposure of exposures) operators.get(exposure.positionId)?.add(exposure.operator.toLowerCase());
  const pairs: [string, string][] = [];
  positionIds.forEach((a, i) => {
    for (const b of positionIds.slice(i + 1)) {
      const left = operators.get(a)!;
      const right = operators.get(b)!;
      if (left.size > 0 && right.size > 0 && ![...left].some((operator) => right.has(operator))) pairs.push([a, b]);
    }
  });
  return pairs;
}

export interface Concentration {
  /** Largest single AVS (all its sets) / single operator exposure, and its share of the portfolio value. */
  largestAvs: { key: string; amount: bigint; share: number } | null;
  largestOperator: { key: string; amount: bigint; share: number } | null;
  /** Herfindahl–Hirschman index of exposure across AVSs, 0–10,000 (10,000 = one AVS). */
  hhiAvs: number;
}

export function concentration(exposures: readonly Exposure[], portfolioValue: bigint): Concentration {
  const largest = (totals: Map<string, bigint>) => {
    let best: { key: string; amount: bigint } | null = null;
    for (const [key, amount] of totals) if (!best || amount > best.amount) best = { key, amount };
    return best && portfolioValue > 0n ? { ...best, share: ratio(best.amount, portfolioValue) } : best ? { ...best, share: 0 } : null;
  };
  const byAvs = totalsBy(exposures, 'avs');
  const total = [...byAvs.values()].reduce((sum, value) => sum + value, 0n);
  let hhi = 0;
  if (total > 0n) for (const amount of byAvs.values()) hhi += (ratio(amount, total) * 100) ** 2;
  return { largestAvs: largest(byAvs), largestOperator: largest(totalsBy(exposures, 'operator')), hhiAvs: Math.round(hhi) };
}

export interface Scenario {
  kind: 'avs' | 'operator';
  /** The AVS or operator address. */
  target: string;
  /** Share slashed, in basis points (10,000 = all of the allocated stake). */
  bps: number;
}

/** Loss per position (underlying raw units, floored) if the scenario happens. */
export function stressLoss(exposures: readonly Exposure[], scenario: Scenario): Map<string, bigint> {
  if (!Number.isInteger(scenario.bps) || scenario.bps < 0 || scenario.bps > 10_000) throw new RangeError('a slashing share must be 0–10,000 basis points');
  const losses = new Map<string, bigint>();
  for (const exposure of exposures) {
    const target = scenario.kind === 'avs' ? exposure.avs : exposure.operator;
    if (!same(target, scenario.target)) continue;
    losses.set(exposure.positionId, (losses.get(exposure.positionId) ?? 0n) + (exposure.amount * BigInt(scenario.bps)) / BPS);
  }
  return losses;
}

/** Every AVS and every operator slashed in full, worst first: the automatic scenarios. */
export function worstCases(exposures: readonly Exposure[], limit = 5): { kind: 'avs' | 'operator'; target: string; loss: bigint }[] {
  const list = (kind: 'avs' | 'operator') =>
    [...totalsBy(exposures, kind)].map(([target, loss]) => ({ kind, target, loss })).sort((a, b) => (b.loss > a.loss ? 1 : b.loss < a.loss ? -1 : 0)).slice(0, limit);
  return [...list('avs'), ...list('operator')];
}

/** a / b as a number with 6 significant decimals of a ratio (display and weighting only). */
export function ratio(a: bigint, b: bigint): number {
  return b === 0n ? 0 : Number((a * 1_000_000n) / b) / 1_000_000;
}

/**
 * A token holder's share of a protocol's EigenLayer stakes (LRT look-through): each stake ×
 * balance / totalSupply, floored. It never attributes more than the protocol restakes.
 */
export function attributeProRata(protocolStakes: readonly Omit<Stake, 'positionId'>[], positionId: string, balance: bigint, totalSupply: bigint): Stake[] {
  if (totalSupply <= 0n || balance <= 0n) return [];
  const share = balance > totalSupply ? totalSupply : balance;
  return protocolStakes.map((stake) => ({ ...stake, positionId, amount: (stake.amount * share) / totalSupply }));
}
